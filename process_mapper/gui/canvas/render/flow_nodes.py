"""Renderers of events and gateways (gui layer).

Events are circles: a thin ring for start events, a double ring for intermediate and
boundary events, a thick ring for end events, dashed when non-interrupting; their
definition's marker sits inside, filled for throwing events. Gateways are diamonds
with the marker of their type.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPainterPath

from ..element_view import ShapeView
from .drawing import draw_glyphs
from .paths import event_marker, gateway_marker, polygon
from .renderers import RendererRegistry, ShapeRenderer
from .style import Palette

#: Distance between the two rings of an intermediate event.
RING_GAP = 3.0
#: Dashes of a non-interrupting event's ring, in scene units.
NON_INTERRUPTING_DASH = (5.5, 3.0)

EVENT_KINDS = (
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "implicitThrowEvent",
)
GATEWAY_KINDS = ("exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway")


def marker_kind(view: ShapeView) -> str:
    """The marker an event shows: its one definition, ``multiple`` or ``parallel-multiple``."""
    if len(view.event_kinds) > 1:
        return "parallel-multiple" if view.parallel_multiple else "multiple"
    return view.event_kinds[0] if view.event_kinds else ""


def paint_event(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A start, intermediate, boundary or end event with its marker."""
    style = palette.style
    b = view.bounds
    if view.kind == "startEvent":
        widths: tuple[float, ...] = (style.line_width,)
    elif view.kind == "endEvent":
        widths = (style.end_event_width,)
    else:
        widths = (style.thin_width, style.thin_width)
    painter.setBrush(palette.fill_brush)
    for ring, width in enumerate(widths):
        if view.interrupting:
            painter.setPen(palette.pen(width))
        else:
            painter.setPen(palette.dashed_pen(width, NON_INTERRUPTING_DASH))
        inset = ring * RING_GAP
        painter.drawEllipse(b.adjusted(inset, inset, -inset, -inset))
    draw_glyphs(painter, event_marker(marker_kind(view), b), palette, style.thin_width, solid=view.throwing)


def event_outline(view: ShapeView) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(view.bounds)
    return path


def gateway_outline(view: ShapeView) -> QPainterPath:
    b = view.bounds
    c = b.center()
    return polygon([(c.x(), b.top()), (b.right(), c.y()), (c.x(), b.bottom()), (b.left(), c.y())])


def gateway_marker_key(view: ShapeView) -> str:
    """The key of the gateway's marker in :data:`~.paths.GATEWAY_MARKERS` ('' for none)."""
    if view.kind == "exclusiveGateway":
        return view.kind if view.marker_visible else ""
    if view.kind == "eventBasedGateway" and view.instantiate:
        return "eventBasedGateway/parallel" if view.parallel_instantiation else "eventBasedGateway/instantiate"
    return view.kind


def paint_gateway(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A diamond with the marker of the gateway's type."""
    style = palette.style
    painter.setPen(palette.pen(style.line_width))
    painter.setBrush(palette.fill_brush)
    painter.drawPath(gateway_outline(view))
    key = gateway_marker_key(view)
    width = style.line_width * 1.25 if view.kind == "inclusiveGateway" else style.thin_width
    draw_glyphs(painter, gateway_marker(key, view.bounds), palette, width)


def register(registry: RendererRegistry) -> None:
    """Add the event and gateway renderers to ``registry``."""
    registry.add_shape(EVENT_KINDS, ShapeRenderer(paint_event, event_outline))
    registry.add_shape(GATEWAY_KINDS, ShapeRenderer(paint_gateway, gateway_outline))
