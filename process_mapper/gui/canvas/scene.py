"""The BPMN scene: the mediator between a document's diagram and its items (gui layer).

The scene imports a diagram into generic items, keeps the ``item_for_id`` map and holds
the view state: which markers each element carries. Markers (``selected``, ``hover``,
``diff-added``, ...) never touch the model; adding or removing one resolves the
element's palette from the :class:`~.render.style.Style` and pushes it to its items.
The scene itself only sets ``hover`` and ``selected``, from the mouse.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent, QWidget

from ...core.model.di import Diagram
from ...core.model.document import BpmnDocument
from ...core.xmlio.reader import gc_paused
from .element_view import EdgeView, LabelView, ShapeView
from .importer import Z_LABEL, import_diagram
from .items import EdgeItem, LabelItem, ShapeItem
from .render.renderers import RendererRegistry, default_registry
from .render.style import DEFAULT_STYLE, Palette, Style

#: Empty room around the drawing, in scene units.
SCENE_PADDING = 40.0
#: Shapes that do not light up under the mouse: they span most of the diagram.
NO_HOVER_KINDS = frozenset({"participant", "lane"})
#: The drawing area of an empty diagram, room to draw in.
EMPTY_AREA = QRectF(0, 0, 800, 500)

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
    cache_items
        Keep each item's painting in a pixmap for fast repaints (views); off for scenes
        rendered to PDF, SVG or a printer, which must receive vector drawing and text.
    """

    #: The primary selected element's id: the one clicked last ('' when nothing is selected).
    selection_changed = Signal(str)
    #: Every selected element's id, the primary one first.
    selected_ids_changed = Signal(tuple)
    #: The diagram was drawn again or brought up to date: items may have been replaced.
    drawn = Signal()

    def __init__(
        self,
        style: Style = DEFAULT_STYLE,
        registry: RendererRegistry | None = None,
        parent: QWidget | None = None,
        cache_items: bool = True,
    ) -> None:
        super().__init__(parent)
        self._cache_items = cache_items
        self._style = style
        self._registry = registry or default_registry()
        self._items: dict[str, list[ElementItem]] = {}
        self._labels: dict[str, list[LabelItem]] = {}
        self._markers: dict[str, frozenset[str]] = {}
        self._palettes: dict[frozenset[str], Palette] = {}
        self._hovered = ""
        self._selected = ""
        self._selection: dict[str, None] = {}
        self._document: BpmnDocument | None = None
        self._diagram_index = 0

    # --- content ----------------------------------------------------------------------------

    def load(self, document: BpmnDocument, diagram: Diagram | None = None, keep_area: bool = False) -> None:
        """Draw ``diagram`` of ``document`` (default: its first), replacing what was drawn.

        Parameters
        ----------
        document
            The document to draw.
        diagram
            One of ``document.diagrams``.
        keep_area
            Keep the scene rect at least as large as before (redrawing after an edit: the
            view must not jump while the user draws).
        """
        previous_area = self.sceneRect()
        self._document = document
        self._diagram_index = next((i for i, d in enumerate(document.diagrams) if d is diagram), 0)
        self.clear()
        self._items.clear()
        self._labels.clear()
        self._markers.clear()
        self._hovered = self._selected = ""
        self._selection.clear()
        with gc_paused():  # thousands of views and items, no cycles: collections would find nothing
            content = import_diagram(document, diagram)
            plain = self._palette(frozenset())
            for shape in content.shapes:
                self._add(ShapeItem(shape, self._registry.shape(shape.kind), plain))
            for edge in content.edges:
                self._add(EdgeItem(edge, self._registry.edge(edge.kind), plain))
            for order, label in enumerate(content.labels):
                self._add_label(label, plain, order)
        self._fit_area(previous_area if keep_area else None)
        self.drawn.emit()

    def _add_label(self, label: LabelView, palette: Palette, order: int) -> None:
        item = LabelItem(label, palette, Z_LABEL + order * 1e-6)
        self._labels.setdefault(label.element_id, []).append(item)
        self._add_to_scene(item)

    def _fit_area(self, previous_area: QRectF | None) -> None:
        """The scene rect: the drawing with padding, at least ``previous_area`` when given."""
        bounds = self.itemsBoundingRect()
        area = (bounds.adjusted(-SCENE_PADDING, -SCENE_PADDING, SCENE_PADDING, SCENE_PADDING)
                if bounds.isValid() else EMPTY_AREA)
        self.setSceneRect(area.united(previous_area) if previous_area is not None else area)

    def reload(self) -> None:
        """Draw the same diagram again from scratch, keeping the selection."""
        if self._document is None:
            return
        primary, selection = self._selected, list(self._selection)
        diagrams = self._document.diagrams
        self.load(self._document, diagrams[min(self._diagram_index, len(diagrams) - 1)] if diagrams else None, True)
        self._keep_selection(primary, selection)

    def refresh(self, changed: Collection[str] | None = None) -> None:
        """Bring the drawing up to date after the model changed: only what looks different is redrawn.

        The elements (all, or ``changed`` and those whose drawing depends on them) are
        imported again and compared with what is drawn: the items of elements whose views
        changed are replaced, those of elements gone are removed, new elements are added.
        Markers and the selection stay.

        Parameters
        ----------
        changed
            The ids an edit added, removed or changed (None: look at every element).
        """
        diagrams = self._document.diagrams if self._document is not None else []
        if self._document is None or not diagrams:
            self.reload()
            return
        primary, selection = self._selected, list(self._selection)
        content = import_diagram(self._document, diagrams[min(self._diagram_index, len(diagrams) - 1)], changed)
        drawings: dict[str, list[ShapeView | EdgeView]] = {}
        views: list[ShapeView | EdgeView] = [*content.shapes, *content.edges]
        for view in views:
            drawings.setdefault(view.element_id, []).append(view)
        labels: dict[str, list[tuple[int, LabelView]]] = {}
        for order, label in enumerate(content.labels):
            labels.setdefault(label.element_id, []).append((order, label))
        looked_at = set(self._items) | set(self._labels) if changed is None else set(changed) | set(drawings)
        for ident in [ident for ident in looked_at if ident in self._items and ident not in drawings]:
            self._remove_items(self._items.pop(ident))
        for ident, wanted_views in drawings.items():
            if [item.view for item in self._items.get(ident, ())] != wanted_views:
                self._remove_items(self._items.pop(ident, []))
                palette = self._palette(self.markers(ident))
                for view in wanted_views:
                    if isinstance(view, ShapeView):
                        self._add(ShapeItem(view, self._registry.shape(view.kind), palette))
                    else:
                        self._add(EdgeItem(view, self._registry.edge(view.kind), palette))
        for ident in looked_at | set(labels):
            wanted = labels.get(ident, [])
            if [item.view for item in self._labels.get(ident, ())] != [label for _, label in wanted]:
                self._remove_items(self._labels.pop(ident, []))
                for order, label in wanted:
                    self._add_label(label, self._palette(self.markers(ident)), order)
        for ident in [ident for ident in self._markers if ident not in self._items]:
            del self._markers[ident]
        if self._hovered not in self._items:
            self._hovered = ""
        self._fit_area(self.sceneRect())
        self.drawn.emit()
        self._keep_selection(primary, selection)

    def _remove_items(self, items: list[ElementItem] | list[LabelItem]) -> None:
        for item in items:
            self.removeItem(item)

    def _keep_selection(self, primary: str, selection: list[str]) -> None:
        """Select what is left of ``selection`` after a redraw, announcing what changed."""
        kept = [ident for ident in selection if ident in self._items]
        for ident in kept:
            self.add_marker(ident, "selected")
        self._selection = dict.fromkeys(kept)
        self._selected = primary if primary in self._selection else (kept[0] if kept else "")
        if self._selected != primary:
            self.selection_changed.emit(self._selected)
        if kept != selection:
            self.selected_ids_changed.emit(self.selected_ids())

    def _add(self, item: ElementItem) -> None:
        # DI may draw one element twice: both drawings are kept and marked alike.
        self._items.setdefault(item.element_id, []).append(item)
        self._add_to_scene(item)

    def _add_to_scene(self, item: ElementItem | LabelItem) -> None:
        if not self._cache_items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
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
        """The primary selected element's id ('' when nothing is selected)."""
        return self._selected

    def selected_ids(self) -> tuple[str, ...]:
        """Every selected element's id, the primary one first."""
        rest = tuple(ident for ident in self._selection if ident != self._selected)
        return (self._selected, *rest) if self._selected else rest

    def select(self, element_id: str) -> None:
        """Select only ``element_id`` ('' clears the selection) and announce it."""
        self.set_selection([element_id] if element_id else [])

    def set_selection(self, element_ids: Iterable[str], primary: str | None = None) -> None:
        """Select exactly ``element_ids`` (undrawn ids are skipped) and announce the change.

        Parameters
        ----------
        element_ids
            The elements to select.
        primary
            The one the panels show (default: the first of ``element_ids``).
        """
        chosen = dict.fromkeys(ident for ident in element_ids if ident in self._items)
        primary = primary if primary in chosen else next(iter(chosen), "")
        before, before_primary = self.selected_ids(), self._selected
        for ident in self._selection:
            if ident not in chosen:
                self.remove_marker(ident, "selected")
        for ident in chosen:
            self.add_marker(ident, "selected")
        self._selection, self._selected = chosen, primary
        if primary != before_primary:
            self.selection_changed.emit(primary)
        if self.selected_ids() != before:
            self.selected_ids_changed.emit(self.selected_ids())

    def toggle_selected(self, element_id: str) -> None:
        """Add ``element_id`` to the selection (as the primary one), or take it out."""
        if element_id in self._selection:
            self.set_selection([ident for ident in self.selected_ids() if ident != element_id])
        elif element_id in self._items:
            self.set_selection([*self.selected_ids(), element_id], primary=element_id)

    # --- mouse: hover and selection -----------------------------------------------------------

    def element_at(self, position: QPointF) -> str:
        """The id of the topmost element drawn at scene ``position`` ('' for none); labels count."""
        for item in self.items(
            position, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, QTransform()
        ):
            if isinstance(item, ShapeItem | EdgeItem | LabelItem):
                return item.element_id
        return ""

    def shape_items_at(self, position: QPointF) -> list[ShapeItem]:
        """The shape items drawn at scene ``position``, topmost first (containers included)."""
        return [
            item
            for item in self.items(
                position, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, QTransform()
            )
            if isinstance(item, ShapeItem)
        ]

    def element_items(self, element_id: str) -> list[ElementItem | LabelItem]:
        """Every item drawing ``element_id``: its shapes or connections and its labels."""
        return [*self._items.get(element_id, ()), *self._labels.get(element_id, ())]

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        element_id = self.element_at(event.scenePos())
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
            self.select(self.element_at(event.scenePos()))
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
