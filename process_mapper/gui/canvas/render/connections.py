"""Renderers of sequence flows, message flows and associations (gui layer).

Sequence flows are solid with a filled arrowhead, a slash at the source of a default
flow and a diamond at the source of a conditional flow leaving an activity. Message
flows are dashed, with an open circle at the source and an open arrowhead at the target
(and the message envelope half way when the DI asks for it). Associations are dotted,
with open arrowheads where their direction says.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from ..element_view import EdgeView
from .drawing import draw_glyphs
from .paths import arrow_head, circle, condition_diamond, default_slash, envelope, open_arrow_head, polyline_midpoint
from .renderers import EdgeRenderer, RendererRegistry
from .style import Palette

ARROW_LENGTH, ARROW_HALF_WIDTH = 11.0, 3.8
MESSAGE_DASH = (7.0, 4.0)
DOTS = (1.5, 3.5)
#: A message envelope on a message flow, in scene units.
ENVELOPE_WIDTH = 20.0
NON_INITIATING_FILL = "#d4d4d4"


def waypoints_path(points: tuple[QPointF, ...], trim_end: float = 0.0) -> QPainterPath:
    """The polyline through ``points``; ``trim_end`` shortens its last segment (under an arrowhead)."""
    path = QPainterPath()
    if len(points) < 2:
        return path
    end = points[-1]
    last = QLineF(points[-1], points[-2])
    if trim_end and last.length() > trim_end:
        end = last.pointAt(trim_end / last.length())
    path.moveTo(points[0])
    for point in points[1:-1]:
        path.lineTo(point)
    path.lineTo(end)
    return path


def paint_sequence_flow(painter: QPainter, view: EdgeView, palette: Palette) -> None:
    """A sequence flow with its arrowhead and default or condition mark."""
    points = view.points
    if len(points) < 2:
        return
    width = palette.style.flow_width
    painter.setPen(palette.pen(width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(waypoints_path(points, trim_end=ARROW_LENGTH / 2))
    if view.default:
        painter.drawPath(default_slash(points[0], points[1]))
    painter.setBrush(palette.stroke_brush)
    painter.drawPath(arrow_head(points[-1], points[-2], ARROW_LENGTH, ARROW_HALF_WIDTH))
    if view.conditional:
        painter.setBrush(palette.fill_brush)
        painter.drawPath(condition_diamond(points[0], points[1]))


def paint_message_flow(painter: QPainter, view: EdgeView, palette: Palette) -> None:
    """A dashed message flow: open circle at the source, open arrowhead at the target."""
    points = view.points
    if len(points) < 2:
        return
    width = palette.style.flow_width
    painter.setPen(palette.dashed_pen(width, MESSAGE_DASH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(waypoints_path(points, trim_end=ARROW_LENGTH))
    painter.setPen(palette.pen(width))
    painter.setBrush(palette.fill_brush)
    painter.drawPath(circle(points[0].x(), points[0].y(), 4.0))
    painter.drawPath(arrow_head(points[-1], points[-2], ARROW_LENGTH, ARROW_HALF_WIDTH + 0.5))
    if view.message_visible:
        _paint_envelope(painter, polyline_midpoint(points), view.message_visible == "initiating", palette)


def _paint_envelope(painter: QPainter, centre: QPointF, initiating: bool, palette: Palette) -> None:
    height = ENVELOPE_WIDTH * 0.7
    glyph = envelope(centre.x() - ENVELOPE_WIDTH / 2, centre.y() - height / 2, ENVELOPE_WIDTH, height)
    shaded = (palette if initiating
              else Palette(palette.style, palette.stroke, QColor(NON_INITIATING_FILL), palette.text))
    draw_glyphs(painter, [glyph], shaded, palette.style.thin_width)


def paint_association(painter: QPainter, view: EdgeView, palette: Palette) -> None:
    """A dotted association or data association, with open arrowheads as directed."""
    points = view.points
    if len(points) < 2:
        return
    width = palette.style.flow_width
    painter.setPen(palette.dashed_pen(width, DOTS))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(waypoints_path(points))
    data = view.kind in ("dataInputAssociation", "dataOutputAssociation")
    painter.setPen(palette.pen(width))
    if data or view.direction in ("One", "Both"):
        painter.drawPath(open_arrow_head(points[-1], points[-2], ARROW_LENGTH, ARROW_HALF_WIDTH + 1.5))
    if view.direction == "Both":
        painter.drawPath(open_arrow_head(points[0], points[1], ARROW_LENGTH, ARROW_HALF_WIDTH + 1.5))


def paint_fallback_edge(painter: QPainter, view: EdgeView, palette: Palette) -> None:
    """A connection the canvas has no drawing for: a thin line."""
    painter.setPen(palette.pen(palette.style.thin_width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(waypoints_path(view.points))


FALLBACK_EDGE = EdgeRenderer(paint_fallback_edge)


def register(registry: RendererRegistry) -> None:
    """Add the connection renderers to ``registry``."""
    registry.add_edge(("sequenceFlow",), EdgeRenderer(paint_sequence_flow))
    registry.add_edge(("messageFlow",), EdgeRenderer(paint_message_flow))
    registry.add_edge(("association", "dataInputAssociation", "dataOutputAssociation"), EdgeRenderer(paint_association))
