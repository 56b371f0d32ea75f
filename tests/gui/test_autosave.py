"""Autosave of unsaved diagrams, and restoring them after a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.xmlio import read_bpmn
from process_mapper.gui.files.restore_dialog import RestoreDialog
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import DEFAULT_AUTOSAVE_SECONDS, AppSettings

from .conftest import REPO_ROOT

#: A run of the application that edits two diagrams, autosaves and crashes.
CRASHING_RUN = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from process_mapper.gui.main_window import MainWindow
    from process_mapper.gui.settings import AppSettings

    app = QApplication([])
    settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat), Path(sys.argv[2]))
    window = MainWindow(settings)
    opened = window.open_file(Path(sys.argv[3]))
    opened.session.perform(lambda editor: editor.rename("T", "Före kraschen"))
    drawn = window.new_document()
    process_id = drawn.document.processes[0].id
    drawn.session.perform(lambda editor: editor.create_shape("startEvent", process_id, (100.0, 100.0), "Ny remiss"))
    window.autosaver.autosave()
    os._exit(3)
    """
)


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window with temporary settings and data folder."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


def _run_folders(settings: AppSettings) -> list[Path]:
    folder = settings.autosave_folder()
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def test_autosave_runs_every_minute_unless_the_user_chooses(window: MainWindow, app_settings: AppSettings) -> None:
    assert app_settings.autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS == 60
    assert window.autosaver.interval() == 60
    window.autosaver.set_interval(0)
    assert window.autosaver.interval() == 0


def test_modified_documents_are_autosaved_with_a_sidecar(
    window: MainWindow, app_settings: AppSettings, small_bpmn: Path
) -> None:
    # given one modified and one unmodified document
    tab = window.open_file(small_bpmn)
    assert tab is not None
    window.new_document()
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    # when the autosave runs
    (written,) = window.autosaver.autosave()
    # then only the modified one is written, in this run's folder, with its description
    assert written.parent.parent == app_settings.autosave_folder()
    assert read_bpmn(written).get("T").name == "Prioritera remiss"
    sidecar = json.loads(written.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["original_path"] == str(small_bpmn.resolve()) and sidecar["title"] == "remiss.bpmn"
    assert sidecar["read_only"] is False and sidecar["disk_stamp"]["size"] == small_bpmn.stat().st_size
    # and nothing is written again until the document changes
    assert window.autosaver.autosave() == []
    tab.session.perform(lambda editor: editor.rename("T", "Bedöm"))
    assert window.autosaver.autosave() == [written]


def test_autosaves_go_on_save_on_undo_to_the_saved_state_and_on_a_clean_quit(
    window: MainWindow, app_settings: AppSettings, small_bpmn: Path
) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    (written,) = window.autosaver.autosave()
    # undone back to the file's state: the autosave goes at the next round
    window.undo_action.trigger()
    assert window.autosaver.autosave() == [] and not written.exists()
    # saved: it goes at once
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    (written,) = window.autosaver.autosave()
    assert window.files.save(tab) and not written.exists()
    # a clean quit removes the run's folder
    assert _run_folders(app_settings)
    window.show()
    assert window.close()
    assert _run_folders(app_settings) == []


def test_discarding_changes_removes_the_autosave(
    window: MainWindow, small_bpmn: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def discard(_parent: QWidget, _title: str, _text: str, *_buttons: object) -> QMessageBox.StandardButton:
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", staticmethod(discard))
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    (written,) = window.autosaver.autosave()
    assert window.close_tab(0) and not written.exists()


def test_after_a_crash_the_next_start_restores_the_unsaved_diagrams(
    qtbot: QtBot, app_settings: AppSettings, small_bpmn: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a run that autosaved two edited diagrams and crashed
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(tmp_path / "settings.ini"), str(tmp_path / "data"), str(small_bpmn)],
        cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 3, run.stderr
    assert len(_run_folders(app_settings)) == 1
    # when the application starts again and the user restores everything offered
    offered: list[list[str]] = []

    def restore_all(dialog: RestoreDialog) -> int:
        offered.append([dialog.list.item(row).text() for row in range(dialog.list.count())])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", restore_all)
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    restored = window.restore_autosaves()
    # then both come back modified, the opened one with its file, the drawn one untitled
    ((first, second),) = offered
    assert first.startswith("remiss.bpmn") and str(small_bpmn.resolve()) in first
    assert second.startswith("Untitled") and "never saved" in second
    opened, drawn = restored
    assert opened.path == small_bpmn.resolve() and opened.document.get("T").name == "Före kraschen"
    assert drawn.path is None and [n.name for n in drawn.document.processes[0].flow_elements] == ["Ny remiss"]
    assert all(tab.session.is_modified() for tab in restored)
    assert [window.tabs.tabText(i) for i in range(2)] == ["remiss.bpmn*", "Untitled*"]
    # and the crashed run's files are gone, the restored ones autosaved by this run
    (run_folder,) = _run_folders(app_settings)
    assert len(list(run_folder.glob("*.bpmn"))) == 2
    assert window.restore_autosaves() == []
    # and saving the restored diagram writes its original file
    assert window.files.save(opened) and read_bpmn(small_bpmn).get("T").name == "Före kraschen"


def test_discard_all_restores_nothing_and_removes_them(
    window: MainWindow, app_settings: AppSettings, small_bpmn: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = app_settings.autosave_folder() / "crashed-run"
    crashed.mkdir(parents=True)
    (crashed / "a.bpmn").write_bytes(small_bpmn.read_bytes())
    sidecar = {"original_path": None, "title": "Untitled", "read_only": False, "saved_at": "2026-11-27T10:00:00+00:00"}
    (crashed / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    monkeypatch.setattr(RestoreDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert window.restore_autosaves() == [] and window.document_tabs() == []
    assert not crashed.exists()


def test_a_running_copy_keeps_its_autosaves(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings, small_bpmn: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a window with an autosaved diagram, still running
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    (written,) = window.autosaver.autosave()
    # when a second copy starts with the same data folder
    monkeypatch.setattr(RestoreDialog, "exec", lambda _dialog: pytest.fail("nothing to offer"))
    second = MainWindow(app_settings)
    qtbot.addWidget(second)
    # then it offers nothing and leaves the files alone
    assert second.restore_autosaves() == [] and written.exists()
