"""Difference marks by colour and symbol, shared by the compare window and the reports (gui layer).

A practice change marks the elements it concerns with one of four kinds: a step to
introduce (the standard has it, the unit does not), a step to drop or justify (only the
unit has it), a changed step (role, order, decision, medium, deadline, message, data) and a
step renamed only. Each :class:`Mark` is a canvas marker that colours the element (the
``diff-*`` entries of :mod:`.canvas.render.style`) and a symbol on a badge, so the marks
read without colour too: on a black-and-white printout, for colour-blind readers, on a
washed-out projector.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from ..core.diff import Category, PracticeChange
from .canvas import BpmnScene
from .canvas.items import ShapeItem
from .canvas.render.style import DEFAULT_STYLE

__all__ = ["MARK_NAMES", "Mark", "badge_anchors", "element_marks", "mark_of", "paint_badge"]


class Mark(str, Enum):
    """How an element differs; the value is the canvas marker that colours it.

    Listed from the strongest: an element concerned by several changes shows the first.
    """

    INTRODUCE = "diff-added"
    DROP = "diff-removed"
    CHANGED = "diff-changed"
    RENAMED = "diff-renamed"

    @property
    def symbol(self) -> str:
        """The badge's symbol."""
        return _SYMBOLS[self]

    @property
    def colour(self) -> QColor:
        """The marker's stroke colour, which the badge is filled with."""
        return QColor(DEFAULT_STYLE.markers[self.value].stroke or DEFAULT_STYLE.stroke)

    @property
    def fill(self) -> QColor:
        """The fill of a marked shape."""
        return QColor(DEFAULT_STYLE.markers[self.value].fill or DEFAULT_STYLE.fill)


_SYMBOLS = {Mark.INTRODUCE: "+", Mark.DROP: "\u2212", Mark.CHANGED: "!", Mark.RENAMED: "Aa"}
_STRENGTH = {mark: rank for rank, mark in enumerate(Mark)}

#: What each mark means, per language, for legends that are not translated by Qt (reports).
MARK_NAMES: dict[Mark, dict[str, str]] = {
    Mark.INTRODUCE: {"sv": "Steg att införa", "en": "Step to introduce"},
    Mark.DROP: {"sv": "Steg att ta bort eller motivera", "en": "Step to drop or justify"},
    Mark.CHANGED: {"sv": "Ändrat steg", "en": "Changed step"},
    Mark.RENAMED: {"sv": "Endast annan benämning", "en": "Renamed only"},
}


def mark_of(category: Category) -> Mark:
    """The mark of a change's elements: introduce a missing step, drop an extra one, changed, renamed."""
    if category is Category.MISSING_STEP:
        return Mark.INTRODUCE
    if category is Category.EXTRA_STEP:
        return Mark.DROP
    return Mark.RENAMED if category is Category.RENAMED_STEP else Mark.CHANGED


def element_marks(changes: Iterable[PracticeChange]) -> tuple[dict[str, Mark], dict[str, Mark]]:
    """The strongest mark of each element concerned by ``changes``, on the standard and the local side."""
    sides: tuple[dict[str, Mark], dict[str, Mark]] = ({}, {})
    for change in changes:
        mark = mark_of(change.category)
        for marks, elements in zip(sides, (change.standard_elements, change.local_elements), strict=True):
            for element in elements:
                if element not in marks or _STRENGTH[mark] < _STRENGTH[marks[element]]:
                    marks[element] = mark
    return sides


def badge_anchors(scene: BpmnScene, marks: Mapping[str, Mark]) -> list[tuple[QPointF, Mark]]:
    """Where the badges of ``marks`` go in scene coordinates: a shape's top-right corner, a connection's middle.

    Elements the scene does not draw are left out.
    """
    anchors = []
    for element_id, mark in marks.items():
        item = scene.item_for_id(element_id)
        if item is None:
            continue
        anchor = item.view.bounds.topRight() if isinstance(item, ShapeItem) else item.sceneBoundingRect().center()
        anchors.append((anchor, mark))
    return anchors


def paint_badge(painter: QPainter, centre: QPointF, radius: float, mark: Mark) -> None:
    """A filled circle in the mark's colour with its symbol in white, around ``centre``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.GlobalColor.white)
    painter.setBrush(mark.colour)
    painter.drawEllipse(centre, radius, radius)
    font = QFont()
    font.setFamilies(list(DEFAULT_STYLE.font_families))
    font.setBold(True)
    font.setPixelSize(max(6, round(radius * (1.1 if len(mark.symbol) > 1 else 1.6))))
    painter.setFont(font)
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark.symbol)
    painter.restore()
