"""The title block at the foot of exported and printed diagrams (gui layer).

Process name, version, unit (the process owner) and date, taken from the document's
process metadata (``pm:metadata``, see :mod:`process_mapper.core.model.extensions`) when it
has any, else the process name and today.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ...core.comparison.identity import process_name
from ...core.model import BpmnDocument
from ...core.model.extensions import merged_metadata
from ..canvas.render.style import DEFAULT_STYLE

__all__ = ["TITLE_BLOCK_MM", "TitleBlock", "paint_title_block", "report_font"]

#: Height of the title block.
TITLE_BLOCK_MM = 14.0
#: The cell captions per language.
CAPTIONS = {
    "sv": {"name": "Process", "version": "Version", "unit": "Enhet", "date": "Datum", "page": "Sida"},
    "en": {"name": "Process", "version": "Version", "unit": "Unit", "date": "Date", "page": "Page"},
}
_LINE = QColor("#22242a")
_CAPTION = QColor("#5f6670")


@dataclass(frozen=True)
class TitleBlock:
    """What the title block says.

    Attributes
    ----------
    name, version, unit : str
        Process name, version and the owning unit (``""`` leaves a cell empty).
    day : date
        The date printed.
    """

    name: str
    version: str = ""
    unit: str = ""
    day: date = field(default_factory=date.today)

    @classmethod
    def of(cls, document: BpmnDocument, day: date | None = None) -> TitleBlock:
        """The title block of a document: its metadata, else its process name (else file name)."""
        data, _ = merged_metadata(document)
        fallback = document.path.stem if document.path else ""
        name = data.title or process_name(document) or fallback
        return cls(name, data.version, data.owner, day or date.today())

    def with_overrides(
        self, name: str | None = None, version: str | None = None, unit: str | None = None
    ) -> TitleBlock:
        """The same block with the given fields replaced (None keeps a field)."""
        return replace(self, name=self.name if name is None else name,
                       version=self.version if version is None else version,
                       unit=self.unit if unit is None else unit)


def report_font(points: float, bold: bool = False) -> QFont:
    """The font of title blocks and reports: the canvas's families at ``points``."""
    font = QFont()
    font.setFamilies(list(DEFAULT_STYLE.font_families))
    font.setPointSizeF(points)
    font.setBold(bold)
    # Unhinted glyphs measure the same when wrapping as when the PDF viewer draws them.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def paint_title_block(painter: QPainter, rect: QRectF, block: TitleBlock, language: str, page: str = "") -> None:
    """Draw ``block`` into ``rect`` (device units): a framed row of captioned cells.

    Parameters
    ----------
    painter
        Painting on the page or image.
    rect
        Where the block goes.
    block
        What it says.
    language
        ``"sv"`` or ``"en"``: the captions.
    page
        The page cell's text (``"2 / 6"``); no page cell when empty.
    """
    captions = CAPTIONS[language]
    cells = [("name", block.name, 0.42), ("version", block.version, 0.08), ("unit", block.unit, 0.2),
             ("date", block.day.isoformat(), 0.12)]
    if page:
        cells.append(("page", page, 0.2))
    total = sum(share for _, _, share in cells)
    painter.save()
    line = QPen(_LINE, max(1.0, rect.height() / 90))
    painter.setPen(line)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRect(rect)
    pad = rect.height() * 0.1
    x = rect.left()
    for index, (key, value, share) in enumerate(cells):
        width = rect.width() * share / total
        cell = QRectF(x, rect.top(), width, rect.height())
        if index:
            painter.setPen(line)
            painter.drawLine(cell.topLeft(), cell.bottomLeft())
        inner = cell.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        caption_font = report_font(6.5)
        painter.setFont(caption_font)
        painter.setPen(_CAPTION)
        caption_height = QFontMetricsF(caption_font, painter.device()).height()
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), caption_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, captions[key])
        value_font = report_font(11 if key == "name" else 9, bold=key == "name")
        painter.setFont(value_font)
        painter.setPen(_LINE)
        value_rect = QRectF(inner.left(), inner.top() + caption_height, inner.width(), inner.height() - caption_height)
        metrics = QFontMetricsF(value_font, painter.device())
        shown = metrics.elidedText(value, Qt.TextElideMode.ElideRight, value_rect.width())
        painter.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        x += width
    painter.restore()
