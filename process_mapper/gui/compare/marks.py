"""Difference marks on the two diagrams of the compare window: colour and symbol (gui layer).

Every element a practice change concerns gets one :class:`Mark`: a canvas marker that
colours it (the ``diff-*`` styles of :mod:`..canvas.render.style`) and a badge with a
symbol at its corner, so the marks read without colour too (printouts, colour blindness,
a washed-out projector). :class:`MarkLayer` keeps the marks of one scene in step with
the current diff, touching only the elements whose mark changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core.diff import Category, PracticeChange
from ..canvas import BpmnScene
from ..canvas.items import ShapeItem
from ..canvas.render.style import DEFAULT_STYLE

#: Badge radius in device pixels: badges keep their size at every zoom.
BADGE_RADIUS_PX = 9.0
#: Badges are drawn above every element of the diagram.
Z_BADGE = 1e6


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


def legend_icon(mark: Mark | None, size: int) -> QPixmap:
    """A swatch of the marked fill with the mark's badge (None: an unchanged step), ``size`` pixels high."""
    pixmap = QPixmap(round(size * 1.6), size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = mark.colour if mark is not None else QColor(DEFAULT_STYLE.stroke)
    painter.setPen(stroke)
    painter.setBrush(mark.fill if mark is not None else QColor(DEFAULT_STYLE.fill))
    painter.drawRoundedRect(QRectF(1, size * 0.2, size * 1.2, size * 0.7), 3, 3)
    if mark is not None:
        paint_badge(painter, QPointF(size * 1.6 - size * 0.32, size * 0.32), size * 0.3, mark)
    painter.end()
    return pixmap


class MarkBadge(QGraphicsItem):
    """The symbol of a mark at an element's top-right corner, as large at every zoom.

    Parameters
    ----------
    mark
        What it shows.
    anchor
        Where its centre goes, in scene coordinates.
    radius
        In device pixels.
    """

    def __init__(self, mark: Mark, anchor: QPointF, radius: float) -> None:
        super().__init__()
        self.mark = mark
        self._radius = radius
        self.setPos(anchor)
        self.setZValue(Z_BADGE)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        extent = self._radius + 1
        return QRectF(-extent, -extent, 2 * extent, 2 * extent)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_badge(painter, QPointF(0, 0), self._radius, self.mark)


class MarkLayer:
    """The difference marks of one scene: markers and badges, updated incrementally.

    Parameters
    ----------
    scene
        The diagram they are drawn on.
    """

    def __init__(self, scene: BpmnScene) -> None:
        self._scene = scene
        self._marks: dict[str, Mark] = {}
        self._badges: dict[str, MarkBadge] = {}
        self._radius = BADGE_RADIUS_PX

    def badge(self, element_id: str) -> MarkBadge | None:
        """The badge drawn on ``element_id``, if any."""
        return self._badges.get(element_id)

    def show(self, marks: Mapping[str, Mark]) -> None:
        """Mark exactly the elements of ``marks``; elements no longer in it become neutral."""
        for element_id in [e for e in self._marks if marks.get(e) is not self._marks[e]]:
            self._scene.remove_marker(element_id, self._marks.pop(element_id).value)
            self._remove_badge(element_id)
        for element_id, mark in marks.items():
            if element_id not in self._marks and self._scene.item_for_id(element_id) is not None:
                self._marks[element_id] = mark
                self._scene.add_marker(element_id, mark.value)
                self._add_badge(element_id, mark)

    def set_badge_radius(self, radius: float) -> None:
        """Draw the badges ``radius`` device pixels large (larger in workshop mode)."""
        if radius != self._radius:
            self._radius = radius
            for element_id in list(self._badges):
                self._remove_badge(element_id)
                self._add_badge(element_id, self._marks[element_id])

    def _add_badge(self, element_id: str, mark: Mark) -> None:
        item = self._scene.item_for_id(element_id)
        if item is None:
            return
        if isinstance(item, ShapeItem):
            anchor = item.view.bounds.topRight()
        elif item.boundingRect().isEmpty():
            return  # a connection without waypoints is not drawn: its colour is all there is
        else:
            anchor = item.sceneBoundingRect().center()
        badge = MarkBadge(mark, anchor, self._radius)
        self._scene.addItem(badge)
        self._badges[element_id] = badge

    def _remove_badge(self, element_id: str) -> None:
        badge = self._badges.pop(element_id, None)
        if badge is not None:
            self._scene.removeItem(badge)
