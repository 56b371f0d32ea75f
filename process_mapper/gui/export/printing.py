"""Printing diagrams from the application, with the same page layouts as PDF export (gui layer).

:func:`print_diagram` draws a document's diagram on a ``QPrinter`` exactly as
:func:`~.diagram.write_pdf` draws it on a PDF: fitted or tiled, with the title block.
:func:`print_with_preview` opens Qt's print preview (with its print dialog) on it; File >
Print calls it.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ...core.model import BpmnDocument
from ...core.model.di import Diagram
from .diagram import diagram_scene, paint_pages
from .pages import PageSetup
from .title_block import TitleBlock

__all__ = ["print_diagram", "print_with_preview"]


def print_diagram(document: BpmnDocument, printer: QPrinter, setup: PageSetup | None = None, *,
                  diagram: Diagram | None = None, block: TitleBlock | None = None, language: str = "sv") -> int:
    """Print a diagram of ``document`` on ``printer``.

    A fresh scene is drawn, so the canvas's selection and hover never reach the paper.

    Parameters
    ----------
    document
        What to print.
    printer
        A printer (or the preview's), not yet painted on; its page layout is set here.
    setup
        Paper, orientation, fit or tiles, title block (default: A4, fitted).
    diagram
        One of ``document.diagrams`` (default: the first).
    block
        The title block (default: from the document's metadata).
    language
        ``"sv"`` or ``"en"`` for the title block's captions.

    Returns
    -------
    int
        The number of pages.
    """
    setup = setup or PageSetup()
    printer.setDocName(block.name if block else TitleBlock.of(document).name)
    return paint_pages(printer, diagram_scene(document, diagram), setup, block or TitleBlock.of(document), language)


def print_with_preview(parent: QWidget | None, document: BpmnDocument, setup: PageSetup | None = None, *,
                       diagram: Diagram | None = None, language: str = "sv") -> bool:
    """Show the print preview of a diagram; the user prints from it through the system dialog.

    Returns
    -------
    bool
        True when the user printed.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(
        lambda target: print_diagram(document, target, setup, diagram=diagram, language=language))
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
