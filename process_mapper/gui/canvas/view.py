"""The BPMN view: zoom and pan over a :class:`~.scene.BpmnScene` (gui layer).

Zoom: Ctrl + wheel (continuous, so touchpads zoom smoothly), pinch gestures, the zoom
slots. Pan: the wheel and scroll bars, dragging with the middle button, or dragging
with the left button while Space is held. The zoom is anchored under the pointer.
After Zoom to Fit the view keeps the whole diagram in sight while it changes size (docks
laid out, window resized) until the user zooms, scrolls, pans, clicks, drops or types in it.
An editing tool (:class:`CanvasTool`) gets the mouse, keys and drops first when one is
set; the view draws the snapping grid when it is shown.
"""

from __future__ import annotations

import math
from typing import Protocol

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from .scene import BpmnScene

MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
#: One step of Zoom In / Zoom Out.
ZOOM_STEP = 1.25
#: Wheel delta (1/8 degree) that doubles the zoom: a notch of 120 zooms by about 12 %.
WHEEL_DOUBLING = 720.0
#: Spacing of the snapping grid, in scene units; every fifth line is darker.
GRID_SIZE = 10.0
GRID_MAJOR = 5
#: Grid lines closer than this on screen (pixels) are left out.
GRID_MIN_PIXELS = 6.0
GRID_COLOUR, GRID_MAJOR_COLOUR = QColor(236, 238, 242), QColor(218, 222, 230)


class CanvasTool(Protocol):
    """What edits with the mouse, keys and drops; each handler returns True when it took the event."""

    def mouse_press(self, event: QMouseEvent) -> bool: ...

    def mouse_move(self, event: QMouseEvent) -> bool: ...

    def mouse_release(self, event: QMouseEvent) -> bool: ...

    def mouse_double_click(self, event: QMouseEvent) -> bool: ...

    def key_press(self, event: QKeyEvent) -> bool: ...

    def context_menu(self, event: QContextMenuEvent) -> bool: ...

    def drag_enter(self, event: QDragEnterEvent | QDragMoveEvent) -> bool: ...

    def drop(self, event: QDropEvent) -> bool: ...


