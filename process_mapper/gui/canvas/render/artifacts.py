"""Renderers of pools, lanes, data and artifacts, and the fallback shape (gui layer).

Horizontal pools write their name bottom-to-top in a header band on the left, vertical
ones along the top; a pool without a process (a "black box") writes it in the middle.
Lanes write their name the same way, without a separating line. Data objects are pages
with a folded corner, data stores cylinders, annotations an open bracket, groups a
dash-dot rounded frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ..element_view import ShapeView
from .drawing import CENTRED, TOP_LEFT, draw_glyphs, draw_text, draw_vertical_text
from .paths import annotation_bracket, collection_marker, data_arrow, data_object, data_store
from .renderers import RendererRegistry, ShapeRenderer, border_outline
from .style import Palette

#: Depth of the header band of pools and lanes.
HEADER = 30.0
GROUP_DASH = (8.0, 3.0, 1.5, 3.0)


def header_band(view: ShapeView) -> QRectF:
    """The band holding a pool's or lane's name: left when horizontal, else top."""
    b = view.bounds
    if view.horizontal:
        return QRectF(b.left(), b.top(), min(HEADER, b.width()), b.height())
    return QRectF(b.left(), b.top(), b.width(), min(HEADER, b.height()))


def _header_text(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    band = header_band(view)
    if view.horizontal:
        draw_vertical_text(painter, band, view.name, palette)
    else:
        draw_text(painter, band.adjusted(4, 0, -4, 0), view.name, palette, CENTRED)


def paint_participant(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A pool: frame, header band and name (a black-box pool: name in the middle)."""
    style = palette.style
    painter.setPen(palette.pen(style.line_width * 0.75))
    painter.setBrush(palette.fill_brush)
    painter.drawRect(view.bounds)
    if not view.expanded:
        draw_text(painter, view.bounds.adjusted(4, 4, -4, -4), view.name, palette, CENTRED)
        return
    band = header_band(view)
    if view.horizontal:
        painter.drawLine(band.topRight(), band.bottomRight())
    else:
        painter.drawLine(band.bottomLeft(), band.bottomRight())
    _header_text(painter, view, palette)


def paint_lane(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A lane: frame and name in its header band."""
    painter.setPen(palette.pen(palette.style.thin_width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(view.bounds)
    _header_text(painter, view, palette)


def paint_data_object(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A data object (or input/output): page, input/output arrow, collection marker."""
    width = palette.style.thin_width * 1.5
    glyphs = [data_object(view.bounds)]
    if view.kind in ("dataInput", "dataOutput"):
        glyphs.append(data_arrow(view.bounds, solid=view.kind == "dataOutput"))
    if view.collection:
        glyphs.append(collection_marker(view.bounds))
    draw_glyphs(painter, glyphs, palette, width)


def paint_data_store(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A data store: a cylinder."""
    draw_glyphs(painter, [data_store(view.bounds)], palette, palette.style.thin_width * 1.5)


def paint_annotation(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A text annotation: open bracket and text."""
    painter.setPen(palette.pen(palette.style.thin_width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(annotation_bracket(view.bounds))
    draw_text(painter, view.bounds.adjusted(5, 5, -5, -5), view.name, palette, TOP_LEFT)


def paint_group(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """A group: a dash-dot rounded frame (its name is an external label)."""
    radius = palette.style.corner_radius
    painter.setPen(palette.dashed_pen(palette.style.thin_width * 1.5, GROUP_DASH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(view.bounds, radius, radius)


def paint_fallback(painter: QPainter, view: ShapeView, palette: Palette) -> None:
    """An element the canvas has no drawing for: a dashed box with its name."""
    painter.setPen(palette.dashed_pen(palette.style.thin_width, (4.0, 3.0)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(view.bounds)
    draw_text(painter, view.bounds.adjusted(4, 4, -4, -4), view.name, palette, CENTRED)


FALLBACK_SHAPE = ShapeRenderer(paint_fallback)


def register(registry: RendererRegistry) -> None:
    """Add the pool, lane, data and artifact renderers to ``registry``."""
    registry.add_shape(("participant",), ShapeRenderer(paint_participant))
    registry.add_shape(("lane",), ShapeRenderer(paint_lane))
    registry.add_shape(
        ("dataObject", "dataObjectReference", "dataInput", "dataOutput"), ShapeRenderer(paint_data_object)
    )
    registry.add_shape(("dataStoreReference",), ShapeRenderer(paint_data_store))
    registry.add_shape(("textAnnotation",), ShapeRenderer(paint_annotation))
    registry.add_shape(("group",), ShapeRenderer(paint_group, border_outline))
