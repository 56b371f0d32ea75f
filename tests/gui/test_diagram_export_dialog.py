"""File > Export > Diagram: the export dialog, its remembered options, the file written, failures."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QLocale, QSettings, QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.gui.files.export_dialog import DiagramExportDialog
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings, DiagramExportChoices
from tests.export.conftest import A3_POINTS, A4_POINTS, page_points, pdf_info, pdf_text, squeezed

#: The small diagram's drawing in DI pixels: its two pools and the scene's margin.
SMALL_WIDTH, SMALL_HEIGHT = 704, 464

Fill = Callable[[DiagramExportDialog], None]


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window with temporary settings and data folder."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


class Export:
    """Drives File > Export > Diagram: fills the dialog, answers the save dialog, records the boxes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fill: Fill | None = None
        self.shown: list[DiagramExportChoices] = []
        self.save_name = ""
        self.suggested: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        monkeypatch.setattr(DiagramExportDialog, "exec", lambda dialog: self._exec(dialog))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save_name))
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(self._critical))

    def _exec(self, dialog: DiagramExportDialog) -> int:
        self.shown.append(dialog.choices())
        if self.fill is None:
            return QDialog.DialogCode.Rejected
        self.fill(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    def _save_name(self, _parent: QWidget, _title: str, suggestion: str, name_filter: str) -> tuple[str, str]:
        self.suggested.append((suggestion, name_filter))
        return self.save_name, ""

    def _critical(self, _parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        self.errors.append((title, text))
        return QMessageBox.StandardButton.Ok

    def run(self, window: MainWindow, fill: Fill, target: Path) -> None:
        self.fill, self.save_name = fill, str(target)
        window.export_diagram_action.trigger()


@pytest.fixture
def export(monkeypatch: pytest.MonkeyPatch) -> Export:
    return Export(monkeypatch)


@pytest.fixture
def swedish() -> Iterator[None]:
    """The interface language is Swedish while the test runs."""
    QLocale.setDefault(QLocale("sv"))
    yield
    QLocale.setDefault(QLocale("en"))


def choose(dialog: DiagramExportDialog, suffix: str) -> None:
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(suffix))


def test_a_poster_pdf_has_the_paper_and_pages_asked_for_and_the_choices_are_remembered(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path
) -> None:
    # given the small diagram open
    assert window.open_file(small_bpmn) is not None

    # when it is exported as an A3 portrait poster at 400 % with 20 mm overlap, typed without a suffix
    def poster(dialog: DiagramExportDialog) -> None:
        choose(dialog, ".pdf")
        assert dialog.paper_box.isVisibleTo(dialog) and not dialog.dpi_box.isVisibleTo(dialog)
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A3"))
        dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("portrait"))
        assert not dialog.scale_box.isEnabled()
        dialog.poster_button.click()
        assert dialog.scale_box.isEnabled() and dialog.overlap_box.isEnabled()
        assert dialog.pages_label.text() == "1 page"
        dialog.scale_box.setValue(400)
        dialog.overlap_box.setValue(20)
        assert dialog.pages_label.text() == "6 pages: 3 across, 2 down"

    export.run(window, poster, tmp_path / "affisch")

    # then an A3 portrait PDF is written, 745 × 491 mm of drawing on 3 × 2 pages, with the title block and
    # the page notes in English
    pdf = tmp_path / "affisch.pdf"
    assert page_points(pdf) == A3_POINTS and pdf_info(pdf)["Pages"] == "6"
    text = squeezed(pdf_text(pdf))
    assert "Unit" in text and "6/6(row2,column3)" in text and "Kallelse" in text
    assert window.statusBar().currentMessage() == "Exported to “affisch.pdf”."
    assert export.errors == []
    # and the next export starts from these choices, also after a restart
    export.fill = None
    window.export_diagram_action.trigger()
    chosen = DiagramExportChoices(suffix=".pdf", paper="A3", orientation="portrait", tile=True, scale_percent=400.0,
                                  overlap_mm=20.0)
    assert export.shown[-1] == chosen
    restarted = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert restarted.diagram_export() == chosen


def test_a_fitted_pdf_is_one_page_with_the_title_block_in_the_interface_language(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path, swedish: None
) -> None:
    assert window.open_file(small_bpmn) is not None
    export.run(window, lambda dialog: choose(dialog, ".pdf"), tmp_path / "remiss.pdf")
    pdf = tmp_path / "remiss.pdf"
    assert page_points(pdf) == (A4_POINTS[1], A4_POINTS[0]) and pdf_info(pdf)["Pages"] == "1"
    assert "Enhet" in pdf_text(pdf)


