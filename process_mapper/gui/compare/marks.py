"""Difference marks on the two diagrams of the compare window: badges and legend icons (gui layer).

Every element a practice change concerns gets one :class:`~..marks.Mark` (shared with the reports): a canvas marker that
colours it (the ``diff-*`` styles of :mod:`..canvas.render.style`) and a badge with a
symbol at its corner, so the marks read without colour too (printouts, colour blindness,
a washed-out projector). :class:`MarkLayer` keeps the marks of one scene in step with
the current diff, touching only the elements whose mark changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..canvas import BpmnScene
from ..canvas.items import ShapeItem
from ..canvas.render.style import DEFAULT_STYLE
from ..marks import Mark, paint_badge

#: Badge radius in device pixels: badges keep their size at every zoom.
BADGE_RADIUS_PX = 9.0
#: Badges are drawn above every element of the diagram.
Z_BADGE = 1e6


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
