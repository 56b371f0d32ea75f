"""The three generic scene items: shapes, connections and external labels (gui layer).

Items are dumb: they hold an element's view values and its resolved palette, and ask
their renderer to paint. They never read or change the model; the scene creates them,
keeps the id map and pushes new palettes when markers change.

An item makes its hit area (its outline) when the scene first asks for it, under the
mouse: most items of a large diagram are never hit, and opening it need not wait for them.

Items keep what they painted in a pixmap at the view's resolution (Qt's device
coordinate cache): repaints and panning copy the pixmaps, and an item is painted again
only when it changes or the zoom does. Pools and lanes are painted directly: they span
most of the view, and their pixmaps would crowd the others out of Qt's pixmap cache.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .element_view import EdgeView, LabelView, ShapeView
from .render.drawing import CENTRED, TOP_CENTRED, draw_text, text_bounds
from .render.renderers import EdgeRenderer, ShapeRenderer, halo_rect
from .render.style import Palette

#: Room around a shape for its thickest border (call activity, end event) and the halo.
SHAPE_MARGIN = 12.0
#: Room around a connection's waypoints for arrowheads, end circles and the message envelope.
EDGE_MARGIN = 16.0
#: Width of the halo under a selected or hovered connection, in device pixels.
EDGE_HALO_PX = 7.0
EDGE_HALO_ALPHA = 110
#: Room around a label's text: glyphs may reach past their measured box when scaled.
LABEL_MARGIN = 6.0
#: Shapes painted without a pixmap cache: they are about as large as the view.
UNCACHED_KINDS = frozenset({"participant", "lane"})
#: Room the items' pixmaps need in Qt's pixmap cache (KiB): a full view of a high-DPI
#: screen at 200 %. Qt's default, 10 MiB, makes them paint again on every repaint there.
PIXMAP_CACHE_KIB = 64 * 1024


class _ElementItem(QGraphicsItem):
    """What the three items share: the element id and the palette."""

    def __init__(self, element_id: str, palette: Palette) -> None:
        super().__init__()
        self.element_id = element_id
        self._palette = palette
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def palette(self) -> Palette:
        """The colours the item is painted with."""
        return self._palette

    def set_palette(self, palette: Palette) -> None:
        """Paint with ``palette`` from now on (markers changed)."""
        self._palette = palette
        self.update()


class ShapeItem(_ElementItem):
    """A BPMN shape, painted by the renderer of its kind.

    Parameters
    ----------
    view
        What to draw.
    renderer
        How to draw it.
    palette
        Its colours (with its markers applied).
    """

    def __init__(self, view: ShapeView, renderer: ShapeRenderer, palette: Palette) -> None:
        super().__init__(view.element_id, palette)
        self.view = view
        self._renderer = renderer
        self._outline: QPainterPath | None = None  # made when first hit-tested
        self._rect = view.bounds.adjusted(-SHAPE_MARGIN, -SHAPE_MARGIN, SHAPE_MARGIN, SHAPE_MARGIN)
        self.setZValue(view.z)
        if view.kind in UNCACHED_KINDS:
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def shape(self) -> QPainterPath:
        if self._outline is None:
            self._outline = self._renderer.outline(self.view)
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = self._palette
        if palette.outline is not None:
            painter.setPen(palette.outline_pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(halo_rect(self.view, palette.style.outline_gap), 4, 4)
        self._renderer.paint(painter, self.view, palette)


class EdgeItem(_ElementItem):
    """A BPMN connection, painted by the renderer of its kind.

    Parameters
    ----------
    view
        What to draw.
    renderer
        How to draw it.
    palette
        Its colours (with its markers applied).
    """

    def __init__(self, view: EdgeView, renderer: EdgeRenderer, palette: Palette) -> None:
        super().__init__(view.element_id, palette)
        self.view = view
        self._renderer = renderer
        self._outline: QPainterPath | None = None  # made when first hit-tested
        extent = QPolygonF(list(view.points)).boundingRect()
        # No waypoints, no extent: a null rectangle adds nothing to the scene's bounds.
        self._rect = extent.adjusted(-EDGE_MARGIN, -EDGE_MARGIN, EDGE_MARGIN, EDGE_MARGIN) if view.points else QRectF()
        self.setZValue(view.z)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def shape(self) -> QPainterPath:
        if self._outline is None:
            self._outline = self._renderer.outline(self.view)
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = self._palette
        if palette.outline is not None:
            halo = QColor(palette.outline)
            halo.setAlpha(EDGE_HALO_ALPHA)
            pen = QPen(halo, EDGE_HALO_PX, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(list(self.view.points))
        self._renderer.paint(painter, self.view, palette)


class LabelItem(_ElementItem):
    """The external label of an event, gateway, data element, group or connection.

    Parameters
    ----------
    view
        The text and its box; a box of height 0 grows downwards to fit the text.
    palette
        The colours of the element the label belongs to.
    z
        Stacking order (labels go above everything else).
    """

    def __init__(self, view: LabelView, palette: Palette, z: float) -> None:
        super().__init__(view.element_id, palette)
        self.view = view
        self._flags = CENTRED if view.rect.height() > 0 else TOP_CENTRED
        self._text_rect = text_bounds(view.text, palette.font(external=True), view.rect, self._flags)
        box = self._text_rect.united(view.rect) if view.rect.height() > 0 else self._text_rect
        self._rect = box.adjusted(-LABEL_MARGIN, -LABEL_MARGIN, LABEL_MARGIN, LABEL_MARGIN)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._text_rect)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        box = self.view.rect if self.view.rect.height() > 0 else self._text_rect
        draw_text(painter, box, self.view.text, self._palette, self._flags, external=True)

