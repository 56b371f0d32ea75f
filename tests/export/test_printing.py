"""Printing uses the PDF's page layouts: a printer writing to a PDF file shows what paper gets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from process_mapper.core.comparison import Comparison
from process_mapper.core.xmlio import read_bpmn
from process_mapper.gui.export import (
    Orientation,
    PageSetup,
    paint_comparison_report,
    print_diagram,
    write_comparison_report,
)

from .conftest import A3_POINTS, A4_POINTS, STANDARD, page_points, pdf_info, pdf_text, squeezed


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_tiles_a_poster_with_the_title_block(qapp: QApplication, tmp_path: Path) -> None:
    # Given the standard and a printer
    document = read_bpmn(STANDARD)
    path = tmp_path / "printed.pdf"

    # When it is printed as a poster on A3 portrait
    setup = PageSetup(paper="A3", orientation=Orientation.PORTRAIT, tile=True, scale_percent=200)
    pages = print_diagram(document, _pdf_printer(path), setup, language="en")

    # Then the printer got every tile on A3 portrait, with the title block
    assert pages > 1 and int(pdf_info(path)["Pages"]) == pages
    assert page_points(path) == A3_POINTS
    text = squeezed(pdf_text(path))
    assert squeezed("Inkommande remiss, handläggning") in text and squeezed(f"1 / {pages} (row 1, column 1)") in text


def test_printing_fits_on_one_page_by_default(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "printed.pdf"
    assert print_diagram(read_bpmn(STANDARD), _pdf_printer(path)) == 1
    assert pdf_info(path)["Pages"] == "1"


def test_the_comparison_report_prints_with_the_layout_of_its_pdf(
        qapp: QApplication, comparison: Comparison, tmp_path: Path) -> None:
    # Given a comparison with decisions
    day = date(2026, 3, 14)
    written = tmp_path / "report.pdf"
    pages = write_comparison_report(comparison, written, "sv", day=day)

    # When it is printed
    printed = tmp_path / "printed.pdf"
    printed_pages = paint_comparison_report(_pdf_printer(printed), comparison, "sv", day=day)

    # Then the printer got landscape A4 pages like the PDF's (text measured at the printer's resolution may
    # break a table a row earlier or later), with the cover, every change and the decisions
    assert int(pdf_info(printed)["Pages"]) == printed_pages and abs(printed_pages - pages) <= 1
    assert page_points(printed) == (A4_POINTS[1], A4_POINTS[0])
    text = squeezed(pdf_text(printed))
    for expected in ("Jämförelse med regional standard", "Enhetschef Åsa Öberg", "Lokalt behov på mottagningen",
                     *(row.explanation for row in comparison.rows("sv"))):
        assert squeezed(expected) in text, expected
