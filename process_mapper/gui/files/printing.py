"""Printing a diagram: scaled to fit the page, landscape when it is wide (gui layer)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from ...core.model import BpmnDocument
from ..canvas import BpmnScene


class DiagramPrint:
    """One diagram of a document as it goes on paper.

    The diagram is drawn by a scene of its own, so what the canvas marks for the user
    (selection, hover) never reaches the paper.

    Parameters
    ----------
    document
        The document to print.
    diagram_index
        Which of its diagrams (0-based; a document without diagrams prints a blank page).
    """

    def __init__(self, document: BpmnDocument, diagram_index: int = 0) -> None:
        self.scene = BpmnScene()
        diagrams = document.diagrams
        self.scene.load(document, diagrams[min(diagram_index, len(diagrams) - 1)] if diagrams else None)

    def orientation(self) -> QPageLayout.Orientation:
        """Landscape for a diagram wider than it is tall, else portrait."""
        rect = self.scene.sceneRect()
        wide = rect.width() > rect.height()
        return QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait

    def paint(self, printer: QPrinter) -> bool:
        """Draw the diagram in the middle of ``printer``'s page, as large as fits, in proportion.

        Returns
        -------
        bool
            False when the printer could not be opened (a PDF file that cannot be written).
        """
        painter = QPainter()
        if not painter.begin(printer):
            return False
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        source = self.scene.sceneRect()
        scale = min(page.width() / max(source.width(), 1.0), page.height() / max(source.height(), 1.0))
        size = source.size() * scale
        corner = QPointF((page.width() - size.width()) / 2, (page.height() - size.height()) / 2)
        self.scene.render(painter, QRectF(corner, size), source)
        painter.end()
        return True
