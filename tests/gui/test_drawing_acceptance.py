"""Acceptance: a referral process drawn with the palette from an empty document, saved, reopened, undone, redone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from pytestqt.qtbot import QtBot

from process_mapper.core.model import BpmnDocument
from process_mapper.core.model.equality import model_differences
from process_mapper.core.model.semantic import FlowNode, Lane, SequenceFlow
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes, write_bpmn
from process_mapper.gui.canvas.items import EdgeItem, ShapeItem
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings

from .editing_helpers import centre_of, choose, click, drag, open_new_document, view_point

#: The referral process the test draws: lanes with their steps, then the flows by step name.
EXPECTED_LANES = {
    "Sekreterare": {
        ("startEvent", "Remiss inkommen"), ("userTask", "Registrera remiss"), ("task", "Boka akut tid"),
        ("endEvent", "Klar"),
    },
    "Doktor": {("userTask", "Granska remiss"), ("exclusiveGateway", "Akut?"), ("sendTask", "Skicka kallelse")},
}
EXPECTED_FLOWS = {
    ("Remiss inkommen", "Registrera remiss", None),
    ("Registrera remiss", "Granska remiss", None),
    ("Granska remiss", "Akut?", None),
    ("Akut?", "Boka akut tid", "Ja"),
    ("Akut?", "Skicka kallelse", None),
    ("Boka akut tid", "Klar", None),
    ("Skicka kallelse", "Klar", None),
}


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> Iterator[MainWindow]:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    for tab in window.document_tabs():  # closing asks nothing and tells nothing about unsaved edits
        tab.session.undo_stack.setClean()


def structure(
    document: BpmnDocument
) -> tuple[list[str], dict[str, set[tuple[str, str]]], set[tuple[str, str, str | None]]]:
    """Pool names, each lane's steps (type and name), and the sequence flows by step name: no ids."""
    pools = [p.name or "" for c in document.collaborations for p in c.participants]
    names = {r.id: r.name for r in document.iter_flow_elements() if isinstance(r, FlowNode)}
    lanes = {
        record.name or "": {(document.get(ref).TAG, names[ref]) for ref in record.flow_node_refs}
        for record in document.index.values()
        if isinstance(record, Lane)
    }
    flows = {
        (names[r.source_ref], names[r.target_ref], r.name)
        for r in document.iter_flow_elements()
        if isinstance(r, SequenceFlow)
    }
    return pools, lanes, flows


def type_label(qtbot: QtBot, tab: DocumentTab, text: str) -> None:
    editor = tab.canvas_editor.label_editor()
    assert editor is not None
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def rename_at(qtbot: QtBot, tab: DocumentTab, point: QPoint, text: str) -> None:
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    type_label(qtbot, tab, text)


def shape_bounds(tab: DocumentTab, element_id: str) -> QRectF:
    item = tab.scene.item_for_id(element_id)
    assert isinstance(item, ShapeItem)
    return item.view.bounds


def draw(qtbot: QtBot, window: MainWindow, tab: DocumentTab, tool: str, at: QPointF, name: str) -> str:
    """Create with the palette at ``at``; name it by typing (activities open their label at once)."""
    choose(qtbot, window, tool)
    click(qtbot, tab, tab.view.mapFromScene(at))
    (created,) = tab.scene.selected_ids()
    if tab.canvas_editor.label_editor() is not None:
        type_label(qtbot, tab, name)
    else:
        rename_at(qtbot, tab, centre_of(tab, created), name)
    return created


