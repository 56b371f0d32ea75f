"""The BPMN scene: the mediator between a document's diagram and its items (gui layer).

The scene imports a diagram into generic items, keeps the ``item_for_id`` map and holds
the view state: which markers each element carries. Markers (``selected``, ``hover``,
``diff-added``, ...) never touch the model; adding or removing one resolves the
element's palette from the :class:`~.render.style.Style` and pushes it to its items.
The scene itself only sets ``hover`` and ``selected``, from the mouse.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent, QWidget

from ...core.model.di import Diagram
from ...core.model.document import BpmnDocument
from .importer import Z_LABEL, import_diagram
from .items import EdgeItem, LabelItem, ShapeItem
from .render.renderers import RendererRegistry, default_registry
from .render.style import DEFAULT_STYLE, Palette, Style

#: Empty room around the drawing, in scene units.
SCENE_PADDING = 40.0
#: Shapes that do not light up under the mouse: they span most of the diagram.
NO_HOVER_KINDS = frozenset({"participant", "lane"})

ElementItem = ShapeItem | EdgeItem


class BpmnScene(QGraphicsScene):
    """A read-only drawing of one BPMN diagram with view markers.

    Parameters
    ----------
    style
        Colours, widths and fonts, marker styles included.
    registry
        The renderers by BPMN type (default: every type the canvas draws).
    parent
        The owning Qt object.
    """

    #: The id of the element clicked last ('' when the click hit no element).
    selection_changed = Signal(str)

    def __init__(self, style: Style = DEFAULT_STYLE, registry: RendererRegistry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self._registry = registry or default_registry()
        self._items: dict[str, list[ElementItem]] = {}
        self._labels: dict[str, list[LabelItem]] = {}
        self._markers: dict[str, frozenset[str]] = {}
        self._palettes: dict[frozenset[str], Palette] = {}
        self._hovered = ""
        self._selected = ""
        self._document: BpmnDocument | None = None
        self._diagram_index = 0

    # --- content ----------------------------------------------------------------------------

    def load(self, document: BpmnDocument, diagram: Diagram | None = None) -> None:
        """Draw ``diagram`` of ``document`` (default: its first), replacing what was drawn.

        Parameters
        ----------
        document
            The document to draw.
        diagram
            One of ``document.diagrams``.
        """
        self._document = document
        self._diagram_index = next((i for i, d in enumerate(document.diagrams) if d is diagram), 0)
        self.clear()
        self._items.clear()
        self._labels.clear()
        self._markers.clear()
        self._hovered = self._selected = ""
        content = import_diagram(document, diagram)
        plain = self._palette(frozenset())
        for shape in content.shapes:
            self._add(ShapeItem(shape, self._registry.shape(shape.kind), plain))
        for edge in content.edges:
            self._add(EdgeItem(edge, self._registry.edge(edge.kind), plain))
        for order, label in enumerate(content.labels):
            item = LabelItem(label, plain, Z_LABEL + order * 1e-6)
            self._labels.setdefault(label.element_id, []).append(item)
            self.addItem(item)
        bounds = self.itemsBoundingRect()
        self.setSceneRect(bounds.adjusted(-SCENE_PADDING, -SCENE_PADDING, SCENE_PADDING, SCENE_PADDING))

    def reload(self) -> None:
        """Draw the same diagram again after the model changed, keeping the selection."""
        if self._document is None:
            return
        selected = self._selected
        diagrams = self._document.diagrams
        self.load(self._document, diagrams[min(self._diagram_index, len(diagrams) - 1)] if diagrams else None)
        if selected in self._items:
            self._selected = selected
            self.add_marker(selected, "selected")
        elif selected:
            self.selection_changed.emit("")

    def _add(self, item: ElementItem) -> None:
        # DI may draw one element twice: both drawings are kept and marked alike.
        self._items.setdefault(item.element_id, []).append(item)
        self.addItem(item)

    def item_for_id(self, element_id: str) -> ElementItem | None:
        """The (first) shape or connection item drawing ``element_id``, if any."""
        drawings = self._items.get(element_id)
        return drawings[0] if drawings else None

    def label_items(self, element_id: str) -> list[LabelItem]:
        """The external label items of ``element_id``."""
        return list(self._labels.get(element_id, ()))

    def element_ids(self) -> list[str]:
        """The ids of every drawn element, in drawing order."""
        return list(self._items)

    # --- markers ----------------------------------------------------------------------------

    def markers(self, element_id: str) -> frozenset[str]:
        """The markers ``element_id`` carries."""
        return self._markers.get(element_id, frozenset())

    def add_marker(self, element_id: str, name: str) -> None:
        """Mark ``element_id`` with ``name`` (a key of :attr:`Style.markers`)."""
        self._set_markers(element_id, self.markers(element_id) | {name})

    def remove_marker(self, element_id: str, name: str) -> None:
        """Take marker ``name`` off ``element_id`` (nothing happens if it has none)."""
        self._set_markers(element_id, self.markers(element_id) - {name})

    def _set_markers(self, element_id: str, markers: frozenset[str]) -> None:
        if markers == self.markers(element_id):
            return
        if markers:
            self._markers[element_id] = markers
        else:
            self._markers.pop(element_id, None)
        palette = self._palette(markers)
        for item in [*self._items.get(element_id, ()), *self._labels.get(element_id, ())]:
            item.set_palette(palette)

    def _palette(self, markers: frozenset[str]) -> Palette:
        palette = self._palettes.get(markers)
        if palette is None:
            palette = self._palettes[markers] = self._style.palette(markers)
        return palette

    # --- selection ----------------------------------------------------------------------------

    def selected_id(self) -> str:
        """The selected element's id ('' when nothing is selected)."""
        return self._selected

    def select(self, element_id: str) -> None:
        """Select ``element_id`` ('' clears the selection) and announce it."""
        if element_id and element_id not in self._items:
            element_id = ""
        if element_id != self._selected:
            self.remove_marker(self._selected, "selected")
            self._selected = element_id
            if element_id:
                self.add_marker(element_id, "selected")
            self.selection_changed.emit(element_id)

    # --- mouse: hover and selection -----------------------------------------------------------

    def _element_at(self, event: QGraphicsSceneMouseEvent) -> str:
        for item in self.items(event.scenePos(), Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, ShapeItem | EdgeItem | LabelItem):
                return item.element_id
        return ""

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        element_id = self._element_at(event)
        item = self.item_for_id(element_id)
        if isinstance(item, ShapeItem) and item.view.kind in NO_HOVER_KINDS:
            element_id = ""
        if element_id != self._hovered:
            self.remove_marker(self._hovered, "hover")
            self._hovered = element_id
            if element_id:
                self.add_marker(element_id, "hover")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.select(self._element_at(event))
        super().mousePressEvent(event)

    # --- output -----------------------------------------------------------------------------

    def render_image(self, scale: float = 1.0, device_pixel_ratio: float = 1.0) -> QImage:
        """The whole scene rect drawn on white, ``scale`` pixels per unit.

        Parameters
        ----------
        scale
            Logical pixels per scene unit.
        device_pixel_ratio
            Physical pixels per logical pixel (2 for a high-DPI screen); the image keeps it.

        Returns
        -------
        QImage
            An ARGB image of the scene rect.
        """
        rect = self.sceneRect()
        logical = QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))
        image = QImage(logical * device_pixel_ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(device_pixel_ratio)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QRectF(0, 0, logical.width(), logical.height()), rect)
        painter.end()
        return image
