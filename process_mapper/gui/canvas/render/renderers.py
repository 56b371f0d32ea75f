"""The renderer registry: how each BPMN type is painted (gui layer).

A renderer is a pair of plain functions, looked up by the element's BPMN type name:
``paint(painter, view, palette)`` draws the element in scene coordinates and
``outline(view)`` gives its hit area (for clicks, hover and the selection halo).
Items never paint on their own; they ask the registry. A later feature registers its own
renderers (or replaces one) on a registry of its own, without touching the items::

    registry = default_registry()
    registry.add_shape(("task",), ShapeRenderer(paint_my_task, rectangle_outline))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker

from ..element_view import EdgeView, ShapeView
from .style import Palette

ShapePaint = Callable[[QPainter, ShapeView, Palette], None]
EdgePaint = Callable[[QPainter, EdgeView, Palette], None]


def rectangle_outline(view: ShapeView) -> QPainterPath:
    """The hit area of most shapes: their bounds."""
    path = QPainterPath()
    path.addRect(view.bounds)
    return path


def border_outline(view: ShapeView) -> QPainterPath:
    """The hit area of frames that must not hide what they surround (groups): the border."""
    stroker = QPainterPathStroker()
    stroker.setWidth(8)
    return stroker.createStroke(rectangle_outline(view))


def polyline_outline(view: EdgeView) -> QPainterPath:
    """The hit area of a connection: a band 10 units wide along its waypoints."""
    path = QPainterPath()
    if view.points:
        path.moveTo(view.points[0])
        for point in view.points[1:]:
            path.lineTo(point)
    stroker = QPainterPathStroker()
    stroker.setWidth(10)
    return stroker.createStroke(path)


@dataclass(frozen=True)
class ShapeRenderer:
    """How one kind of shape is painted and hit."""

    paint: ShapePaint
    outline: Callable[[ShapeView], QPainterPath] = rectangle_outline


@dataclass(frozen=True)
class EdgeRenderer:
    """How one kind of connection is painted and hit."""

    paint: EdgePaint
    outline: Callable[[EdgeView], QPainterPath] = polyline_outline


class RendererRegistry:
    """Renderers by BPMN type name, with a fallback for types nobody registered.

    Parameters
    ----------
    fallback_shape, fallback_edge
        Used for kinds without a renderer of their own (vendor or unknown elements).
    """

    def __init__(self, fallback_shape: ShapeRenderer, fallback_edge: EdgeRenderer) -> None:
        self._shapes: dict[str, ShapeRenderer] = {}
        self._edges: dict[str, EdgeRenderer] = {}
        self._fallback_shape = fallback_shape
        self._fallback_edge = fallback_edge

    def add_shape(self, kinds: Iterable[str], renderer: ShapeRenderer) -> None:
        """Paint shapes of ``kinds`` with ``renderer`` (replacing any earlier one)."""
        self._shapes.update(dict.fromkeys(kinds, renderer))

    def add_edge(self, kinds: Iterable[str], renderer: EdgeRenderer) -> None:
        """Paint connections of ``kinds`` with ``renderer`` (replacing any earlier one)."""
        self._edges.update(dict.fromkeys(kinds, renderer))

    def shape(self, kind: str) -> ShapeRenderer:
        """The renderer of shapes of ``kind``."""
        return self._shapes.get(kind, self._fallback_shape)

    def edge(self, kind: str) -> EdgeRenderer:
        """The renderer of connections of ``kind``."""
        return self._edges.get(kind, self._fallback_edge)

    def shape_kinds(self) -> frozenset[str]:
        """The kinds with a renderer of their own."""
        return frozenset(self._shapes)


def default_registry() -> RendererRegistry:
    """A registry with a renderer for every BPMN element the canvas draws."""
    from . import activities, artifacts, connections, flow_nodes

    registry = RendererRegistry(artifacts.FALLBACK_SHAPE, connections.FALLBACK_EDGE)
    for module in (activities, flow_nodes, artifacts, connections):
        module.register(registry)
    return registry


def halo_rect(view: ShapeView, gap: float) -> QRectF:
    """The selection and hover halo around a shape, ``gap`` units outside its bounds."""
    return view.bounds.adjusted(-gap, -gap, gap, gap)
