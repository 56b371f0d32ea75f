"""Printing the diagram (to a PDF file here) and the Preferences dialog."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.preferences import PreferencesDialog
from process_mapper.gui.settings import AppSettings


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window with temporary settings and data folder."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_print_puts_the_diagram_with_its_labels_on_a_landscape_page(
    window: MainWindow, small_bpmn: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a wide diagram with a selected element
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.scene.select("T")
    pdf = tmp_path / "utskrift.pdf"
    pages: list[QPageLayout.Orientation] = []

    def print_to_pdf(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        pages.append(printer.pageLayout().orientation())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_pdf)
    # when it is printed
    window.print_action.trigger()
    # then the page is landscape and carries the labels
    assert pages == [QPageLayout.Orientation.Landscape]
    words = _pdf_text(pdf).split()  # labels wrap: compared word by word
    for label in ("Remiss inkommen", "Bedöm remiss", "Akut?", "Mottagning", "Kallelse", "Patient"):
        assert all(word in words for word in label.split()), label
    assert tab.scene.markers("T") == {"selected"}


def test_a_new_diagram_prints_on_a_page_of_its_shape(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an empty new diagram
    window.new_action.trigger()
    pdf = tmp_path / "tom.pdf"
    pages: list[QPageLayout.Orientation] = []

    def print_to_pdf(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        pages.append(printer.pageLayout().orientation())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_pdf)
    # when it is printed
    window.print_action.trigger()
    # then one page of the drawing's shape was written (a new diagram is a wide pool)
    assert pages == [QPageLayout.Orientation.Landscape] and pdf.stat().st_size > 0


def test_preferences_store_the_language_and_the_autosave_interval(
    window: MainWindow, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the defaults
    dialog = PreferencesDialog(app_settings, window)
    assert dialog.language_box.currentText() == "System Language" and dialog.autosave_box.value() == 60
    assert [dialog.language_box.itemText(i) for i in range(3)] == ["System Language", "Svenska", "English"]

    # when the user picks Swedish and 2 minutes in the dialog from the Edit menu
    def choose(dialog: PreferencesDialog) -> int:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("sv"))
        dialog.autosave_box.setValue(120)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.preferences_action.trigger()
    # then both are kept, autosave follows at once, the language at the next start
    assert app_settings.language() == "sv" and app_settings.autosave_seconds() == 120
    assert window.autosaver.interval() == 120
    assert "next time" in window.statusBar().currentMessage()
    assert PreferencesDialog(app_settings, window).language_box.currentText() == "Svenska"


def test_autosave_can_be_turned_off(
    window: MainWindow, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def turn_off(dialog: PreferencesDialog) -> int:
        dialog.autosave_box.setValue(0)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", turn_off)
    window.show_preferences()
    assert app_settings.autosave_seconds() == 0 and window.autosaver.interval() == 0
    assert PreferencesDialog(app_settings, window).autosave_box.text() == "Off"
