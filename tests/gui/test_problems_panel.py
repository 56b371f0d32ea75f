"""The problems dock: the validator's findings for the current tab; a click reveals the element."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from process_mapper.core.model import Severity
from process_mapper.core.validation import validate
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.panels.problems import (
    ELEMENT_COLUMN,
    PROBLEM_COLUMN,
    ProblemsDock,
)
from process_mapper.gui.settings import AppSettings

from .conftest import SMALL

#: :data:`SMALL` with a task nobody connected, far from the rest, and a gateway that leads nowhere.
BROKEN = SMALL.replace(
    '<endEvent id="E" name="Klar"/>',
    '<endEvent id="E" name="Klar"/><task id="Lost" name="Arkivera remiss"/>',
).replace(
    '<bpmndi:BPMNShape id="E_di"',
    '<bpmndi:BPMNShape id="Lost_di" bpmnElement="Lost"><dc:Bounds x="480" y="160" width="100" height="80"/>'
    '</bpmndi:BPMNShape><bpmndi:BPMNShape id="E_di"',
)


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def broken_bpmn(tmp_path: Path) -> Path:
    path = tmp_path / "broken.bpmn"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.fixture
def dock(window: MainWindow) -> ProblemsDock:
    return window.problems_dock


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> DocumentTab:
    """Open ``path`` and wait for its findings, which are listed once the tab is drawn."""
    tab = window.open_file(path)
    assert tab is not None
    qtbot.waitUntil(lambda: window.problems_dock.windowTitle() != "Problems")
    return tab


def _rows(dock: ProblemsDock) -> list[QTreeWidgetItem]:
    return [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]


def _row_of(dock: ProblemsDock, element_id: str) -> QTreeWidgetItem:
    return next(item for item in _rows(dock) if item.toolTip(ELEMENT_COLUMN) == element_id)


def test_the_findings_of_the_current_tab_are_listed_with_their_count(
    qtbot: QtBot, window: MainWindow, broken_bpmn: Path, small_bpmn: Path, dock: ProblemsDock
) -> None:
    # given
    assert dock.windowTitle() == "Problems"
    # when
    tab = _open(qtbot, window, broken_bpmn)
    # then
    expected = validate(tab.document, schema=False)
    assert [issue.code for issue in dock.issues] == [issue.code for issue in expected]
    assert "unconnected-node" in [issue.code for issue in dock.issues]
    assert dock.windowTitle() == f"Problems ({len(expected)})"
    lost = _row_of(dock, "Lost")
    assert lost.text(PROBLEM_COLUMN) == "The element has no incoming and no outgoing sequence flow."
    assert lost.text(ELEMENT_COLUMN) == "Arkivera remiss"
    assert "'Lost'" in lost.toolTip(PROBLEM_COLUMN) and not lost.icon(PROBLEM_COLUMN).isNull()
    # when another tab is shown
    _open(qtbot, window, small_bpmn)
    # then
    assert "Lost" not in [issue.element_id for issue in dock.issues]


class _PaintCount(QObject):
    """Counts the Paint events of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_a_new_tab_is_painted_before_its_findings_are_computed(
    qtbot: QtBot, window: MainWindow, broken_bpmn: Path, dock: ProblemsDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: the canvas's paints counted when the validation runs
    paints_at_validation: list[int] = []
    counter = _PaintCount()
    original = ProblemsDock.revalidate

    def revalidate(self: ProblemsDock) -> None:
        paints_at_validation.append(counter.paints)
        original(self)

    monkeypatch.setattr(ProblemsDock, "revalidate", revalidate)
    tab = window.open_file(broken_bpmn)
    assert tab is not None
    tab.view.viewport().installEventFilter(counter)
    # when
    qtbot.waitUntil(lambda: dock.windowTitle() != "Problems")
    # then
    assert paints_at_validation[0] >= 1
    assert "unconnected-node" in [issue.code for issue in dock.issues]


def test_a_tab_in_a_hidden_window_gets_its_findings_without_being_painted(
    qtbot: QtBot, app_settings: AppSettings, broken_bpmn: Path
) -> None:
    # given
    hidden = MainWindow(app_settings)
    qtbot.addWidget(hidden)
    # when
    hidden.open_file(broken_bpmn)
    # then
    qtbot.waitUntil(lambda: hidden.problems_dock.windowTitle() != "Problems")
    assert "unconnected-node" in [issue.code for issue in hidden.problems_dock.issues]


def test_clicking_a_finding_selects_and_centres_its_element(
    qtbot: QtBot, window: MainWindow, broken_bpmn: Path, dock: ProblemsDock
) -> None:
    # given
    tab = _open(qtbot, window, broken_bpmn)
    tab.view.set_zoom(4.0)
    item = _row_of(dock, "Lost")
    # when
    rect = dock.tree.visualItemRect(item)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # then
    assert tab.scene.selected_id() == "Lost"
    centre = tab.view.mapToScene(tab.view.viewport().rect().center())
    assert tab.scene.item_for_id("Lost").sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(centre)
    assert window.properties_dock.id_label.text() == "Lost"


def test_enter_on_a_finding_reveals_its_element(
    qtbot: QtBot, window: MainWindow, broken_bpmn: Path, dock: ProblemsDock
) -> None:
    # given
    tab = _open(qtbot, window, broken_bpmn)
    dock.tree.setFocus()
    dock.tree.setCurrentItem(_row_of(dock, "Lost"))
    # when
    qtbot.keyClick(dock.tree, Qt.Key.Key_Return)
    # then
    assert tab.scene.selected_id() == "Lost"


def test_findings_follow_edits_after_a_pause(
    qtbot: QtBot, window: MainWindow, broken_bpmn: Path, dock: ProblemsDock
) -> None:
    # given
    tab = _open(qtbot, window, broken_bpmn)
    before = len(dock.issues)
    # when the lost task is connected, the list waits for the edits to pause
    tab.session.perform(lambda editor: editor.connect("T", "Lost"))
    assert "Lost" in [issue.element_id for issue in dock.issues]
    # then
    qtbot.waitUntil(lambda: "Lost" not in [issue.element_id for issue in dock.issues])
    assert dock.windowTitle() == f"Problems ({len(dock.issues)})"
    # when undone
    tab.session.undo_stack.undo()
    qtbot.waitUntil(lambda: len(dock.issues) == before)


def test_errors_come_first(qtbot: QtBot, window: MainWindow, broken_bpmn: Path, dock: ProblemsDock) -> None:
    # given a gateway without outgoing flow (an error) next to the unconnected task (a warning)
    broken_bpmn.write_text(BROKEN.replace('<sequenceFlow id="F4" sourceRef="G" targetRef="E"/>', ""), encoding="utf-8")
    # when
    _open(qtbot, window, broken_bpmn)
    # then
    severities = [issue.severity for issue in dock.issues]
    assert severities[0] is Severity.ERROR and Severity.WARNING in severities
    assert severities == sorted(severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)


def test_clicking_the_status_bar_issue_count_shows_the_dock(
    qtbot: QtBot, window: MainWindow, dock: ProblemsDock
) -> None:
    # given
    dock.close()
    assert not dock.isVisible()
    # when
    qtbot.mouseClick(window.issues_label, Qt.MouseButton.LeftButton)
    # then
    assert dock.isVisible()
