"""The compare window on the sample pairs: marks, the change list, links, decisions, files, workshop mode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from process_mapper.core.comparison import Comparison, Decision
from process_mapper.core.diff import Category, ChangeSeverity
from process_mapper.gui.compare import CompareWindow, open_comparison_file
from process_mapper.gui.compare.window import (
    COUNTERPART_MARKER,
    WORKSHOP_SCALE,
    WORKSHOP_ZOOM,
    DiagramPane,
)
from process_mapper.gui.marks import Mark

from .conftest import expected_changes, sample_pairs

OpenWindow = Callable[[Comparison], CompareWindow]


def _viewport_centre_in(pane: DiagramPane, element_id: str) -> bool:
    """Whether the middle of the pane's view lies on the element's drawing."""
    item = pane.scene.item_for_id(element_id)
    assert item is not None
    centre = pane.view.mapToScene(pane.view.viewport().rect().center())
    return item.sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(centre)


def _move_mouse(pane: DiagramPane, position: QPoint) -> None:
    """The pointer moves over the pane's viewport to ``position`` (sent straight to it: the offscreen
    platform drops synthesised moves while another test's window holds the pointer)."""
    viewport = pane.view.viewport()
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(position), QPointF(viewport.mapToGlobal(position)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def _activate(qtbot: QtBot, window: CompareWindow) -> None:
    """Make ``window`` the active window, so that its shortcuts answer keys."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _marked(pane: DiagramPane, element_id: str, mark: Mark) -> bool:
    badge = pane.marks.badge(element_id)
    return mark.value in pane.scene.markers(element_id) and badge is not None and badge.mark is mark


@pytest.mark.parametrize(("name", "standard", "local"), sample_pairs(), ids=[p[0] for p in sample_pairs()])
def test_missing_and_extra_steps_are_marked_by_colour_and_symbol(
    open_window: OpenWindow, name: str, standard: Path, local: Path
) -> None:
    comparison = Comparison.create(standard, local)
    window = open_window(comparison)
    # Timer events listed with a missing step are its time limit: they are marked as changed.
    steps = (comparison.differ.standard.facts.practice_steps, comparison.differ.local.facts.practice_steps)
    for change in expected_changes(name):
        if change["category"] == "missing_step":
            missing = [e for e in change["standard_elements"] if e in steps[0]]
            assert missing and all(_marked(window.panes["standard"], e, Mark.INTRODUCE) for e in missing)
        if change["category"] == "extra_step":
            extra = [e for e in change["local_elements"] if e in steps[1]]
            assert extra and all(_marked(window.panes["local"], e, Mark.DROP) for e in extra)


def test_changed_renamed_and_unchanged_steps_are_told_apart(open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    standard, local = window.panes["standard"], window.panes["local"]
    # A_SE1 arrives by post (medium) and is worded differently: the stronger mark, changed, shows.
    assert _marked(standard, "A_SE1", Mark.CHANGED) and _marked(local, "A_SE1", Mark.CHANGED)
    concerned = {e for c in comparison.result().changes for e in c.standard_elements}
    unchanged = [a for a, _ in comparison.result().matches.pairs() if a not in concerned]
    assert unchanged
    assert all(not standard.scene.markers(a) and standard.marks.badge(a) is None for a in unchanged)


def test_a_step_only_worded_differently_is_marked_renamed(open_window: OpenWindow) -> None:
    # C-V1 words the start event of the certificate process differently, and nothing more.
    window = open_window(Comparison.create(*sample_pairs()[4][1:]))
    assert _marked(window.panes["standard"], "C_SE1", Mark.RENAMED)
    assert _marked(window.panes["local"], "C_SE1", Mark.RENAMED)
    assert window.panes["local"].marks.badge("C_SE1").mark.symbol == "Aa"


def test_hovering_a_step_marks_its_counterpart_and_says_why(qtbot: QtBot, open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    match = comparison.match_of("standard", "A_SE1")
    assert match is not None
    pane = window.panes["standard"]
    pane.view.centre_on_element("A_SE1")
    item = pane.scene.item_for_id("A_SE1")
    assert item is not None
    position = pane.view.mapFromScene(item.sceneBoundingRect().center())
    _move_mouse(pane, position)
    assert window.counterparts() == match.b_ids
    assert all(COUNTERPART_MARKER in window.panes["local"].scene.markers(b) for b in match.b_ids)
    text = window.hover_text("standard", "A_SE1")
    assert match.reason in text and "Paired with" in text
    _move_mouse(pane, QPoint(2, 2))
    assert window.counterparts() == ()
    assert all(COUNTERPART_MARKER not in window.panes["local"].scene.markers(b) for b in match.b_ids)


def test_clicking_a_change_centres_both_views_on_its_elements(qtbot: QtBot, open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    for pane in window.panes.values():
        pane.view.set_zoom(3.0)
    change = next(c for c in comparison.ordered_changes() if c.category is Category.ROLE_CHANGE)
    item = window.change_list._items[change.id]
    tree = window.change_list.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.change_list.current_change() == change.id
    assert _viewport_centre_in(window.panes["standard"], change.standard_elements[0])
    assert _viewport_centre_in(window.panes["local"], change.local_elements[0])
    assert window.panes["standard"].scene.selected_id() == change.standard_elements[0]
    assert window.panes["local"].scene.selected_id() == change.local_elements[0]


def test_next_and_previous_walk_in_process_order(qtbot: QtBot, open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[2][1:])
    window = open_window(comparison)
    order = [c.id for c in comparison.ordered_changes()]
    _activate(qtbot, window)
    for expected in order[:3]:
        qtbot.keyClick(window, Qt.Key.Key_F8)
        assert window.change_list.current_change() == expected
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.change_list.current_change() == order[1]


def test_filters_show_one_category_and_severity_with_counts(open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    summary = comparison.summary()
    missing = summary.by_category[Category.MISSING_STEP]
    assert f"Missing step {missing}" in window.change_list.counts_label.text()
    combo = window.change_list.category_filter
    combo.setCurrentIndex(combo.findData(Category.MISSING_STEP))
    shown = window.change_list.visible_changes()
    assert len(shown) == missing
    assert all(comparison.change(c).category is Category.MISSING_STEP for c in shown)
    severity = window.change_list.severity_filter
    severity.setCurrentIndex(severity.findData(ChangeSeverity.INFO))
    assert window.change_list.visible_changes() == []


def test_link_and_unlink_recompute_the_list_and_the_marks(open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    missing = next(c for c in comparison.ordered_changes() if c.category is Category.MISSING_STEP)
    extra = next(c for c in comparison.ordered_changes() if c.category is Category.EXTRA_STEP)
    a, b = missing.standard_elements[0], extra.local_elements[0]
    window.panes["standard"].scene.select(a)
    window.panes["local"].scene.select(b)
    assert window.link_action.isEnabled() and not window.unlink_action.isEnabled()
    window.link_action.trigger()
    listed = window.change_list.visible_changes()
    assert missing.id not in listed and extra.id not in listed
    assert comparison.match_of("standard", a).forced
    assert not _marked(window.panes["standard"], a, Mark.INTRODUCE)
    assert "Paired with" in window.hover_text("local", b)
    assert window.unlink_action.isEnabled() and window.isWindowModified()
    window.unlink_action.trigger()
    listed = window.change_list.visible_changes()
    assert missing.id in listed and extra.id in listed
    assert _marked(window.panes["standard"], a, Mark.INTRODUCE) and _marked(window.panes["local"], b, Mark.DROP)
    assert comparison.unlinks == ((a, b),)


def _record(qtbot: QtBot, window: CompareWindow, change_id: str) -> None:
    window.change_list.select_change(change_id)
    form = window.decision_form
    form.decision.setCurrentIndex(form.decision.findData(Decision.KEEP))
    form.record_button.click()
    assert form.error_label.isVisibleTo(window)  # keeping needs a justification
    assert window.comparison.decision(change_id) is None
    qtbot.keyClicks(form.justification, "Patienterna ringer hellre")
    qtbot.keyClicks(form.owner, "Enhetschef")
    form.has_due_date.setChecked(True)
    form.due_date.setDate(QDate(2026, 6, 1))
    form.comment.setPlainText("Följs upp i höst")  # QTest types ASCII only
    form.record_button.click()


def test_decisions_are_saved_and_reopen_as_they_were(
    qtbot: QtBot, open_window: OpenWindow, copied_pair: tuple[Path, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    comparison = Comparison.create(*copied_pair)
    window = open_window(comparison)
    change = next(c for c in comparison.ordered_changes() if c.category is Category.MEDIUM_CHANGE)
    _record(qtbot, window, change.id)
    recorded = comparison.decision(change.id)
    assert recorded is not None and recorded.owner == "Enhetschef" and recorded.due_date == date(2026, 6, 1)
    window.panes["standard"].scene.select(comparison.ordered_changes()[0].standard_elements[0])
    target = tmp_path / "workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(target), "")))
    window.save_as_action.trigger()
    assert not window.isWindowModified()
    assert (tmp_path / "workshop.pmcompare").is_file()
    reopened = open_comparison_file(window, tmp_path / "workshop.pmcompare")
    assert reopened is not None
    qtbot.addWidget(reopened)
    assert reopened.banner.isHidden()
    assert reopened.comparison.record == comparison.record
    assert reopened.summary_bar.text() == window.summary_bar.text()
    reopened.change_list.select_change(change.id)
    form = reopened.decision_form
    assert form.entered().decision is Decision.KEEP and form.justification.text() == "Patienterna ringer hellre"
    assert form.owner.text() == "Enhetschef" and form.due_date.date() == QDate(2026, 6, 1)
    assert form.comment.toPlainText() == "Följs upp i höst"
    assert reopened.change_list.row(change.id).decision_name == "Keep the local deviation"


def test_a_file_changed_underneath_loses_nothing_recorded(
    qtbot: QtBot, open_window: OpenWindow, copied_pair: tuple[Path, Path], tmp_path: Path,
) -> None:
    comparison = Comparison.create(*copied_pair)
    window = open_window(comparison)
    extra = next(c for c in comparison.ordered_changes() if c.category is Category.EXTRA_STEP)
    kept = next(c for c in comparison.ordered_changes() if c.category is Category.MISSING_STEP)
    _record(qtbot, window, extra.id)
    _record(qtbot, window, kept.id)
    assert window._save_to(tmp_path / "workshop.pmcompare")
    step = extra.local_elements[0]
    local = copied_pair[1]
    local.write_text(local.read_text(encoding="utf-8").replace(f'"{step}"', f'"{step}_ny"'), encoding="utf-8")
    reopened = open_comparison_file(window, tmp_path / "workshop.pmcompare")
    assert reopened is not None
    qtbot.addWidget(reopened)
    assert reopened.banner.isVisibleTo(reopened)
    assert "local process file has changed" in reopened.banner.text()
    assert "1 decision no longer fits" in reopened.banner.text()
    assert reopened.change_list.is_unplaced(extra.id)
    assert reopened.change_list.row(extra.id).owner == "Enhetschef"
    reopened.change_list.select_change(extra.id)
    assert not reopened.decision_form.isEnabled()
    assert reopened.comparison.decision(kept.id) == comparison.decision(kept.id)
    assert reopened.comparison.record.decisions == comparison.record.decisions


def test_workshop_mode_shows_one_change_at_a_time(qtbot: QtBot, open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    normal_size = window.font().pointSizeF()
    _activate(qtbot, window)
    window.workshop_action.trigger()
    assert window.is_workshop_mode() and window.isFullScreen()
    assert window.font().pointSizeF() == pytest.approx(normal_size * WORKSHOP_SCALE)
    assert window.change_list.isHidden() and window.card.isVisibleTo(window)
    order = [c.id for c in comparison.ordered_changes()]
    assert window.change_list.current_change() == order[0]
    assert f"Change 1 of {len(order)}" in window.card.text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.change_list.current_change() == order[1]
    assert f"Change 2 of {len(order)}" in window.card.text()
    change = comparison.change(order[1])
    for side, elements in (("standard", change.standard_elements), ("local", change.local_elements)):
        view = window.panes[side].view
        item = window.panes[side].scene.item_for_id(elements[0])
        assert view.zoom() == pytest.approx(WORKSHOP_ZOOM)
        assert view.viewport().rect().contains(view.mapFromScene(item.sceneBoundingRect().center()))
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.change_list.current_change() == order[0]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.is_workshop_mode() and not window.isFullScreen()
    assert window.change_list.isVisibleTo(window) and window.card.isVisibleTo(window)
    assert window.font().pointSizeF() == pytest.approx(normal_size)


def test_pan_and_zoom_follow_the_other_side_until_unlinked(open_window: OpenWindow) -> None:
    window = open_window(Comparison.create(*sample_pairs()[0][1:]))
    standard, local = window.panes["standard"].view, window.panes["local"].view
    standard.set_zoom(2.0)
    assert local.zoom() == pytest.approx(2.0)
    window.sync_action.trigger()
    assert not window.sync_action.isChecked()
    standard.set_zoom(1.5)
    assert local.zoom() == pytest.approx(2.0)
    window.stack_action.setChecked(False)
    window.stack_action.trigger()
    assert window.splitter.orientation() == Qt.Orientation.Vertical


def test_a_change_on_one_side_shows_the_same_part_of_the_process_on_the_other(open_window: OpenWindow) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    for pane in window.panes.values():
        pane.view.set_zoom(2.0)
    extra = next(c for c in comparison.ordered_changes() if c.category is Category.EXTRA_STEP)
    window.change_list.select_change(extra.id)
    assert _viewport_centre_in(window.panes["local"], extra.local_elements[0])
    local = window.panes["local"].scene
    extra_centre = local.item_for_id(extra.local_elements[0]).sceneBoundingRect().center()

    def distance(pair: tuple[str, str]) -> float:
        offset = local.item_for_id(pair[1]).sceneBoundingRect().center() - extra_centre
        return offset.x() ** 2 + offset.y() ** 2

    nearest = min(comparison.result().matches.pairs(), key=distance)
    standard = window.panes["standard"]
    counterpart = standard.scene.item_for_id(nearest[0]).sceneBoundingRect().center()
    assert standard.view.viewport().rect().contains(standard.view.mapFromScene(counterpart))


def test_closing_with_unsaved_links_asks_first(
    open_window: OpenWindow, questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = Comparison.create(*sample_pairs()[0][1:])
    window = open_window(comparison)
    window.close()
    assert questions == []  # nothing to save yet
    window = open_window(comparison)
    a, b = next(iter(comparison.result().matches.pairs()))
    window.panes["standard"].scene.select(a)
    window.panes["local"].scene.select(b)
    window.unlink_action.trigger()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible() and comparison.unlinks == ((a, b),)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Discard))
    assert window.close()
