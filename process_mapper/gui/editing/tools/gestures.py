"""Mouse drags on the canvas: move, resize, connect, rubber-band selection (gui layer).

A gesture lives from the moment a drag starts until the button is released (one edit,
through the session) or Escape cancels it (nothing changes). While it lasts it draws
its feedback as overlay items above the diagram: the moved shapes themselves, guides,
a resize frame, the rubber line of a new connection, the selection rectangle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem
from shiboken6 import Shiboken

from ....core.editing import ConnectionKind, DocumentEditor, Edit, check_connect
from ....core.editing.behaviours.moving_along import carried_along
from ....core.editing.lookup import connections_touching, ends_of
from ...canvas import BpmnScene, BpmnView
from ...canvas.items import EdgeItem, ShapeItem
from ...canvas.view import GRID_SIZE
from .snapping import snap_move, snap_point
from .targets import CONTAINER_KINDS

#: Above everything the diagram draws.
Z_OVERLAY = 10_000.0
OVERLAY_COLOUR = QColor("#2f6fdf")
GUIDE_COLOUR = QColor(230, 40, 120)
#: How close (screen pixels) a dragged edge or centre must come to a neighbour's to snap.
SNAP_PIXELS = 6.0

Perform = Callable[[Callable[[DocumentEditor], Edit]], Edit | None]


def remove_overlay(scene: BpmnScene, item: QGraphicsItem | None) -> None:
    """Take an overlay item off ``scene``; nothing happens when a full redraw deleted it already."""
    if item is not None and Shiboken.isValid(item) and item.scene() is scene:
        scene.removeItem(item)


def overlay_pen(colour: QColor = OVERLAY_COLOUR, dashed: bool = False) -> QPen:
    """A one-pixel pen that keeps its width at every zoom."""
    pen = QPen(colour, 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    return pen


@dataclass
class Canvas:
    """What the gestures work on: the scene, the view, and the session's ``perform``."""

    scene: BpmnScene
    view: BpmnView
    editor: DocumentEditor
    perform: Perform

    def tolerance(self) -> float:
        """The snapping distance in scene units at the current zoom."""
        return SNAP_PIXELS / max(self.view.zoom(), 1e-6)

    def grid(self) -> float | None:
        """The grid spacing to snap to; None when the grid is hidden."""
        return GRID_SIZE if self.view.grid_visible() else None


class Gesture:
    """A drag in progress."""

    def move(self, position: QPointF) -> None:
        """The mouse is at scene ``position``."""

    def finish(self, position: QPointF) -> None:
        """The button was released at ``position``: make the edit."""

    def cancel(self) -> None:
        """Escape: take the feedback away, change nothing."""


class MoveGesture(Gesture):
    """Dragging shapes: they move (with what they carry) and snap; one ``move`` on release.

    Parameters
    ----------
    canvas
        The canvas.
    ids
        The shapes the user moves (pools for lanes).
    start
        Where the drag started, in scene coordinates.
    """

    def __init__(self, canvas: Canvas, ids: list[str], start: QPointF) -> None:
        self.canvas = canvas
        self.ids = ids
        self.start = start
        self.delta = QPointF()
        document = canvas.editor.document
        moving = set(carried_along(document, ids))
        for connection in connections_touching(document, moving):
            if connection.id and set(ends_of(document, connection)) <= moving:
                moving.add(connection.id)
        scene = canvas.scene
        self._items = [item for ident in moving for item in scene.element_items(ident)]
        boxes = [
            item.view.bounds for ident in ids for item in scene.element_items(ident) if isinstance(item, ShapeItem)
        ]
        self._box = QRectF()
        for box in boxes:
            self._box = self._box.united(box)
        self._neighbours = [
            item.view.bounds
            for ident in scene.element_ids()
            if ident not in moving
            for item in scene.element_items(ident)
            if isinstance(item, ShapeItem) and item.view.kind not in CONTAINER_KINDS
        ]
        self._guides: list[QGraphicsLineItem] = []

    def move(self, position: QPointF) -> None:
        raw = position - self.start
        self.delta, guides = snap_move(self._box, raw, self._neighbours, self.canvas.tolerance(), self.canvas.grid())
        for item in self._items:
            item.setPos(self.delta)
        self._clear_guides()
        for line in guides:
            guide = QGraphicsLineItem(line)
            guide.setPen(overlay_pen(GUIDE_COLOUR, dashed=True))
            guide.setZValue(Z_OVERLAY)
            self.canvas.scene.addItem(guide)
            self._guides.append(guide)

    def _clear_guides(self) -> None:
        for guide in self._guides:
            remove_overlay(self.canvas.scene, guide)
        self._guides.clear()

    def cancel(self) -> None:
        for item in self._items:
            if Shiboken.isValid(item):  # a full redraw during the drag deleted the old items
                item.setPos(QPointF())
        self._clear_guides()

    def finish(self, position: QPointF) -> None:
        self.move(position)
        delta = (self.delta.x(), self.delta.y())
        self.cancel()
        if delta != (0.0, 0.0):
            self.canvas.perform(lambda editor: editor.move(self.ids, delta))


