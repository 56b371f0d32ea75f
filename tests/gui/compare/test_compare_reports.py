"""The compare window's reports: the PDF report, the change list as XLSX or CSV, printing the report."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.comparison import Comparison, Decision
from process_mapper.core.diff import Category
from process_mapper.gui.compare import CompareWindow
from tests.export.conftest import A4_POINTS, page_points, pdf_info, pdf_text, squeezed

OpenWindow = Callable[[Comparison], CompareWindow]
OWNER = "Enhetschef Asa Oberg"
COMMENT = "Införs med e-remiss i höst"


class SaveDialog:
    """Answers the save dialog with a name and a filter, and records what it suggested."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = ("", "")
        self.suggested: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save_name))
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(self._critical))

    def _save_name(self, _parent: QWidget, _title: str, suggestion: str, name_filter: str) -> tuple[str, str]:
        self.suggested.append((suggestion, name_filter))
        return self.answer

    def _critical(self, _parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        self.errors.append((title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    return SaveDialog(monkeypatch)


@pytest.fixture
def decided(qtbot: QtBot, open_window: OpenWindow, copied_pair: tuple[Path, Path]) -> CompareWindow:
    """A compare window on A-V1 with one decision recorded in its form and not saved."""
    window = open_window(Comparison.create(*copied_pair))
    change = next(c for c in window.comparison.ordered_changes() if c.category is Category.MEDIUM_CHANGE)
    window.change_list.select_change(change.id)
    form = window.decision_form
    form.decision.setCurrentIndex(form.decision.findData(Decision.ADOPT))
    qtbot.keyClicks(form.owner, OWNER)  # QTest types ASCII only
    form.has_due_date.setChecked(True)
    form.due_date.setDate(QDate(2026, 6, 1))
    form.comment.setPlainText(COMMENT)
    form.record_button.click()
    assert window.comparison.decision(change.id) is not None and window.isWindowModified()
    return window


def test_the_report_pdf_holds_the_decision_just_recorded(
    decided: CompareWindow, save_dialog: SaveDialog, copied_pair: tuple[Path, Path]
) -> None:
    # when the report is exported under a name typed without a suffix
    folder = copied_pair[1].parent
    save_dialog.answer = (str(folder / "workshop"), "")
    decided.export_report_action.trigger()
    # then the suggestion named both processes beside the local one, and the PDF holds the unsaved decision
    assert save_dialog.suggested == [(str(folder / "A-V1 compared with STD-REM-IN.pdf"), "PDF documents (*.pdf)")]
    pdf = folder / "workshop.pdf"
    assert page_points(pdf) == (A4_POINTS[1], A4_POINTS[0]) and int(pdf_info(pdf)["Pages"]) >= 4
    text = squeezed(pdf_text(pdf))
    assert squeezed("Comparison with the regional standard") in text
    assert squeezed(f"Owner: {OWNER}") in text and squeezed(f"Comment: {COMMENT}") in text and "2026-06-01" in text
    assert decided.statusBar().currentMessage() == "Exported to “workshop.pdf”."
    assert decided.isWindowModified() and save_dialog.errors == []


def test_the_change_list_as_a_workbook_has_one_row_per_change(
    decided: CompareWindow, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    save_dialog.answer = (str(tmp_path / "åtgärder"), "Excel workbooks (*.xlsx)")
    decided.export_changes_action.trigger()
    sheet = openpyxl.load_workbook(tmp_path / "åtgärder.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Category", "Severity")
    assert len(rows) == 1 + len(decided.comparison.rows("en"))
    assert [row[6:9] for row in rows[1:] if row[6]] == [(OWNER, "2026-06-01", COMMENT)]


def test_the_change_list_as_csv_has_one_row_per_change(
    decided: CompareWindow, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    # when CSV is chosen in the save dialog's filter and the name typed without a suffix
    save_dialog.answer = (str(tmp_path / "åtgärder"), "CSV files, semicolon-separated (*.csv)")
    decided.export_changes_action.trigger()
    # then a CSV with a byte-order mark and semicolons holds a header and one row per change
    with (tmp_path / "åtgärder.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert len(rows) == 1 + len(decided.comparison.rows("en"))
    assert [row[6:9] for row in rows[1:] if row[6]] == [[OWNER, "2026-06-01", COMMENT]]
    assert save_dialog.suggested[0][0].endswith("A-V1 compared with STD-REM-IN.xlsx")


def test_a_failed_export_is_explained_and_leaves_no_file(
    decided: CompareWindow, save_dialog: SaveDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    for action, name in ((decided.export_report_action, "rapport.pdf"), (decided.export_changes_action, "lista.xlsx")):
        save_dialog.answer = (str(tmp_path / name), "")
        action.trigger()
        assert not (tmp_path / name).exists()
    assert [title for title, _text in save_dialog.errors] == ["Cannot Export", "Cannot Export"]
    assert "rapport.pdf" in save_dialog.errors[0][1] and "No space left on device" in save_dialog.errors[0][1]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_a_cancelled_save_dialog_writes_nothing(
    decided: CompareWindow, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    decided.export_report_action.trigger()
    decided.export_changes_action.trigger()
    assert len(save_dialog.suggested) == 2 and save_dialog.errors == []
    assert decided.statusBar().currentMessage() == ""


def _to_pdf(printer: QPrinter, path: Path) -> None:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))


def test_print_report_prints_landscape_pages_with_the_decision(
    decided: CompareWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "utskrift.pdf"
    offered: list[QPageLayout.Orientation] = []

    def print_to_pdf(dialog: QPrintDialog) -> int:
        offered.append(dialog.printer().pageLayout().orientation())
        _to_pdf(dialog.printer(), pdf)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_pdf)
    assert decided.print_report()
    assert offered == [QPageLayout.Orientation.Landscape]
    assert page_points(pdf) == (A4_POINTS[1], A4_POINTS[0])
    assert squeezed(f"Owner: {OWNER}") in squeezed(pdf_text(pdf))


def test_the_print_preview_draws_the_report(
    decided: CompareWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "förhandsgranskning.pdf"

    def paint_once(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _to_pdf(printer, pdf)
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", paint_once)
    decided.preview_report_action.trigger()
    assert int(pdf_info(pdf)["Pages"]) >= 4 and squeezed(COMMENT) in squeezed(pdf_text(pdf))
    assert date.today().isoformat() in pdf_text(pdf)
