"""The main window: opening files, tabs, recent files, drops, errors, what loads at start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import MAX_RECENT_FILES, AppSettings

from .conftest import SMALL

SAMPLE_STANDARDS = Path(__file__).resolve().parents[2] / "sample_processes" / "standard"


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window with temporary settings and no library."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Captures the (title, text) of every warning box instead of showing it."""
    shown: list[tuple[str, str]] = []

    def warning(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def test_files_open_in_tabs_once_each(window: MainWindow, small_bpmn: Path, tmp_path: Path) -> None:
    other = tmp_path / "intyg.bpmn"
    other.write_text(SMALL, encoding="utf-8")
    assert window.open_file(small_bpmn) is not None
    window.open_file(other)
    assert [tab.path.name for tab in window.document_tabs()] == ["remiss.bpmn", "intyg.bpmn"]
    assert window.tabs.currentIndex() == 1
    assert window.open_file(small_bpmn) is window.document_tabs()[0]
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 0
    assert window.windowTitle().startswith("remiss.bpmn")
    window.close_action.trigger()
    assert [tab.path.name for tab in window.document_tabs()] == ["intyg.bpmn"]


def test_a_wide_diagram_opens_whole_in_view_once_the_docks_are_laid_out(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    # given the main window with the standard library, just shown at a desktop size, as at start with a file to open
    window = MainWindow(app_settings, SAMPLE_STANDARDS)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    # when a diagram wider than the canvas is opened before the window has laid out its docks
    tab = window.open_file(SAMPLE_STANDARDS / "STD-INTYG-FK7804.bpmn")
    assert tab is not None
    qtbot.wait(50)
    # then all of it is in view (not a middle part at the zoom of a wider canvas)
    assert _whole_diagram_in_view(tab)
    # and so it stays when the window is made smaller before anyone zoomed or scrolled
    window.resize(1200, 800)
    qtbot.wait(50)
    assert _whole_diagram_in_view(tab)


def _whole_diagram_in_view(tab: DocumentTab) -> bool:
    visible = tab.view.mapToScene(tab.view.viewport().rect()).boundingRect()
    pixels = 2 / tab.view.zoom()  # rounding to whole pixels while centring
    return visible.adjusted(-pixels, -pixels, pixels, pixels).contains(tab.scene.sceneRect())


def test_zoom_actions_follow_the_current_tab(window: MainWindow, small_bpmn: Path) -> None:
    assert not window.zoom_in_action.isEnabled() and not window.save_action.isEnabled()
    tab = window.open_file(small_bpmn)
    assert tab is not None and window.zoom_in_action.isEnabled()
    window.actual_size_action.trigger()
    window.zoom_in_action.trigger()
    assert tab.view.zoom() == pytest.approx(1.25)
    assert window.new_action.isEnabled() and window.save_action.isEnabled()


def test_recent_files_are_kept_in_settings(window: MainWindow, small_bpmn: Path, tmp_path: Path) -> None:
    window.open_file(small_bpmn)
    reread = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert reread.recent_files() == [small_bpmn.resolve()]
    for number in range(MAX_RECENT_FILES + 2):
        reread.add_recent_file(tmp_path / f"{number}.bpmn")
    assert len(reread.recent_files()) == MAX_RECENT_FILES
    assert reread.recent_files()[0] == (tmp_path / f"{MAX_RECENT_FILES + 1}.bpmn").resolve()
    window.recent_menu.aboutToShow.emit()
    assert len([a for a in window.recent_menu.actions() if a.toolTip().endswith(".bpmn")]) == MAX_RECENT_FILES


def test_window_layout_is_saved_on_close(window: MainWindow, app_settings: AppSettings) -> None:
    window.show()
    window.close()
    geometry, state = app_settings.window_layout()
    assert geometry is not None and state is not None


def _drop_events(paths: list[Path]) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    """A drag entering the window and the drop, carrying ``paths`` (keep the mime data alive)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    how = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), how, mime, buttons, modifiers)
    drop = QDropEvent(QPointF(50, 50), how, mime, buttons, modifiers)
    enter.setAccepted(False)
    drop.setAccepted(False)
    return enter, drop, mime


def test_dropped_bpmn_files_open(window: MainWindow, small_bpmn: Path) -> None:
    enter, drop, _mime = _drop_events([small_bpmn])
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(drop)
    assert [tab.path for tab in window.document_tabs()] == [small_bpmn.resolve()]


def test_other_dropped_files_are_refused(window: MainWindow, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a process")
    enter, _drop, _mime = _drop_events([text])
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_a_bad_file_gives_a_message_not_a_traceback(
    window: MainWindow, app_settings: AppSettings, tmp_path: Path, warnings: list[tuple[str, str]]
) -> None:
    broken = tmp_path / "trasig.bpmn"
    broken.write_text("<definitions>", encoding="utf-8")
    app_settings.add_recent_file(broken)
    assert window.open_file(broken) is None
    assert window.tabs.count() == 0
    ((title, text),) = warnings
    assert title == "Cannot Open File"
    assert "trasig.bpmn" in text and "Traceback" not in text
    assert broken.resolve() not in app_settings.recent_files()


def test_a_missing_file_is_explained(window: MainWindow, tmp_path: Path, warnings: list[tuple[str, str]]) -> None:
    assert window.open_file(tmp_path / "borta.bpmn") is None
    assert "does not exist" in warnings[0][1]


def test_import_issues_are_counted_in_the_status_bar(window: MainWindow, tmp_path: Path) -> None:
    dangling = tmp_path / "dangling.bpmn"
    dangling.write_text(SMALL.replace('targetRef="G"/>', 'targetRef="Nowhere"/>'), encoding="utf-8")
    tab = window.open_file(dangling)
    assert tab is not None and tab.document.issues
    count = len(tab.document.issues)
    assert window.issues_label.text() == f"{count} import issue" + ("s" if count > 1 else "")
    assert tab.document.issues[0].message in window.issues_label.toolTip()


#: Modules the main window uses only on demand (comparing, reports, exports): not loaded at start.
ON_DEMAND_MODULES = (
    "process_mapper.core.diff", "process_mapper.core.reports", "process_mapper.gui.export", "scipy", "openpyxl",
)

_START_IMPORTS = """
import json, sys
from process_mapper.cli.main import build_parser
from process_mapper.gui.app import create_application
from process_mapper.gui.main_window import MainWindow
build_parser()
print(json.dumps(sorted(name for name in json.loads(sys.argv[1]) if name in sys.modules)))
"""


def test_starting_the_app_loads_neither_the_diff_engine_nor_reports_nor_exports() -> None:
    # given a fresh interpreter
    # when it imports what the app's start needs: the command line, the application, the main window
    result = subprocess.run(
        [sys.executable, "-c", _START_IMPORTS, json.dumps(ON_DEMAND_MODULES)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    # then the modules needed only on demand are not loaded yet
    assert json.loads(result.stdout) == []
