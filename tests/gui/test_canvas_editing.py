"""Editing on the canvas with the mouse and keys: selection, palette, connect, move, resize, labels, menus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from process_mapper.core.editing import ShapeKind, kind_of
from process_mapper.core.model.semantic import Group, Lane, Participant, SequenceFlow
from process_mapper.gui.canvas.items import ShapeItem
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.editing.tools import TOOL_MIME_TYPE
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.palette import PALETTE_GROUPS
from process_mapper.gui.settings import AppSettings

from .editing_helpers import (
    centre_of,
    choose,
    click,
    drag,
    drawn_views,
    imported_views,
    is_blank,
    open_new_document,
    view_point,
)

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ELEMENT_TOOLS = [tool for group in PALETTE_GROUPS[1:] for tool in group]


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> Iterator[MainWindow]:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    for tab in window.document_tabs():  # closing asks nothing and tells nothing about unsaved edits
        tab.session.undo_stack.setClean()


@pytest.fixture
def tab(window: MainWindow, small_bpmn: Path) -> DocumentTab:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.view.actual_size()
    tab.view.centerOn(300, 150)
    return tab


def bounds(tab: DocumentTab, element_id: str) -> tuple[float, float, float, float]:
    shape = tab.document.shape_of(element_id)
    assert shape is not None and shape.bounds is not None
    return (shape.bounds.x, shape.bounds.y, shape.bounds.width, shape.bounds.height)


# --- selection --------------------------------------------------------------------------------


def test_click_selects_and_ctrl_click_adds(qtbot: QtBot, tab: DocumentTab) -> None:
    # given
    primaries: list[str] = []
    tab.scene.selection_changed.connect(primaries.append)
    # when
    click(qtbot, tab, centre_of(tab, "T"))
    click(qtbot, tab, centre_of(tab, "E"), CONTROL)
    # then
    assert tab.scene.selected_ids() == ("E", "T") and primaries == ["T", "E"]
    assert "selected" in tab.scene.markers("T") and "selected" in tab.scene.markers("E")
    # and Shift-click takes one out again
    click(qtbot, tab, centre_of(tab, "E"), SHIFT)
    assert tab.scene.selected_ids() == ("T",) and primaries[-1] == "T"


def test_rubber_band_select_all_and_escape(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    # when a band is dragged from inside the pool around the start event and the task
    drag(qtbot, tab, view_point(tab, 50, 50), view_point(tab, 260, 150))
    # then both are selected, the flow between them too, nothing else
    assert set(tab.scene.selected_ids()) == {"S", "T", "F1"}
    # when Select All, then Escape
    qtbot.keyClick(tab.view, Qt.Key.Key_A, CONTROL)
    assert set(tab.scene.selected_ids()) == set(tab.scene.element_ids())
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    assert tab.scene.selected_ids() == ()


def test_click_on_empty_pool_area_selects_the_pool_and_on_nothing_clears(qtbot: QtBot, tab: DocumentTab) -> None:
    click(qtbot, tab, view_point(tab, 400, 200))
    assert tab.scene.selected_id() == "P1"
    click(qtbot, tab, view_point(tab, 300, 280))
    assert tab.scene.selected_id() == ""


def test_delete_key_deletes_the_selection_with_its_flows_in_one_command(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab
) -> None:
    # given
    click(qtbot, tab, centre_of(tab, "G"))
    # when
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    # then
    assert tab.document.get("G") is None and tab.document.get("F2") is None and tab.document.get("F4") is None
    assert tab.session.undo_stack.count() == 1 and "Delete" in window.undo_action.text()
    window.undo_action.trigger()
    assert tab.document.get("G") is not None and tab.document.get("F4") is not None
    # and Backspace deletes too
    click(qtbot, tab, centre_of(tab, "E"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Backspace)
    assert tab.document.get("E") is None


# --- palette ----------------------------------------------------------------------------------


@pytest.mark.parametrize("tool", ELEMENT_TOOLS)
def test_every_palette_entry_creates_its_element_where_clicked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, tool: str
) -> None:
    # given an empty document (with a pool for the lane)
    tab = open_new_document(window, tmp_path)
    if tool == "lane":
        choose(qtbot, window, "participant")
        click(qtbot, tab, view_point(tab, 400, 250))
    before = set(tab.scene.element_ids())
    # when
    choose(qtbot, window, tool)
    click(qtbot, tab, view_point(tab, 400, 250))
    # then the new element is drawn, selected, of the chosen kind, and the select tool is back
    new = [ident for ident in tab.scene.element_ids() if ident not in before]
    assert new and set(tab.scene.selected_ids()) == set(new)
    record = tab.document.get(new[0])
    if tool in ("participant", "lane", "group"):
        assert isinstance(record, {"participant": Participant, "lane": Lane, "group": Group}[tool])
    else:
        assert kind_of(record, tab.document.shape_of(new[0])) == ShapeKind.parse(tool)
    assert tab.canvas_editor.tool() == "select"
    assert window.edit_actions.palette.actions_by_tool["select"].isChecked()
    # and it is rendered where it is
    editor = tab.canvas_editor.label_editor()
    if editor is not None:
        editor.cancel()
    tab.scene.select("")
    item = tab.scene.item_for_id(new[0])
    assert isinstance(item, ShapeItem)
    area = tab.view.mapFromScene(item.view.bounds).boundingRect()
    assert not is_blank(tab.view.viewport().grab(area).toImage())


def test_a_palette_entry_dropped_on_the_canvas_creates_there(window: MainWindow, tmp_path: Path) -> None:
    # given
    tab = open_new_document(window, tmp_path)
    mime = QMimeData()
    mime.setData(TOOL_MIME_TYPE, b"endEvent")
    target = view_point(tab, 300, 200)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # when it is dragged in and dropped
    enter = QDragEnterEvent(target, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(tab.view.viewport(), enter)
    drop = QDropEvent(QPointF(target), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(tab.view.viewport(), drop)
    # then
    (created,) = tab.scene.selected_ids()
    assert kind_of(tab.document.get(created)) == ShapeKind("endEvent")
    centre = tab.view.mapToScene(target)
    assert bounds(tab, created) == pytest.approx((centre.x() - 18, centre.y() - 18, 36.0, 36.0), abs=0.5)


def test_a_new_task_opens_its_label_enter_commits_escape_cancels(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # given
    tab = open_new_document(window, tmp_path)
    choose(qtbot, window, "userTask")
    click(qtbot, tab, view_point(tab, 200, 200))
    editor = tab.canvas_editor.label_editor()
    assert editor is not None and editor.isVisible()
    # when
    qtbot.keyClicks(editor, "Granska remiss")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # then one rename command
    task = tab.scene.selected_id()
    assert tab.document.get(task).name == "Granska remiss" and tab.session.undo_stack.count() == 2
    assert tab.canvas_editor.label_editor() is None
    # when double-click, type and Escape
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(tab, task))
    editor = tab.canvas_editor.label_editor()
    assert editor is not None and editor.text() == "Granska remiss"
    qtbot.keyClicks(editor, "Annat namn")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # then nothing changed
    assert tab.document.get(task).name == "Granska remiss" and tab.session.undo_stack.count() == 2


def test_a_new_group_opens_its_label_and_the_name_becomes_its_category_value(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # given
    tab = open_new_document(window, tmp_path)
    choose(qtbot, window, "group")
    click(qtbot, tab, view_point(tab, 300, 250))
    editor = tab.canvas_editor.label_editor()
    assert editor is not None and editor.isVisible() and editor.text() == ""
    # when
    qtbot.keyClicks(editor, "Remisshantering")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # then the group shows its name, written as its category value, in one rename command
    group = tab.document.get(tab.scene.selected_id())
    assert isinstance(group, Group) and tab.session.undo_stack.count() == 2
    assert tab.document.resolve(group.category_value_ref).value == "Remisshantering"
    assert [label.view.text for label in tab.scene.label_items(group.id)] == ["Remisshantering"]
    # when undone
    window.undo_action.trigger()
    # then the label is gone again
    assert tab.scene.label_items(group.id) == []


# --- connecting -------------------------------------------------------------------------------


def test_connect_tool_draws_a_sequence_flow_the_rules_choose(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab
) -> None:
    # given
    choose(qtbot, window, "connect")
    # when
    drag(qtbot, tab, centre_of(tab, "S"), centre_of(tab, "G"))
    # then
    flows = [r for r in tab.document.iter_flow_elements() if isinstance(r, SequenceFlow) and r.source_ref == "S"]
    assert {f.target_ref for f in flows} == {"T", "G"}
    assert "Sequence Flow" in window.undo_action.text()


def test_dragging_onto_a_start_event_shows_the_forbidden_cursor_and_connects_nothing(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab
) -> None:
    # given
    choose(qtbot, window, "connect")
    viewport = tab.view.viewport()
    # when the connection is dragged from the gateway onto the start event
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre_of(tab, "G"))
    qtbot.mouseMove(viewport, centre_of(tab, "T"))
    allowed = viewport.cursor().shape()
    qtbot.mouseMove(viewport, centre_of(tab, "S"))
    forbidden = viewport.cursor().shape()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre_of(tab, "S"))
    # then
    assert allowed == Qt.CursorShape.CrossCursor and forbidden == Qt.CursorShape.ForbiddenCursor
    assert tab.session.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Nothing may flow into a start event."


def test_dragging_from_the_connect_handle_of_a_hovered_element(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab
) -> None:
    # given the mouse over the end of the pool's process: the gateway
    viewport = tab.view.viewport()
    qtbot.mouseMove(viewport, centre_of(tab, "G"))
    handle = tab.canvas_editor.connect_handle_position("G")
    # when
    qtbot.mouseMove(viewport, handle)
    drag(qtbot, tab, handle, centre_of(tab, "T"))
    # then a message flow would be wrong here: a sequence flow back to the task
    flows = [r for r in tab.document.iter_flow_elements() if isinstance(r, SequenceFlow) and r.source_ref == "G"]
    assert {f.target_ref for f in flows} == {"E", "T"}


def test_a_connection_between_pools_is_a_message_flow(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    choose(qtbot, window, "connect")
    drag(qtbot, tab, centre_of(tab, "E"), view_point(tab, 300, 330))
    assert "Message Flow" in window.undo_action.text()


# --- moving and resizing ----------------------------------------------------------------------


def test_dragging_moves_the_selection_in_one_command(qtbot: QtBot, tab: DocumentTab) -> None:
    # when
    drag(qtbot, tab, centre_of(tab, "E"), centre_of(tab, "E") + QPoint(40, 97))
    # then
    assert bounds(tab, "E") == (490.0, 179.0, 36.0, 36.0)
    assert tab.session.undo_stack.count() == 1


def test_moving_snaps_to_the_grid_when_it_is_shown(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab, app_settings: AppSettings
) -> None:
    # given
    window.edit_actions.grid_action.trigger()
    assert tab.view.grid_visible() and app_settings.show_grid()
    # when the end event (centre 468, 100) is dragged by (33, 147)
    drag(qtbot, tab, centre_of(tab, "E"), centre_of(tab, "E") + QPoint(33, 147))
    # then its centre lands on the grid
    x, y, width, height = bounds(tab, "E")
    assert ((x + width / 2) % 10, (y + height / 2) % 10) == (0.0, 0.0)
    # and the next window shows the grid too
    later = MainWindow(app_settings)
    qtbot.addWidget(later)
    assert later.edit_actions.grid_action.isChecked()


def test_moving_near_a_neighbours_centre_aligns_to_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    # given two tasks, centred on (200, 200) and (400, 300), at 100 %
    tab = open_new_document(window, tmp_path)
    tab.view.actual_size()
    for centre in ((200, 200), (400, 300)):
        choose(qtbot, window, "task")
        click(qtbot, tab, view_point(tab, *centre))
        qtbot.keyClick(tab.canvas_editor.label_editor(), Qt.Key.Key_Escape)
    moved = tab.scene.selected_id()
    # when the second is dragged up to 3 units below the first's centre line
    drag(qtbot, tab, centre_of(tab, moved), centre_of(tab, moved) + QPoint(0, -97))
    # then it snaps onto the first's centre line
    x, y, _width, height = bounds(tab, moved)
    assert (x, y + height / 2) == (350.0, 200.0)


def test_arrow_keys_move_the_selection(qtbot: QtBot, tab: DocumentTab) -> None:
    click(qtbot, tab, centre_of(tab, "T"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Right)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, SHIFT)
    assert bounds(tab, "T") == (150.0, 61.0, 100.0, 80.0) and tab.session.undo_stack.count() == 2


def test_a_corner_handle_resizes_a_task(qtbot: QtBot, tab: DocumentTab) -> None:
    # given
    click(qtbot, tab, centre_of(tab, "T"))
    # when the bottom-right corner (240, 140) is dragged to (280, 160)
    drag(qtbot, tab, view_point(tab, 240, 140), view_point(tab, 280, 160))
    # then
    assert bounds(tab, "T") == (140.0, 60.0, 140.0, 100.0)
    assert "Resize" in tab.session.undo_stack.text(0)


def test_dragging_a_pool_by_its_header_moves_it_with_its_content(qtbot: QtBot, tab: DocumentTab) -> None:
    drag(qtbot, tab, view_point(tab, 15, 200), view_point(tab, 15, 230))
    assert bounds(tab, "P1")[1] == 30.0 and bounds(tab, "T")[1] == 90.0


# --- context menu: change type, lanes ---------------------------------------------------------


def test_change_type_keeps_the_flows(qtbot: QtBot, tab: DocumentTab) -> None:
    # given
    menu = tab.canvas_editor.context_menu_for("G")
    types = next(a.menu() for a in menu.actions() if a.menu() is not None)
    names = [a.text() for a in types.actions()]
    assert "Parallel Gateway" in names and "Exclusive Gateway" not in names
    # when
    next(a for a in types.actions() if a.text() == "Parallel Gateway").trigger()
    # then
    assert type(tab.document.get("G")).__name__ == "ParallelGateway"
    assert tab.document.get("F2").target_ref == "G" and tab.document.get("F4").source_ref == "G"


def test_lanes_are_added_moved_and_removed_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # given a pool with two lanes
    tab = open_new_document(window, tmp_path)
    choose(qtbot, window, "participant")
    click(qtbot, tab, view_point(tab, 400, 250))
    (pool,) = tab.scene.selected_ids()
    action = next(a for a in tab.canvas_editor.context_menu_for(pool).actions() if a.text() == "Add Lane")
    action.trigger()

    def lanes() -> list[str]:
        process = tab.document.processes[0]
        return [lane.id for lane_set in process.lane_sets for lane in lane_set.lanes]

    first, second = lanes()

    def run(element: str, text: str) -> None:
        menu = tab.canvas_editor.context_menu_for(element)
        next(a for a in menu.actions() if a.text() == text).trigger()

    # when
    run(first, "Add Lane Below")
    third = next(ident for ident in lanes() if ident not in (first, second))
    assert lanes() == [first, third, second]
    run(second, "Move Lane Up")
    assert lanes() == [first, second, third]
    run(third, "Remove Lane")
    # then
    assert lanes() == [first, second] and tab.session.undo_stack.count() == 5


# --- clipboard, tidy up -----------------------------------------------------------------------


def test_copy_paste_across_tabs_and_cut(qtbot: QtBot, window: MainWindow, tab: DocumentTab, tmp_path: Path) -> None:
    # given the task copied
    click(qtbot, tab, centre_of(tab, "T"))
    window.edit_actions.copy_action.trigger()
    other = open_new_document(window, tmp_path)
    # when pasted into the empty document
    assert window.edit_actions.paste_action.isEnabled()
    window.edit_actions.paste_action.trigger()
    # then
    pasted = other.scene.selected_ids()
    names = {other.document.get(ident).name for ident in pasted}
    assert names == {"Bedöm remiss", None} and other.session.undo_stack.count() == 1  # with its timer boundary event
    # when cut in the first tab
    window.tabs.setCurrentWidget(tab)
    click(qtbot, tab, centre_of(tab, "E"))
    window.edit_actions.cut_action.trigger()
    assert tab.document.get("E") is None
    window.edit_actions.paste_action.trigger()
    (back,) = tab.scene.selected_ids()
    assert tab.document.get(back).name == "Klar"


def test_tidy_up_is_one_command(window: MainWindow, tab: DocumentTab) -> None:
    window.edit_actions.tidy_action.trigger()
    assert tab.session.undo_stack.count() == 1 and window.undo_action.text().endswith("Tidy Up Layout")
    assert tab.scene.item_for_id("T") is not None
    assert isinstance(tab.scene.item_for_id("T"), ShapeItem)


def test_right_click_opens_the_context_menu_of_the_element(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    # given: the menu, once open, has its "Parallel Gateway" entry chosen
    chosen: list[list[str]] = []

    def choose_in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.append([action.text() for action in menu.actions()])
        types = next(action.menu() for action in menu.actions() if action.menu() is not None)
        next(action for action in types.actions() if action.text() == "Parallel Gateway").trigger()
        menu.close()

    QTimer.singleShot(100, choose_in_menu)
    # when the platform asks for a context menu (as a right click does)
    viewport = tab.view.viewport()
    point = centre_of(tab, "G")
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    )
    # then
    assert chosen[0][:2] == ["Edit Label", "Change Type"] and "Delete" in chosen[0]
    assert tab.scene.selected_id() == "G" and type(tab.document.get("G")).__name__ == "ParallelGateway"


def test_a_pool_and_its_lane_resize_by_their_handles(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    # given the pool selected by its header
    click(qtbot, tab, view_point(tab, 15, 125))
    assert tab.scene.selected_ids() == ("P1",)
    # when its bottom-right handle is dragged 40 units right and 20 down
    drag(qtbot, tab, view_point(tab, 600, 250), view_point(tab, 640, 270))
    # then
    assert bounds(tab, "P1") == (0.0, 0.0, 640.0, 270.0)
    # when the pool gets lanes and the lower one's bottom edge is dragged down by 40
    action = next(a for a in tab.canvas_editor.context_menu_for("P1").actions() if a.text() == "Add Lane")
    action.trigger()
    lower = max(
        (r for r in tab.document.index.values() if isinstance(r, Lane)), key=lambda lane: bounds(tab, lane.id)[1]
    )
    x, y, width, height = bounds(tab, lower.id)
    click(qtbot, tab, view_point(tab, x + 15, y + height / 2))
    assert tab.scene.selected_ids() == (lower.id,)
    drag(qtbot, tab, view_point(tab, x + width, y + height), view_point(tab, x + width, y + height + 40))
    # then the lane and its pool are taller
    assert bounds(tab, lower.id)[3] == height + 40
    assert bounds(tab, "P1")[3] == y + height + 40


def test_after_every_edit_undo_and_redo_the_canvas_draws_what_a_fresh_import_draws(tab: DocumentTab) -> None:
    # given
    copied = tab.session.editor.copy(["T"])
    edits = [
        lambda editor: editor.rename("T", "Prioritera remiss"),
        lambda editor: editor.rename("G", "Brådskande?"),
        lambda editor: editor.change_type("G", "parallelGateway"),
        lambda editor: editor.connect("S", "G"),
        lambda editor: editor.move(["E"], (30.0, 40.0)),
        lambda editor: editor.move(["P1"], (0.0, 20.0)),
        lambda editor: editor.resize("T", (140.0, 80.0, 140.0, 90.0)),
        lambda editor: editor.add_lane("P1"),
        lambda editor: editor.paste(copied, "P1", (0.0, 120.0)),
        lambda editor: editor.delete(["T"]),
        lambda editor: editor.tidy_up(),
    ]
    for build in edits:
        # when
        assert tab.session.perform(build) is not None
        # then
        assert drawn_views(tab) == imported_views(tab)
    stack = tab.session.undo_stack
    while stack.canUndo():
        stack.undo()
        assert drawn_views(tab) == imported_views(tab)
    while stack.canRedo():
        stack.redo()
        assert drawn_views(tab) == imported_views(tab)


def test_an_undo_during_a_drag_ends_the_drag(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    # given an edit, then a drag of the end event under way
    window.edit_actions.tidy_action.trigger()
    start = centre_of(tab, "E")
    before = bounds(tab, "E")
    viewport = tab.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(30, 30))
    qtbot.mouseMove(viewport, start + QPoint(60, 60))
    # when Undo comes in between (the whole diagram is drawn anew)
    window.undo_action.trigger()
    qtbot.mouseMove(viewport, start + QPoint(90, 60))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(90, 60))
    # then the layout is undone and the drag moved nothing
    assert tab.session.undo_stack.index() == 0 and bounds(tab, "E") == (450.0, 82.0, 36.0, 36.0) != before


def test_drawing_outside_the_diagram_keeps_what_is_on_screen_in_place(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # given an empty document with one task, at 100 %
    tab = open_new_document(window, tmp_path)
    tab.view.actual_size()
    viewport = tab.view.viewport().rect()
    choose(qtbot, window, "task")
    click(qtbot, tab, viewport.center())
    qtbot.keyClick(tab.canvas_editor.label_editor(), Qt.Key.Key_Escape)
    (first,) = tab.scene.selected_ids()
    where = centre_of(tab, first)
    # when events are drawn near the corners of the window, far outside the diagram's area
    for corner in (viewport.topLeft() + QPoint(30, 30), viewport.bottomRight() - QPoint(30, 30)):
        choose(qtbot, window, "endEvent")
        click(qtbot, tab, corner)
        # then the task stays where it was on screen, and the new event is where it was put
        assert centre_of(tab, first) == where
        assert (centre_of(tab, tab.scene.selected_id()) - corner).manhattanLength() <= 2