def draw_referral_process(qtbot: QtBot, window: MainWindow, tab: DocumentTab) -> None:
    # a pool, named in its header
    choose(qtbot, window, "participant")
    click(qtbot, tab, view_point(tab, 400, 250))
    (pool,) = tab.scene.selected_ids()
    box = shape_bounds(tab, pool)
    rename_at(qtbot, tab, view_point(tab, box.left() + 15, box.center().y()), "Mottagning")
    # two lanes, named in their headers
    choose(qtbot, window, "lane")
    click(qtbot, tab, view_point(tab, box.center().x(), box.center().y()))
    lanes = sorted(
        (r for r in tab.document.index.values() if isinstance(r, Lane)),
        key=lambda lane: shape_bounds(tab, lane.id).top(),
    )
    top, bottom = (shape_bounds(tab, lane.id) for lane in lanes)
    for _lane, band, name in zip(lanes, (top, bottom), ("Sekreterare", "Doktor"), strict=True):
        rename_at(qtbot, tab, view_point(tab, band.left() + 15, band.center().y()), name)
    left, upper, lower = top.left(), top.center().y(), bottom.center().y()
    # the steps
    steps = {
        name: draw(qtbot, window, tab, tool, QPointF(left + x, y), name)
        for tool, x, y, name in (
            ("startEvent", 60, upper, "Remiss inkommen"),
            ("userTask", 170, upper, "Registrera remiss"),
            ("userTask", 170, lower, "Granska remiss"),
            ("exclusiveGateway", 310, lower, "Akut?"),
            ("task", 430, upper, "Boka akut tid"),
            ("sendTask", 430, lower, "Skicka kallelse"),
            ("endEvent", 530, upper, "Klar"),
        )
    }
    # the flows, with the connect tool
    choose(qtbot, window, "connect")
    for source, target, _name in sorted(EXPECTED_FLOWS):
        drag(qtbot, tab, centre_of(tab, steps[source]), centre_of(tab, steps[target]))
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    # the "Ja" flow named on its line
    flow = next(
        r.id for r in tab.document.iter_flow_elements()
        if isinstance(r, SequenceFlow) and (r.source_ref, r.target_ref) == (steps["Akut?"], steps["Boka akut tid"])
    )
    edge = tab.scene.item_for_id(flow)
    assert isinstance(edge, EdgeItem)
    before_last, last = edge.view.points[-2], edge.view.points[-1]  # the first segment is shared with the other flow
    rename_at(qtbot, tab, tab.view.mapFromScene((before_last + last) / 2), "Ja")


def test_a_referral_process_drawn_with_the_palette_saves_reopens_undoes_and_redoes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # given an empty document
    tab = open_new_document(window, tmp_path)
    tab.view.actual_size()
    empty = read_bpmn(tmp_path / "ny.bpmn")
    # when the process is drawn with the palette and the mouse, then saved and reopened
    draw_referral_process(qtbot, window, tab)
    window.grab().save(str(tmp_path / "drawn.png"))
    saved = tmp_path / "remiss.bpmn"
    write_bpmn(tab.document, saved)
    reopened = read_bpmn(saved)
    # then it has the expected structure
    assert structure(reopened) == (["Mottagning"], EXPECTED_LANES, EXPECTED_FLOWS)
    assert reopened.issues == []
    # when everything is undone
    drawn = read_bpmn_bytes(to_bytes(tab.document), "drawn")
    stack = tab.session.undo_stack
    names = [stack.text(index) for index in range(stack.count())]
    steps = ["Start Event", "User Task", "User Task", "Exclusive Gateway", "Task", "Send Task", "End Event"]
    assert names == [
        "Add Pool", "Rename Pool", "Add Lane", "Rename Lane", "Rename Lane",
        *(f"{verb} {step}" for step in steps for verb in ("Add", "Rename")),
        *["Add Sequence Flow"] * len(EXPECTED_FLOWS), "Rename Sequence Flow",
    ]  # every step one command with a readable name
    while window.undo_action.isEnabled():
        window.undo_action.trigger()
    # then the document is empty again
    assert model_differences(empty.definitions, tab.document.definitions) == []
    assert tab.scene.element_ids() == []
    # when everything is redone
    while window.redo_action.isEnabled():
        window.redo_action.trigger()
    # then it is the drawn model again
    assert model_differences(drawn.definitions, tab.document.definitions) == []
    assert structure(tab.document) == (["Mottagning"], EXPECTED_LANES, EXPECTED_FLOWS)