class BpmnView(QGraphicsView):
    """A zoomable, pannable view of a BPMN scene.

    Parameters
    ----------
    scene
        The scene to show.
    parent
        The owning widget.
    """

    #: The zoom factor changed (1.0 is actual size).
    zoom_changed = Signal(float)

    def __init__(self, scene: BpmnScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._pan_origin: QPoint | None = None
        self._space_held = False
        self._grid_visible = False
        #: The ``max_zoom`` of the last Zoom to Fit while it is kept on resizes (None: the user moved the view).
        self._kept_fit: float | None = None
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._release_fit)
        self.setSceneRect(scene.sceneRect())
        scene.sceneRectChanged.connect(self._follow_scene_rect)
        #: The editing tool that gets the mouse, keys and drops first (None: view only).
        self.tool: CanvasTool | None = None

    # --- grid -------------------------------------------------------------------------------

    def grid_visible(self) -> bool:
        """Whether the snapping grid is drawn."""
        return self._grid_visible

    def set_grid_visible(self, visible: bool) -> None:
        """Draw the snapping grid under the diagram (shapes then snap to it), or not."""
        self._grid_visible = visible
        self.resetCachedContent()
        self.viewport().update()

    def drawBackground(self, painter: QPainter, area: QRectF | QRect) -> None:  # noqa: N802 - Qt override
        super().drawBackground(painter, area)
        rect = QRectF(area)
        if not self._grid_visible or GRID_SIZE * self.zoom() < GRID_MIN_PIXELS:
            return
        first_x, first_y = math.floor(rect.left() / GRID_SIZE), math.floor(rect.top() / GRID_SIZE)
        last_x, last_y = math.ceil(rect.right() / GRID_SIZE), math.ceil(rect.bottom() / GRID_SIZE)
        minor: list[QLineF] = []
        major: list[QLineF] = []
        for n in range(first_x, last_x + 1):
            line = QLineF(n * GRID_SIZE, rect.top(), n * GRID_SIZE, rect.bottom())
            (major if n % GRID_MAJOR == 0 else minor).append(line)
        for n in range(first_y, last_y + 1):
            line = QLineF(rect.left(), n * GRID_SIZE, rect.right(), n * GRID_SIZE)
            (major if n % GRID_MAJOR == 0 else minor).append(line)
        for colour, lines in ((GRID_COLOUR, minor), (GRID_MAJOR_COLOUR, major)):
            painter.setPen(QPen(colour, 0))
            painter.drawLines(lines)

    # --- zoom -------------------------------------------------------------------------------

    def zoom(self) -> float:
        """The current zoom factor (1.0 is actual size)."""
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``factor`` (clamped), keeping the scene point under ``anchor`` in place.

        Parameters
        ----------
        factor
            The new zoom factor.
        anchor
            A viewport position (default: the viewport's centre).
        """
        self._kept_fit = None
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if abs(factor - self.zoom()) < 1e-9:
            return
        anchor = anchor if anchor is not None else QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        ratio = factor / self.zoom()
        self.scale(ratio, ratio)
        moved = self.mapFromScene(fixed) - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        """Zoom in one step around the centre."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step around the centre."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def actual_size(self) -> None:
        """Show the diagram at 100 %."""
        self.set_zoom(1.0)

    def zoom_to_fit(self, max_zoom: float = MAX_ZOOM) -> None:
        """Show the whole diagram, at most at ``max_zoom``, and keep it so on resizes until the user moves the view."""
        scene = self.scene()
        rect = scene.sceneRect() if scene is not None else self.sceneRect()
        self.setSceneRect(rect)
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        factor = min(view.width() / rect.width(), view.height() / rect.height(), max_zoom)
        self.set_zoom(factor)
        self.centerOn(rect.center())
        self._kept_fit = max_zoom

    def _release_fit(self) -> None:
        """The user moved the view: resizes no longer fit the diagram again."""
        self._kept_fit = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._kept_fit is not None:
            self.zoom_to_fit(self._kept_fit)

    def _follow_scene_rect(self, rect: QRectF) -> None:
        """Grow with the drawing but keep what is on screen where it is: nothing moves while one draws.

        A scene smaller than the viewport would be centred again after every change; the
        view's own rect therefore also covers the area on screen.
        """
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.setSceneRect(rect.united(visible))
        self.centerOn(visible.center())

    # --- input ------------------------------------------------------------------------------

    def centre_on_element(self, element_id: str) -> bool:
        """Scroll so that ``element_id``'s drawing is in the middle; False when it is not drawn."""
        scene = self.scene()
        item = scene.item_for_id(element_id) if isinstance(scene, BpmnScene) else None
        if item is None:
            return False
        self._release_fit()
        self.centerOn(item.sceneBoundingRect().center())
        return True

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.angleDelta().x()
            self.set_zoom(self.zoom() * 2 ** (delta / WHEEL_DOUBLING), event.position())
            event.accept()
        else:
            self._release_fit()
            super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.set_zoom(self.zoom() * pinch.scaleFactor(), QPointF(centre))
                event.accept()
                return True
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.set_zoom(self.zoom() * (1.0 + event.value()), event.position())
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.tool is not None and self._pan_origin is None and self.tool.key_press(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        self._release_fit()  # arrow and page keys scroll the view
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self._pan_origin is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._release_fit()  # panning or editing: a growing drawing must not change the zoom under the mouse
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space_held and event.button() == Qt.MouseButton.LeftButton):
            self._pan_origin = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pan_origin is not None:
            position = event.position().toPoint()
            delta = position - self._pan_origin
            self._pan_origin = position
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pan_origin is not None:
            self._pan_origin = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.tool is not None and self.tool.mouse_double_click(event):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        if self.tool is not None and self.tool.context_menu(event):
            event.accept()
            return
        super().contextMenuEvent(event)

    # Drops the tool does not take (files) go on to the window, which opens them.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        self._release_fit()
        if self.tool is None or not self.tool.drag_enter(event):
            QApplication.sendEvent(self.window(), event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self.tool is None or not self.tool.drag_enter(event):
            QApplication.sendEvent(self.window(), event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        if self.tool is None or not self.tool.drop(event):
            QApplication.sendEvent(self.window(), event)