class ResizeGesture(Gesture):
    """Dragging a corner handle of an activity, pool, lane or annotation; one ``resize`` on release.

    Parameters
    ----------
    canvas
        The canvas.
    element_id
        The shape being resized.
    bounds
        Its bounds before the drag.
    corner
        The corner dragged: ``Qt.Corner.TopLeftCorner`` and so on.
    """

    def __init__(self, canvas: Canvas, element_id: str, bounds: QRectF, corner: Qt.Corner) -> None:
        self.canvas = canvas
        self.element_id = element_id
        self.bounds = QRectF(bounds)
        self.corner = corner
        self.result = QRectF(bounds)
        self._frame = QGraphicsRectItem(bounds)
        self._frame.setPen(overlay_pen(dashed=True))
        self._frame.setZValue(Z_OVERLAY)
        canvas.scene.addItem(self._frame)

    def move(self, position: QPointF) -> None:
        point = snap_point(position, self.canvas.grid())
        rect = QRectF(self.bounds)
        setters = {
            Qt.Corner.TopLeftCorner: rect.setTopLeft,
            Qt.Corner.TopRightCorner: rect.setTopRight,
            Qt.Corner.BottomLeftCorner: rect.setBottomLeft,
            Qt.Corner.BottomRightCorner: rect.setBottomRight,
        }
        setters[self.corner](point)
        self.result = rect.normalized()
        self._frame.setRect(self.result)

    def cancel(self) -> None:
        remove_overlay(self.canvas.scene, self._frame)

    def finish(self, position: QPointF) -> None:
        self.move(position)
        self.cancel()
        rect = self.result
        if rect != self.bounds:
            bounds = (rect.x(), rect.y(), rect.width(), rect.height())
            self.canvas.perform(lambda editor: editor.resize(self.element_id, bounds))


class ConnectGesture(Gesture):
    """Dragging a new connection: a rubber line, a forbidden cursor where the rules refuse.

    Parameters
    ----------
    canvas
        The canvas.
    source_id
        The element the connection starts from.
    start
        Where the line starts (the source's centre), in scene coordinates.
    """

    def __init__(self, canvas: Canvas, source_id: str, start: QPointF) -> None:
        self.canvas = canvas
        self.source_id = source_id
        self.target_id = ""
        self.verdict: ConnectionKind | None = None
        self._line = QGraphicsLineItem(QLineF(start, start))
        self._line.setPen(overlay_pen(dashed=True))
        self._line.setZValue(Z_OVERLAY)
        canvas.scene.addItem(self._line)
        canvas.view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def move(self, position: QPointF) -> None:
        line = self._line.line()
        line.setP2(position)
        self._line.setLine(line)
        target = self.canvas.scene.element_at(position)
        item = self.canvas.scene.item_for_id(target)
        is_lane = isinstance(item, ShapeItem) and item.view.kind == "lane"  # a lane's body is its pool's
        self.target_id = target if target != self.source_id and not is_lane else ""
        verdict = check_connect(self.canvas.editor.document, self.source_id, self.target_id) if self.target_id else None
        self.verdict = verdict if isinstance(verdict, ConnectionKind) else None
        refused = bool(self.target_id) and self.verdict is None
        cursor = Qt.CursorShape.ForbiddenCursor if refused else Qt.CursorShape.CrossCursor
        self.canvas.view.viewport().setCursor(cursor)

    def cancel(self) -> None:
        remove_overlay(self.canvas.scene, self._line)
        self.canvas.view.viewport().unsetCursor()

    def finish(self, position: QPointF) -> None:
        self.move(position)
        self.cancel()
        if self.target_id:
            source, target = self.source_id, self.target_id
            self.canvas.perform(lambda editor: editor.connect(source, target))


class RubberBandGesture(Gesture):
    """Dragging a selection rectangle over empty canvas: what lies wholly inside gets selected.

    Parameters
    ----------
    canvas
        The canvas.
    start
        The corner where the drag started.
    additive
        Ctrl or Shift held: add to the selection instead of replacing it.
    """

    def __init__(self, canvas: Canvas, start: QPointF, additive: bool) -> None:
        self.canvas = canvas
        self.start = start
        self.additive = additive
        self._band = QGraphicsRectItem(QRectF(start, start))
        self._band.setPen(overlay_pen())
        fill = QColor(OVERLAY_COLOUR)
        fill.setAlpha(30)
        self._band.setBrush(fill)
        self._band.setZValue(Z_OVERLAY)
        canvas.scene.addItem(self._band)

    def move(self, position: QPointF) -> None:
        self._band.setRect(QRectF(self.start, position).normalized())

    def cancel(self) -> None:
        remove_overlay(self.canvas.scene, self._band)

    def finish(self, position: QPointF) -> None:
        self.move(position)
        area = self._band.rect()
        self.cancel()
        scene = self.canvas.scene
        inside = [
            ident
            for ident in scene.element_ids()
            if (item := scene.item_for_id(ident)) is not None and _inside(area, item)
        ]
        scene.set_selection([*scene.selected_ids(), *inside] if self.additive else inside)


def _inside(area: QRectF, item: ShapeItem | EdgeItem) -> bool:
    """Whether a rubber band covers an item: a shape's bounds, every waypoint of a connection."""
    if isinstance(item, ShapeItem):
        return area.contains(item.view.bounds)
    return bool(item.view.points) and all(area.contains(point) for point in item.view.points)