def test_the_suggested_file_has_the_suffix_of_the_format_and_the_document_name(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path
) -> None:
    # a saved file: beside it, with the format's suffix
    assert window.open_file(small_bpmn) is not None
    export.run(window, lambda dialog: choose(dialog, ".svg"), tmp_path / "ignored.svg")
    assert export.suggested[-1] == (str(small_bpmn.with_suffix(".svg").resolve()), "SVG pictures (*.svg)")
    # a new diagram: its title in the Documents folder
    window.new_action.trigger()
    export.run(window, lambda dialog: choose(dialog, ".png"), tmp_path / "ny.png")
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert export.suggested[-1] == (str(documents / "Untitled.png"), "PNG images (*.png)")


def test_an_svg_export_parses_and_holds_the_labels(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path
) -> None:
    assert window.open_file(small_bpmn) is not None

    def svg(dialog: DiagramExportDialog) -> None:
        choose(dialog, ".svg")
        assert not dialog.paper_box.isVisibleTo(dialog) and not dialog.dpi_box.isVisibleTo(dialog)
        dialog.title_block_box.setChecked(False)

    export.run(window, svg, tmp_path / "remiss.svg")
    root = etree.parse(str(tmp_path / "remiss.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == f"0 0 {SMALL_WIDTH} {SMALL_HEIGHT}"  # one SVG pixel per DI pixel, no title block
    assert "Bedöm remiss" in "".join(root.itertext())


@pytest.mark.parametrize(("dpi", "transparent"), [(96, True), (192, False)])
def test_a_png_has_the_resolution_and_background_asked_for(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path, dpi: int, transparent: bool
) -> None:
    assert window.open_file(small_bpmn) is not None

    def png(dialog: DiagramExportDialog) -> None:
        choose(dialog, ".png")
        assert dialog.dpi_box.isVisibleTo(dialog) and not dialog.paper_box.isVisibleTo(dialog)
        dialog.dpi_box.setValue(dpi)
        dialog.background_box.setCurrentIndex(dialog.background_box.findData(transparent))
        dialog.title_block_box.setChecked(False)

    export.run(window, png, tmp_path / "remiss.png")
    image = QImage(str(tmp_path / "remiss.png"))
    scale = dpi / 96
    assert (image.width(), image.height()) == (round(SMALL_WIDTH * scale), round(SMALL_HEIGHT * scale))
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    corner = image.pixelColor(image.width() - 1, image.height() - 1)  # outside both pools
    assert corner.alpha() == (0 if transparent else 255)
    assert window._settings.diagram_export() == DiagramExportChoices(suffix=".png", dpi=dpi, transparent=transparent,
                                                                     title_block=False)


def test_a_cancelled_dialog_asks_for_no_file(window: MainWindow, export: Export, small_bpmn: Path) -> None:
    assert window.open_file(small_bpmn) is not None
    window.export_diagram_action.trigger()
    assert len(export.shown) == 1 and export.suggested == []


def test_a_failed_write_is_explained_and_leaves_no_file(
    window: MainWindow, export: Export, small_bpmn: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a full disk
    assert window.open_file(small_bpmn) is not None

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    # when the diagram is exported
    export.run(window, lambda dialog: choose(dialog, ".pdf"), tmp_path / "remiss.pdf")
    # then the user is told and neither the file nor a temporary file is left
    ((title, text),) = export.errors
    assert title == "Cannot Save File" and "remiss.pdf" in text and "No space left on device" in text
    assert not (tmp_path / "remiss.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    assert "Exported" not in window.statusBar().currentMessage()


def test_export_is_offered_only_with_a_diagram_open(window: MainWindow) -> None:
    assert not window.export_diagram_action.isEnabled()
    window.new_action.trigger()
    assert window.export_diagram_action.isEnabled()
    assert window.export_diagram_action in window.export_menu.actions()


def test_unreadable_remembered_choices_fall_back_to_the_defaults(tmp_path: Path) -> None:
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    stored.setValue("diagramExport/dpi", "many")
    stored.setValue("diagramExport/tile", "true")
    stored.setValue("diagramExport/overlap_mm", "12.5")
    stored.sync()
    restarted = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert restarted.diagram_export() == DiagramExportChoices(tile=True, overlap_mm=12.5)
