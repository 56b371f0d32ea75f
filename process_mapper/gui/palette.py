"""The palette: the tools and the elements one draws, with icons painted by the canvas (gui layer).

Each entry is a checkable action whose icon is the element drawn by the canvas's own
renderers, so the palette looks exactly like what it creates. Choosing an entry makes it
the canvas's tool; a button can also be dragged onto the canvas to create its element
where it is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QDrag, QIcon, QMouseEvent, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QToolBar, QToolButton, QWidget

from ..core.editing import ShapeKind
from ..core.editing.names import tag_name
from .canvas.element_view import EdgeView, ShapeView
from .canvas.render.renderers import RendererRegistry, default_registry
from .canvas.render.style import DEFAULT_STYLE, Palette
from .editing.tools import CONNECT_TOOL, GROUP_TOOL, LANE_TOOL, POOL_TOOL, SELECT_TOOL, TOOL_MIME_TYPE
from .editing.tools.targets import kind_label
from .i18n import interface_language

#: The palette's entries in sections: tools, events, activities, gateways, data and artifacts, pools.
PALETTE_GROUPS: tuple[tuple[str, ...], ...] = (
    (SELECT_TOOL, CONNECT_TOOL),
    (
        "startEvent", "intermediateCatchEvent:message", "intermediateCatchEvent:timer",
        "intermediateThrowEvent:message", "endEvent",
    ),
    (
        "task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask",
        "subProcess:collapsed", "subProcess:expanded", "callActivity",
    ),
    ("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway"),
    ("dataObjectReference", "dataStoreReference", "textAnnotation", GROUP_TOOL),
    (POOL_TOOL, LANE_TOOL),
)
ICON_SIZE = 28
COLUMNS = 2
_THROWING = frozenset({"intermediateThrowEvent", "endEvent"})
#: Icon drawings: a small box per type family, so the renderers' strokes stay visible.
_BOX = {"event": QRectF(6, 6, 36, 36), "gateway": QRectF(4, 4, 40, 40), "activity": QRectF(2, 8, 44, 32)}


def _shape_view(tool: str) -> list[ShapeView]:
    """What the icon of ``tool`` shows, as canvas views."""
    if tool in (POOL_TOOL, LANE_TOOL):
        pool = ShapeView(tool, "participant", QRectF(2, 8, 44, 32))
        if tool == POOL_TOOL:
            return [pool]
        return [pool, ShapeView("a", "lane", QRectF(10, 8, 36, 16)), ShapeView("b", "lane", QRectF(10, 24, 36, 16))]
    if tool == GROUP_TOOL:
        return [ShapeView(tool, "group", QRectF(5, 7, 38, 34))]
    kind = ShapeKind.parse(tool)
    tag = kind.tag
    if tag.endswith("Event"):
        box = _BOX["event"]
    elif tag.endswith("Gateway"):
        box = _BOX["gateway"]
    elif tag == "dataObjectReference":
        box = QRectF(10, 4, 28, 38)
    elif tag == "dataStoreReference":
        box = QRectF(6, 6, 36, 36)
    elif tag == "textAnnotation":
        box = QRectF(8, 10, 32, 28)
    else:
        box = _BOX["activity"]
    return [
        ShapeView(
            tool,
            tag,
            box,
            expanded=kind.expanded,
            marker_visible=tag == "exclusiveGateway",
            event_kinds=(kind.trigger,) if kind.trigger else (),
            throwing=tag in _THROWING,
        )
    ]


def _pointer() -> QPainterPath:
    path = QPainterPath()
    for x, y in ((16, 8), (16, 38), (23, 31), (28, 42), (32, 40), (27, 29), (36, 29)):
        path.lineTo(x, y) if path.elementCount() else path.moveTo(x, y)
    path.closeSubpath()
    return path


def palette_icon(tool: str, registry: RendererRegistry, palette: Palette) -> QIcon:
    """The icon of palette entry ``tool``, painted by the canvas renderers."""
    pixmap = QPixmap(QSize(96, 96))
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    if tool == SELECT_TOOL:
        painter.setPen(palette.pen(1.5))
        painter.setBrush(palette.fill_brush)
        painter.drawPath(_pointer())
    elif tool == CONNECT_TOOL:
        edge = EdgeView(tool, "sequenceFlow", (QPointF(6, 40), QPointF(6, 14), QPointF(42, 14)))
        registry.edge("sequenceFlow").paint(painter, edge, palette)
    else:
        for view in _shape_view(tool):
            registry.shape(view.kind).paint(painter, view, palette)
    painter.end()
    return QIcon(pixmap)


def tool_name(tool: str, language: str) -> str:
    """The name of a palette entry that is an element (pools, lanes and groups included), capitalised."""
    if tool in (POOL_TOOL, LANE_TOOL, GROUP_TOOL):
        name = tag_name(tool)[language]
        return name[:1].upper() + name[1:]
    return kind_label(ShapeKind.parse(tool), language)


class _PaletteButton(QToolButton):
    """A palette button that can also be dragged onto the canvas."""

    def __init__(self, action: QAction, tool: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDefaultAction(action)
        self.setAutoRaise(True)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self._tool = tool
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        far = self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > 8
        if far and self._tool not in (SELECT_TOOL, CONNECT_TOOL):
            self._press = None
            self.setDown(False)
            mime = QMimeData()
            mime.setData(TOOL_MIME_TYPE, self._tool.encode())
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.icon().pixmap(ICON_SIZE, ICON_SIZE))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class PaletteToolBar(QToolBar):
    """The palette: tools and elements in two columns, one of them checked.

    Parameters
    ----------
    parent
        The owning widget (the main window).
    """

    #: The user chose a tool (``select``, ``connect``, ``participant``, ``lane``, ``group`` or a shape kind).
    tool_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Palette"))
        self.setObjectName("palette")
        self.setOrientation(Qt.Orientation.Vertical)
        self.actions_by_tool: dict[str, QAction] = {}
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        registry = default_registry()
        plain = DEFAULT_STYLE.palette()
        language = interface_language()
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(1)
        row = 0
        for number, entries in enumerate(PALETTE_GROUPS):
            if number:
                line = QFrame(grid_widget)
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(line, row, 0, 1, COLUMNS)
                row += 1
            for index, tool in enumerate(entries):
                action = QAction(palette_icon(tool, registry, plain), self._text(tool, language), self)
                action.setCheckable(True)
                action.setData(tool)
                action.setToolTip(action.text())
                self._group.addAction(action)
                self.actions_by_tool[tool] = action
                grid.addWidget(_PaletteButton(action, tool, grid_widget), row + index // COLUMNS, index % COLUMNS)
            row += (len(entries) + COLUMNS - 1) // COLUMNS
        self.addWidget(grid_widget)
        self._group.triggered.connect(lambda action: self.tool_chosen.emit(str(action.data())))
        self.show_tool(SELECT_TOOL)

    def _text(self, tool: str, language: str) -> str:
        if tool == SELECT_TOOL:
            return self.tr("Select")
        if tool == CONNECT_TOOL:
            return self.tr("Connect")
        return tool_name(tool, language)

    def show_tool(self, tool: str) -> None:
        """Check the entry of ``tool`` (the canvas changed it)."""
        action = self.actions_by_tool.get(tool)
        if action is not None:
            action.setChecked(True)
