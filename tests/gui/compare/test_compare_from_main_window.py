"""Starting comparisons from the main window: Compare with Standard… and Open Comparison…."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.comparison import Comparison, save_comparison
from process_mapper.gui.compare import CompareDialog, CompareWindow
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings

from ..conftest import SAMPLES


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window whose library is the shipped standards (the samples)."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.library_dock.is_reading(), timeout=10000)
    return window


def _compare_windows(window: MainWindow) -> list[CompareWindow]:
    return window.findChildren(CompareWindow)


def test_compare_offers_the_library_and_the_open_local_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = (SAMPLES / "local" / "A-V1.bpmn").resolve()
    window.open_file(local)
    offered: list[CompareDialog] = []

    def accept(dialog: CompareDialog) -> int:  # as suggested
        offered.append(dialog)
        return CompareDialog.DialogCode.Accepted

    monkeypatch.setattr(CompareDialog, "exec", accept)
    window.compare_action.trigger()
    (dialog,) = offered
    assert dialog.standard_list.count() == len(window.library_dock.entries()) == 5
    assert dialog.local_combo.currentData() == str(local)
    assert dialog.chosen() == (SAMPLES / "standard" / "STD-REM-IN.bpmn", local)
    assert dialog.suggestion_label.text().startswith("Fits best: Inkommande remiss, handläggning — ")
    (compare,) = _compare_windows(window)
    assert compare.isWindow() and compare.isVisible()
    assert compare.comparison.local.path == local
    assert compare.comparison.standard.path.name == "STD-REM-IN.bpmn"
    assert compare.change_list.visible_changes()


def test_open_comparison_reads_a_saved_comparison(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    comparison = Comparison.create(SAMPLES / "standard" / "STD-INTYG-FK7804.bpmn", SAMPLES / "local" / "B-V1.bpmn")
    save_comparison(comparison, tmp_path / "b.pmcompare")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tmp_path / "b.pmcompare"), ""))
    )
    window.open_comparison_action.trigger()
    (compare,) = _compare_windows(window)
    assert compare.windowTitle().startswith("b.pmcompare")
    assert compare.comparison.record == comparison.record


def test_a_damaged_comparison_file_is_explained(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = tmp_path / "trasig.pmcompare"
    damaged.write_text("{", encoding="utf-8")
    shown: list[str] = []

    def warning(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(damaged), "")))
    window.open_comparison_action.trigger()
    assert not _compare_windows(window)
    assert len(shown) == 1 and "trasig.pmcompare" in shown[0] and "Traceback" not in shown[0]


def test_a_moved_bpmn_file_can_be_located(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = tmp_path / "A-V1.bpmn"
    shutil.copy(SAMPLES / "local" / "A-V1.bpmn", local)
    comparison = Comparison.create(SAMPLES / "standard" / "STD-REM-IN.bpmn", local)
    save_comparison(comparison, tmp_path / "a.pmcompare")
    moved = tmp_path / "arkiv" / "A-V1.bpmn"
    moved.parent.mkdir()
    local.rename(moved)
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Open

    files = iter([str(tmp_path / "a.pmcompare"), str(moved)])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (next(files), "")))
    window.open_comparison_action.trigger()
    assert len(asked) == 1 and "A-V1.bpmn" in asked[0]
    (compare,) = _compare_windows(window)
    assert compare.comparison.local.path == moved.resolve()
    assert compare.comparison.moved_files == ("local",) and not compare.comparison.changed_files
    assert compare.banner.isHidden()
