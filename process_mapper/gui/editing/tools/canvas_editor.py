"""Drawing and editing on the canvas with the mouse and keyboard (gui layer).

The :class:`CanvasEditor` is the canvas's tool: the view hands it the mouse and keys
first. It selects (click, Ctrl/Shift-click, rubber band), creates the palette's
element where the user clicks, connects, moves with snapping and guides, resizes with
corner handles, edits labels in place and offers the context menu (change type,
lanes). Every change it makes goes through the session's ``perform``: one undoable
command per edit; the core's rules decide what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QContextMenuEvent,
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainterPath,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QMenu,
)

from ....core.editing import MIME_TYPE, Clipboard, DocumentEditor, Edit, ShapeKind, can_delete
from ....core.editing.lookup import label_text
from ....core.layout.geometry import POOL_HEADER
from ....core.model.document import BpmnDocument
from ....core.model.semantic import Activity, Group
from ....core.xmlio import BpmnReadError
from ...canvas import BpmnScene, BpmnView
from ...canvas.element_view import ShapeView
from ...canvas.importer import EXTERNAL_LABEL_KINDS
from ...canvas.items import EdgeItem, ShapeItem
from ...canvas.render.paths import polyline_midpoint
from ...canvas.view import GRID_SIZE
from ...i18n import interface_language
from ..session import EditingSession
from .gestures import (
    Z_OVERLAY,
    Canvas,
    ConnectGesture,
    Gesture,
    MoveGesture,
    ResizeGesture,
    RubberBandGesture,
    overlay_pen,
    remove_overlay,
)
from .label_editor import LabelEditor
from .snapping import snap_point
from .targets import (
    CONTAINER_KINDS,
    container_at,
    is_resizable,
    kind_label,
    kinds_to_change_to,
    lane_place,
    pool_of_lane,
    pool_or_lane_at,
)

#: The tools that are not a palette kind.
SELECT_TOOL, CONNECT_TOOL, POOL_TOOL, LANE_TOOL, GROUP_TOOL = "select", "connect", "participant", "lane", "group"
#: The MIME type of a palette entry dragged onto the canvas: the tool's text.
TOOL_MIME_TYPE = "application/x-process-mapper-tool"
#: How far an arrow key moves the selection (with Shift: the fine step).
ARROW_STEP, FINE_STEP = GRID_SIZE, 1.0
#: Resize handles and the connect handle, in screen pixels.
HANDLE_PIXELS, CONNECT_HANDLE_PIXELS = 8.0, 16.0
#: Where a paste goes when the mouse is not over the canvas: this far from the copied shapes.
PASTE_OFFSET = 30.0
_CORNERS = (
    Qt.Corner.TopLeftCorner,
    Qt.Corner.TopRightCorner,
    Qt.Corner.BottomLeftCorner,
    Qt.Corner.BottomRightCorner,
)


def _corner_point(rect: QRectF, corner: Qt.Corner) -> QPointF:
    return {
        Qt.Corner.TopLeftCorner: rect.topLeft(),
        Qt.Corner.TopRightCorner: rect.topRight(),
        Qt.Corner.BottomLeftCorner: rect.bottomLeft(),
        Qt.Corner.BottomRightCorner: rect.bottomRight(),
    }[corner]


def _in_header(view: ShapeView, position: QPointF) -> bool:
    """Whether ``position`` is in a pool's or lane's name band (where it is grabbed and moved)."""
    if view.horizontal:
        return position.x() - view.bounds.left() <= POOL_HEADER
    return position.y() - view.bounds.top() <= POOL_HEADER


@dataclass
class _Press:
    """A left press that becomes a drag once the mouse moves far enough, or else a click."""

    origin: QPoint
    start_drag: Callable[[], Gesture]
    click: Callable[[], None]


class CanvasEditor(QObject):
    """The editing tool of one document's canvas.

    Parameters
    ----------
    session
        The document's editing session: every edit goes through its ``perform``.
    scene, view
        The canvas; the editor installs itself as the view's tool.
    """

    #: The active tool changed: ``select``, ``connect``, ``participant``, ``lane`` or a shape kind.
    tool_changed = Signal(str)

    def __init__(self, session: EditingSession, scene: BpmnScene, view: BpmnView) -> None:
        super().__init__(view)
        self.session = session
        self.scene = scene
        self.view = view
        self.canvas = Canvas(scene, view, session.editor, self._perform)
        self._tool = SELECT_TOOL
        self._gesture: Gesture | None = None
        self._press: _Press | None = None
        self._added: list[str] = []
        self._label_editor: LabelEditor | None = None
        self._handles: list[QGraphicsItem] = []
        self._resize_target: tuple[str, QRectF] | None = None
        self._connect_handle: QGraphicsItem | None = None
        self._connect_source = ""
        session.elements_added.connect(self._added.extend)
        scene.selected_ids_changed.connect(self._show_handles)
        scene.drawn.connect(self._after_redraw)
        view.tool = self

    @property
    def document(self) -> BpmnDocument:
        return self.session.document

    @property
    def editor(self) -> DocumentEditor:
        return self.session.editor

    # --- tools ------------------------------------------------------------------------------

    def tool(self) -> str:
        """The active tool."""
        return self._tool

    def set_tool(self, tool: str) -> None:
        """Make ``tool`` active: ``select``, ``connect``, ``participant``, ``lane`` or a shape kind's text."""
        self._cancel_gesture()
        if tool != self._tool:
            self._tool = tool
            self.tool_changed.emit(tool)
        if tool == SELECT_TOOL:
            self.view.viewport().unsetCursor()
        else:
            self._show_connect_handle("")
            self.view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def _perform(self, build: Callable[[DocumentEditor], Edit]) -> Edit | None:
        self._added.clear()
        return self.session.perform(build)

    def _added_drawn(self) -> list[str]:
        """The elements the last edit added that the canvas draws."""
        return [ident for ident in dict.fromkeys(self._added) if self.scene.item_for_id(ident) is not None]

    # --- creating ---------------------------------------------------------------------------

    def create_at(self, position: QPointF, tool: str | None = None) -> list[str]:
        """Create what ``tool`` (default: the active one) makes at scene ``position``.

        Shapes go into the pool or expanded sub-process there; a pool or a group goes
        where it is put; a lane goes into the pool under the mouse (below the lane
        there). The new elements are selected and the select tool comes back; a new
        activity or group opens its label for typing.

        Returns
        -------
        list[str]
            The ids of the new drawn elements (empty when the core refused).
        """
        tool = tool or self._tool
        point = snap_point(position, self.canvas.grid())
        xy = (point.x(), point.y())
        if tool == POOL_TOOL:
            edit = self._perform(lambda editor: editor.create_pool(xy))
        elif tool == GROUP_TOOL:
            edit = self._perform(lambda editor: editor.create_group(xy))
        elif tool == LANE_TOOL:
            edit = self._add_lane_at(position)
        else:
            kind = ShapeKind.parse(tool)
            container = container_at(self.scene, self.document, self.editor.diagram_index, position)
            edit = self._perform(lambda editor: editor.create_shape(kind, container, xy))
        self.set_tool(SELECT_TOOL)
        added = self._added_drawn() if edit is not None else []
        self.scene.set_selection(added)
        if len(added) == 1 and isinstance(self.document.get(added[0]), (Activity, Group)):
            self.edit_label(added[0])
        return added

    def _add_lane_at(self, position: QPointF) -> Edit | None:
        holder = pool_or_lane_at(self.scene, position)
        place = lane_place(self.document, holder) if holder else None
        if place is not None:
            return self._perform(lambda editor: editor.add_lane(place.container_id, place.index + 1))
        return self._perform(lambda editor: editor.add_lane(holder))

    # --- mouse --------------------------------------------------------------------------------

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._label_editor is not None:
            self._label_editor.accept()
        point = event.position().toPoint()
        position = self.view.mapToScene(point)
        if self._tool == CONNECT_TOOL:
            source = self._connectable_at(position)
            if source:
                self._gesture = ConnectGesture(self.canvas, source, self._centre(source))
            return True
        if self._tool != SELECT_TOOL:
            self.create_at(position)
            return True
        corner = self._handle_at(point)
        if corner is not None and self._resize_target is not None:
            self._gesture = ResizeGesture(self.canvas, *self._resize_target, corner)
            return True
        if self._connect_source and self._on_connect_handle(point):
            self._gesture = ConnectGesture(self.canvas, self._connect_source, self._centre(self._connect_source))
            return True
        self._press_select(point, position, event.modifiers())
        return True

    def _press_select(self, point: QPoint, position: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        scene = self.scene
        additive = bool(modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        element = scene.element_at(position)
        item = scene.item_for_id(element)

        def rubber_band() -> Gesture:
            return RubberBandGesture(self.canvas, position, additive)

        if isinstance(item, ShapeItem) and item.view.kind in CONTAINER_KINDS and not _in_header(item.view, position):
            pick: Callable[[], None] = (
                (lambda: scene.toggle_selected(element)) if additive else (lambda: scene.select(element))
            )
            self._press = _Press(point, rubber_band, pick)
            return
        if not element:
            self._press = _Press(point, rubber_band, (lambda: None) if additive else (lambda: scene.select("")))
            return
        if additive:
            scene.toggle_selected(element)
        elif element not in scene.selected_ids():
            scene.select(element)
        movable = self._movable(scene.selected_ids())
        if element not in scene.selected_ids() or not movable:
            self._press = _Press(point, rubber_band, lambda: None)
            return

        def drag() -> Gesture:
            return MoveGesture(self.canvas, movable, position)

        def click() -> None:
            if not additive:
                scene.select(element)

        self._press = _Press(point, drag, click)

    def mouse_move(self, event: QMouseEvent) -> bool:
        point = event.position().toPoint()
        position = self.view.mapToScene(point)
        if self._gesture is not None:
            self._gesture.move(position)
            return True
        if self._press is not None:
            if (point - self._press.origin).manhattanLength() >= QApplication.startDragDistance():
                self._show_connect_handle("")
                self._gesture = self._press.start_drag()
                self._press = None
                self._gesture.move(position)
            return True
        if self._tool == SELECT_TOOL:
            self._track_connect_handle(point, position)
        return False

    def mouse_release(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        position = self.view.mapToScene(event.position().toPoint())
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.finish(position)
            return True
        if self._press is not None:
            press, self._press = self._press, None
            press.click()
            return True
        return False

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._tool != SELECT_TOOL:
            return False
        element = self.scene.element_at(self.view.mapToScene(event.position().toPoint()))
        if not element:
            return False
        self._press = None
        self.scene.select(element)
        self.edit_label(element)
        return True

    def _cancel_gesture(self) -> None:
        self._press = None
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.cancel()

    def _movable(self, ids: tuple[str, ...]) -> list[str]:
        """The shapes a drag of ``ids`` moves: lanes stand for their pool, connections follow."""
        movable: dict[str, None] = {}
        for ident in ids:
            item = self.scene.item_for_id(ident)
            if not isinstance(item, ShapeItem):
                continue
            if item.view.kind == "lane":
                ident = pool_of_lane(self.document, ident)
            if ident and self.document.get(ident) is not None:
                movable[ident] = None
        return list(movable)

    def _centre(self, element_id: str) -> QPointF:
        item = self.scene.item_for_id(element_id)
        return item.view.bounds.center() if isinstance(item, ShapeItem) else QPointF()

    def _connectable_at(self, position: QPointF) -> str:
        for item in self.scene.shape_items_at(position):
            if item.view.kind != "lane":
                return item.view.element_id
        return ""

    # --- handles ------------------------------------------------------------------------------

    def _after_redraw(self) -> None:
        # An edit from elsewhere (Ctrl+Z during a drag) ends the drag; the handles are placed anew.
        self._cancel_gesture()
        for overlay in [*self._handles, self._connect_handle]:
            remove_overlay(self.scene, overlay)
        self._handles.clear()
        self._connect_handle = None
        self._connect_source = ""
        self._resize_target = None
        self._show_handles()

    def _show_handles(self, _ids: tuple[str, ...] = ()) -> None:
        for handle in self._handles:
            remove_overlay(self.scene, handle)
        self._handles.clear()
        self._resize_target = None
        selected = self.scene.selected_ids()
        if len(selected) != 1 or not is_resizable(self.document, selected[0]):
            return
        item = self.scene.item_for_id(selected[0])
        if not isinstance(item, ShapeItem):
            return
        bounds = item.view.bounds
        self._resize_target = (selected[0], bounds)
        half = HANDLE_PIXELS / 2
        for corner in _CORNERS:
            handle = QGraphicsRectItem(-half, -half, HANDLE_PIXELS, HANDLE_PIXELS)
            handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            handle.setPos(_corner_point(bounds, corner))
            handle.setPen(overlay_pen())
            handle.setBrush(QBrush(Qt.GlobalColor.white))
            handle.setZValue(Z_OVERLAY)
            self.scene.addItem(handle)
            self._handles.append(handle)

    def _handle_at(self, point: QPoint) -> Qt.Corner | None:
        if self._resize_target is None:
            return None
        bounds = self._resize_target[1]
        for corner in _CORNERS:
            if (self.view.mapFromScene(_corner_point(bounds, corner)) - point).manhattanLength() <= HANDLE_PIXELS:
                return corner
        return None

    def connect_handle_position(self, element_id: str) -> QPoint:
        """Where the connect handle of ``element_id`` is drawn, in viewport pixels."""
        item = self.scene.item_for_id(element_id)
        assert isinstance(item, ShapeItem)
        bounds = item.view.bounds
        edge = self.view.mapFromScene(QPointF(bounds.right(), bounds.center().y()))
        return edge + QPoint(int(CONNECT_HANDLE_PIXELS), 0)

    def _on_connect_handle(self, point: QPoint) -> bool:
        if not self._connect_source:
            return False
        distance = (self.connect_handle_position(self._connect_source) - point).manhattanLength()
        return distance <= CONNECT_HANDLE_PIXELS * 0.75

    def _track_connect_handle(self, point: QPoint, position: QPointF) -> None:
        """Show the connect handle next to the shape under the mouse (and keep it while on it)."""
        if self._on_connect_handle(point):
            return
        element = self.scene.element_at(position)
        item = self.scene.item_for_id(element)
        if not isinstance(item, ShapeItem) or item.view.kind in CONTAINER_KINDS or item.view.kind == GROUP_TOOL:
            element = ""  # groups connect to nothing: no handle on their frame
        if element != self._connect_source:
            self._show_connect_handle(element)

    def _show_connect_handle(self, element_id: str) -> None:
        """Draw the connect handle next to ``element_id`` ('' takes it away)."""
        remove_overlay(self.scene, self._connect_handle)
        self._connect_handle = None
        self._connect_source = element_id
        if element_id:
            self._connect_handle = self._connect_handle_item(element_id)

    def _connect_handle_item(self, element_id: str) -> QGraphicsItem:
        radius = CONNECT_HANDLE_PIXELS / 2
        handle = QGraphicsEllipseItem(-radius, -radius, 2 * radius, 2 * radius)
        handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        handle.setPen(overlay_pen())
        handle.setBrush(QBrush(Qt.GlobalColor.white))
        arrow = QPainterPath()
        arrow.moveTo(-radius * 0.5, 0)
        arrow.lineTo(radius * 0.5, 0)
        arrow.moveTo(radius * 0.1, -radius * 0.4)
        arrow.lineTo(radius * 0.5, 0)
        arrow.lineTo(radius * 0.1, radius * 0.4)
        QGraphicsPathItem(arrow, handle).setPen(overlay_pen())
        handle.setPos(self.view.mapToScene(self.connect_handle_position(element_id)))
        handle.setZValue(Z_OVERLAY)
        handle.setToolTip(self.tr("Drag to connect"))
        self.scene.addItem(handle)
        return handle

    # --- drops from the palette ------------------------------------------------------------

    def drag_enter(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        if not event.mimeData().hasFormat(TOOL_MIME_TYPE):
            return False
        event.acceptProposedAction()
        return True

    def drop(self, event: QDropEvent) -> bool:
        if not event.mimeData().hasFormat(TOOL_MIME_TYPE):
            return False
        event.acceptProposedAction()
        tool = bytes(event.mimeData().data(TOOL_MIME_TYPE).data()).decode()
        self.create_at(self.view.mapToScene(event.position().toPoint()), tool)
        return True

    # --- keys -------------------------------------------------------------------------------

    def key_press(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            if self._gesture is not None or self._press is not None:
                self._cancel_gesture()
            elif self._tool != SELECT_TOOL:
                self.set_tool(SELECT_TOOL)
            else:
                self.scene.select("")
            return True
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in steps and self.scene.selected_ids():
            step = FINE_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else ARROW_STEP
            delta = (steps[key][0] * step, steps[key][1] * step)
            ids = self._movable(self.scene.selected_ids())
            if ids:
                self._perform(lambda editor: editor.move(ids, delta))
            return True
        return False

    # --- labels -----------------------------------------------------------------------------

    def edit_label(self, element_id: str) -> LabelEditor | None:
        """Open the in-place editor on ``element_id``'s name (None when it has no name to edit)."""
        record = self.document.get(element_id)
        text = label_text(self.document, record) if record is not None else None
        if text is None:
            return None
        if self._label_editor is not None:
            self._label_editor.accept()

        def commit(new_text: str) -> None:
            self._perform(lambda editor: editor.rename(element_id, new_text or None))

        editor = LabelEditor(self.view, element_id, text, self._label_area(element_id), commit)
        editor.closed.connect(self._label_editor_closed)
        self._label_editor = editor
        return editor

    def label_editor(self) -> LabelEditor | None:
        """The open in-place label editor, if any."""
        return self._label_editor

    def _label_editor_closed(self) -> None:
        self._label_editor = None
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _label_area(self, element_id: str) -> QRectF:
        labels = self.scene.label_items(element_id)
        if labels:
            return labels[0].sceneBoundingRect()
        item = self.scene.item_for_id(element_id)
        if isinstance(item, EdgeItem):
            middle = polyline_midpoint(list(item.view.points)) if item.view.points else QPointF()
            return QRectF(middle.x() - 45, middle.y() - 10, 90, 20)
        assert isinstance(item, ShapeItem)
        bounds = item.view.bounds
        if item.view.kind == "group":
            return QRectF(bounds.center().x() - 45, bounds.top() + 4, 90, 20)
        if item.view.kind in EXTERNAL_LABEL_KINDS:
            return QRectF(bounds.center().x() - 45, bounds.bottom() + 4, 90, 20)
        if item.view.kind in CONTAINER_KINDS:
            return QRectF(bounds.left(), bounds.top(), POOL_HEADER * 4, bounds.height())
        return bounds

    # --- context menu -----------------------------------------------------------------------

    def context_menu(self, event: QContextMenuEvent) -> bool:
        element = self.scene.element_at(self.view.mapToScene(event.pos()))
        if element and element not in self.scene.selected_ids():
            self.scene.select(element)
        menu = self.context_menu_for(element)
        if menu.isEmpty():
            return False
        menu.exec(event.globalPos())
        return True

    def context_menu_for(self, element_id: str) -> QMenu:
        """The context menu of ``element_id``: label, change type, lanes, delete."""
        menu = QMenu(self.view)
        if not element_id:
            return menu
        menu.addAction(self.tr("Edit Label")).triggered.connect(lambda: self.edit_label(element_id))
        kinds = kinds_to_change_to(self.document, element_id)
        if kinds:
            types = menu.addMenu(self.tr("Change Type"))
            language = interface_language()
            for kind in kinds:
                action = types.addAction(kind_label(kind, language))
                action.triggered.connect(
                    lambda _checked=False, k=kind: self._perform(lambda editor: editor.change_type(element_id, k))
                )
        self._add_lane_actions(menu, element_id)
        if can_delete(self.document, [element_id]):
            menu.addSeparator()
            menu.addAction(self.tr("Delete")).triggered.connect(
                lambda: self._perform(lambda editor: editor.delete([element_id]))
            )
        return menu

    def _add_lane_actions(self, menu: QMenu, element_id: str) -> None:
        item = self.scene.item_for_id(element_id)
        kind = item.view.kind if isinstance(item, ShapeItem) else ""
        if kind == "participant":
            menu.addSeparator()
            menu.addAction(self.tr("Add Lane")).triggered.connect(
                lambda: self._perform(lambda editor: editor.add_lane(element_id))
            )
            return
        place = lane_place(self.document, element_id) if kind == "lane" else None
        if place is None:
            return
        menu.addSeparator()
        for text, index in ((self.tr("Add Lane Above"), place.index), (self.tr("Add Lane Below"), place.index + 1)):
            menu.addAction(text).triggered.connect(
                lambda _checked=False, i=index: self._perform(lambda editor: editor.add_lane(place.container_id, i))
            )
        for text, index, allowed in (
            (self.tr("Move Lane Up"), place.index - 1, place.index > 0),
            (self.tr("Move Lane Down"), place.index + 1, place.index < place.count - 1),
        ):
            action = menu.addAction(text)
            action.setEnabled(allowed)
            action.triggered.connect(
                lambda _checked=False, i=index: self._perform(lambda editor: editor.move_lane(element_id, i))
            )
        menu.addAction(self.tr("Remove Lane")).triggered.connect(
            lambda: self._perform(lambda editor: editor.remove_lane(element_id))
        )

    # --- edit menu --------------------------------------------------------------------------

    def select_all(self) -> None:
        """Select every element drawn."""
        self.scene.set_selection(self.scene.element_ids())

    def delete_selection(self) -> None:
        """Delete the selected elements the core may delete (with their flows); lanes are removed from the menu."""
        selected = self.scene.selected_ids()
        deletable = [ident for ident in selected if can_delete(self.document, [ident])]
        if deletable or selected:
            self._perform(lambda editor: editor.delete(deletable or selected))

    def copy_selection(self) -> bool:
        """Put the selection on the system clipboard; False when there is nothing to copy."""
        selected = self.scene.selected_ids()
        if not selected:
            return False
        copied = self.editor.copy(selected)
        if copied.bounds is None:
            return False
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(copied.to_bytes()))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> None:
        """Copy the selection, then delete it (one command: the delete)."""
        if self.copy_selection():
            self.delete_selection()

    def paste(self) -> list[str]:
        """Paste the clipboard's elements under the mouse (else next to where they were copied).

        Returns
        -------
        list[str]
            The ids of the pasted drawn elements, which become the selection.
        """
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        try:
            copied = Clipboard.from_bytes(bytes(data.data(MIME_TYPE).data()))
        except (BpmnReadError, ValueError):
            return []
        bounds = copied.bounds
        if bounds is None:
            return []
        centre = QPointF(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2)
        mouse = self.view.viewport().mapFromGlobal(QCursor.pos())
        if self.view.viewport().rect().contains(mouse):
            target = snap_point(self.view.mapToScene(mouse), self.canvas.grid())
        else:
            target = centre + QPointF(PASTE_OFFSET, PASTE_OFFSET)
        offset = (target.x() - centre.x(), target.y() - centre.y())
        container = container_at(self.scene, self.document, self.editor.diagram_index, target)
        edit = self._perform(lambda editor: editor.paste(copied, container, offset))
        added = self._added_drawn() if edit is not None else []
        self.scene.set_selection(added)
        return added

    def tidy_up(self) -> None:
        """Lay the diagram out again with the core's auto-layout (one command)."""
        self._perform(lambda editor: editor.tidy_up())
