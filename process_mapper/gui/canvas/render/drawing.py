"""Painting helpers shared by the renderers: glyphs and wrapped text (gui layer)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from .paths import Glyph
from .style import Palette

#: Names wrap at word boundaries (explicit line breaks are kept) and may overflow their box.
WRAP = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip
CENTRED = Qt.AlignmentFlag.AlignCenter | WRAP
TOP_CENTRED = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | WRAP
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | WRAP
#: Large enough for any label; text is laid out in a box this tall and measured.
_UNBOUNDED = 100_000.0


def draw_glyphs(
    painter: QPainter, glyphs: Iterable[Glyph], palette: Palette, width: float, solid: bool = False
) -> None:
    """Paint marker glyphs: bodies filled and outlined, details stroked.

    Parameters
    ----------
    painter
        The painter, in scene coordinates.
    glyphs
        What to draw, in order.
    palette
        The element's colours.
    width
        The outline and detail width.
    solid
        Fill every body with the stroke colour (throwing event markers).
    """
    for glyph in glyphs:
        filled = solid or glyph.solid
        if not glyph.body.isEmpty():
            # Solid-by-design bodies (bars, crosses) keep their exact size: no outline.
            painter.setPen(Qt.PenStyle.NoPen if glyph.solid else palette.pen(width))
            painter.setBrush(palette.stroke_brush if filled else palette.fill_brush)
            painter.drawPath(glyph.body)
        if not glyph.details.isEmpty():
            pen = palette.pen(width)
            if filled and not glyph.body.isEmpty():
                pen.setColor(palette.fill)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(glyph.details)


def normalised(text: str) -> str:
    """``text`` with Windows and old-Mac line breaks as ``\\n`` and outer blanks removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_bounds(text: str, font: QFont, rect: QRectF, flags: Qt.AlignmentFlag | Qt.TextFlag) -> QRectF:
    """Where ``text`` lands when drawn in ``rect`` with ``flags`` (it may overflow ``rect``)."""
    box = QRectF(rect)
    if box.height() <= 0:
        box.setHeight(_UNBOUNDED)
    return QFontMetricsF(font).boundingRect(box, int(flags), normalised(text))


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    palette: Palette,
    flags: Qt.AlignmentFlag | Qt.TextFlag,
    external: bool = False,
) -> None:
    """Draw ``text`` wrapped inside ``rect`` in the palette's text colour."""
    painter.setFont(palette.font(external))
    painter.setPen(palette.text)
    painter.drawText(rect, int(flags), normalised(text))


def draw_vertical_text(painter: QPainter, band: QRectF, text: str, palette: Palette) -> None:
    """Draw ``text`` centred in ``band``, reading bottom to top (pool and lane headers)."""
    painter.save()
    painter.translate(band.center())
    painter.rotate(-90)
    rotated = QRectF(-band.height() / 2 + 4, -band.width() / 2, band.height() - 8, band.width())
    draw_text(painter, rotated, text, palette, CENTRED)
    painter.restore()
