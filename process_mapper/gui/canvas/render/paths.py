"""Geometry of BPMN markers and icons as painter paths (gui layer).

Each glyph is drawn once in a small design box (36 units for event markers, 50 for
gateway markers, 16 for task icons, 14 for activity markers) and scaled into the
element's rectangle, so markers grow with their shape as in the BPMN specification.
A :class:`Glyph` has a *body*, filled and outlined, and *details*, only stroked: a
throwing event's marker swaps the colours (solid body, details in the fill colour).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

EVENT_BOX = 36.0
GATEWAY_BOX = 50.0
ICON_BOX = 16.0
ACTIVITY_MARKER_BOX = 14.0


@dataclass(frozen=True)
class Glyph:
    """One drawable part of a marker.

    Parameters
    ----------
    body
        Filled (fill colour, or stroke colour when solid) and outlined.
    details
        Stroked only (in the fill colour when the body is solid).
    solid
        The body is always filled with the stroke colour (terminate, bar markers).
    """

    body: QPainterPath = field(default_factory=QPainterPath)
    details: QPainterPath = field(default_factory=QPainterPath)
    solid: bool = False

    def mapped(self, transform: QTransform) -> Glyph:
        """This glyph with both paths transformed."""
        return Glyph(transform.map(self.body), transform.map(self.details), self.solid)


# --- helpers -----------------------------------------------------------------------------


def polygon(points: Sequence[tuple[float, float]]) -> QPainterPath:
    """A closed path through ``points``."""
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def polyline(*points: tuple[float, float]) -> QPainterPath:
    """An open path through ``points``."""
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(*point)
    return path


def circle(cx: float, cy: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), r, r)
    return path


def bars(cx: float, cy: float, length: float, thickness: float, angles: Sequence[float]) -> QPainterPath:
    """The union of bars crossing at ``(cx, cy)``: ``+`` is angles 0, 90; ``X`` is 45, 135."""
    result = QPainterPath()
    for angle in angles:
        bar = QPainterPath()
        bar.addRect(QRectF(-length / 2, -thickness / 2, length, thickness))
        result = result.united(QTransform().translate(cx, cy).rotate(angle).map(bar))
    return result


def regular_polygon(cx: float, cy: float, r: float, sides: int, rotation: float = -90.0) -> QPainterPath:
    """A regular polygon with a vertex at ``rotation`` degrees (default: pointing up)."""
    step = 2 * math.pi / sides
    start = math.radians(rotation)
    return polygon([(cx + r * math.cos(start + i * step), cy + r * math.sin(start + i * step)) for i in range(sides)])


def fit(glyphs: Sequence[Glyph], box: float, rect: QRectF) -> list[Glyph]:
    """``glyphs`` designed in a ``box``-sized square, scaled into ``rect``."""
    transform = QTransform().translate(rect.x(), rect.y()).scale(rect.width() / box, rect.height() / box)
    return [glyph.mapped(transform) for glyph in glyphs]


def envelope(x: float, y: float, w: float, h: float, solid: bool = False) -> Glyph:
    """A letter: the body and its flap (solid for sending)."""
    body = QPainterPath()
    body.addRect(QRectF(x, y, w, h))
    return Glyph(body, polyline((x, y), (x + w / 2, y + h * 0.55), (x + w, y)), solid)


def _gear(cx: float, cy: float, r: float, teeth: int = 8) -> Glyph:
    points = []
    for i in range(teeth * 4):
        angle = 2 * math.pi * (i - 0.5) / (teeth * 4)
        radius = r if (i // 2) % 2 == 0 else r * 0.72
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return Glyph(polygon(points), circle(cx, cy, r * 0.32))


# --- event markers (36-unit box) ---------------------------------------------------------


def _timer() -> list[Glyph]:
    details = QPainterPath()
    for hour in range(12):
        angle = math.radians(hour * 30)
        inner = 8.2 if hour % 3 else 7.2
        details.moveTo(18 + inner * math.cos(angle), 18 + inner * math.sin(angle))
        details.lineTo(18 + 10 * math.cos(angle), 18 + 10 * math.sin(angle))
    details.addPath(polyline((20.5, 10.8), (18, 18), (24.8, 18.6)))
    return [Glyph(circle(18, 18, 11), details)]


def _conditional() -> list[Glyph]:
    body = QPainterPath()
    body.addRect(QRectF(11.5, 9, 13, 18))
    details = QPainterPath()
    for y in (12.5, 16, 19.5, 23):
        details.addPath(polyline((13.5, y), (22.5, y)))
    return [Glyph(body, details)]


EVENT_MARKERS: dict[str, Callable[[], list[Glyph]]] = {
    "message": lambda: [envelope(9, 11.5, 18, 13)],
    "timer": _timer,
    "error": lambda: [Glyph(polygon([(9.5, 27), (14, 11.5), (20.5, 19.5), (26.5, 9), (22, 24.5), (15.5, 16.5)]))],
    "escalation": lambda: [Glyph(polygon([(18, 8.5), (25.5, 27), (18, 19.5), (10.5, 27)]))],
    "signal": lambda: [Glyph(polygon([(18, 8), (27.5, 25), (8.5, 25)]))],
    "conditional": _conditional,
    "link": lambda: [Glyph(polygon([(9.5, 14.5), (19, 14.5), (19, 10), (27, 18), (19, 26), (19, 21.5), (9.5, 21.5)]))],
    "compensation": lambda: [
        Glyph(polygon([(8, 18), (17, 12), (17, 24)])),
        Glyph(polygon([(17, 18), (26, 12), (26, 24)])),
    ],
    "terminate": lambda: [Glyph(circle(18, 18, 10.5), solid=True)],
    "cancel": lambda: [Glyph(bars(18, 18, 23, 5.5, (45, 135)))],
    "multiple": lambda: [Glyph(regular_polygon(18, 18.8, 10.5, 5))],
    "parallel-multiple": lambda: [Glyph(bars(18, 18, 22, 6.5, (0, 90)))],
}


@cache
def _event_marker(kind: str) -> tuple[Glyph, ...]:
    return tuple(EVENT_MARKERS[kind]())


def event_marker(kind: str, rect: QRectF) -> list[Glyph]:
    """The marker of an event definition ``kind`` inside an event's bounds (no kind: [])."""
    return fit(_event_marker(kind), EVENT_BOX, rect) if kind in EVENT_MARKERS else []


# --- gateway markers (50-unit box) -------------------------------------------------------


def _event_based(instantiate: bool, parallel: bool) -> list[Glyph]:
    rings = QPainterPath()
    rings.addPath(circle(25, 25, 14))
    if not instantiate:
        rings.addPath(circle(25, 25, 11.5))
    inner = bars(25, 25, 15, 4.5, (0, 90)) if parallel else regular_polygon(25, 25.6, 7.5, 5)
    return [Glyph(details=rings), Glyph(inner)]


GATEWAY_MARKERS: dict[str, Callable[[], list[Glyph]]] = {
    "exclusiveGateway": lambda: [Glyph(bars(25, 25, 25, 5.5, (45, 135)), solid=True)],
    "parallelGateway": lambda: [Glyph(bars(25, 25, 27, 5.5, (0, 90)), solid=True)],
    "complexGateway": lambda: [Glyph(bars(25, 25, 27, 4.5, (0, 45, 90, 135)), solid=True)],
    "inclusiveGateway": lambda: [Glyph(details=circle(25, 25, 12))],
    "eventBasedGateway": lambda: _event_based(False, False),
    "eventBasedGateway/instantiate": lambda: _event_based(True, False),
    "eventBasedGateway/parallel": lambda: _event_based(True, True),
}


@cache
def _gateway_marker(key: str) -> tuple[Glyph, ...]:
    return tuple(GATEWAY_MARKERS[key]())


def gateway_marker(key: str, rect: QRectF) -> list[Glyph]:
    """The marker of a gateway, keyed as in :data:`GATEWAY_MARKERS`, inside its bounds."""
    return fit(_gateway_marker(key), GATEWAY_BOX, rect) if key in GATEWAY_MARKERS else []


# --- task icons (16-unit box) ------------------------------------------------------------


def _user() -> list[Glyph]:
    body = QPainterPath(QPointF(1.5, 16))
    body.lineTo(1.5, 13)
    body.cubicTo(1.5, 9.8, 4.5, 8.8, 8, 8.8)
    body.cubicTo(11.5, 8.8, 14.5, 9.8, 14.5, 13)
    body.lineTo(14.5, 16)
    body.closeSubpath()
    arms = polyline((4.5, 16), (4.5, 13))
    arms.addPath(polyline((11.5, 16), (11.5, 13)))
    return [Glyph(body, arms), Glyph(circle(8, 4.6, 3.6))]


def _manual() -> list[Glyph]:
    hand = QPainterPath(QPointF(0.5, 6.5))
    hand.lineTo(4, 3.5)
    hand.lineTo(14.5, 3.5)
    for top, tip in ((3.5, 15.2), (6, 15.8), (8.5, 15.2), (11, 13.8)):
        hand.lineTo(tip - 0.8, top)
        hand.quadTo(tip, top + 1.25, tip - 0.8, top + 2.5)
        hand.lineTo(8.5, top + 2.5)
    hand.lineTo(4, 13.5)
    hand.lineTo(0.5, 11.5)
    hand.closeSubpath()
    return [Glyph(hand)]


def _script() -> list[Glyph]:
    body = QPainterPath(QPointF(4, 1.5))
    body.lineTo(14.5, 1.5)
    body.cubicTo(12, 4, 12, 6, 13.5, 8.5)
    body.cubicTo(15, 11, 15, 13, 12.5, 15)
    body.lineTo(2, 15)
    body.cubicTo(4.5, 13, 4.5, 11, 3, 8.5)
    body.cubicTo(1.5, 6, 1.5, 4, 4, 1.5)
    details = polyline((5, 5), (11.5, 5))
    details.addPath(polyline((5.8, 8.5), (12.3, 8.5)))
    details.addPath(polyline((5.3, 12), (11.8, 12)))
    return [Glyph(body, details)]


def _business_rule() -> list[Glyph]:
    table = QPainterPath()
    table.addRect(QRectF(0.5, 2.5, 15, 11.5))
    header = QPainterPath()
    header.addRect(QRectF(0.5, 2.5, 15, 3.5))
    grid = polyline((0.5, 10), (15.5, 10))
    grid.addPath(polyline((4.5, 6), (4.5, 14)))
    return [Glyph(table, grid), Glyph(header, solid=True)]


TASK_ICONS: dict[str, Callable[[], list[Glyph]]] = {
    "userTask": _user,
    "manualTask": _manual,
    "serviceTask": lambda: [_gear(10, 6.5, 6), _gear(6.5, 10.5, 6)],
    "sendTask": lambda: [envelope(0.5, 3, 15, 10.5, solid=True)],
    "receiveTask": lambda: [envelope(0.5, 3, 15, 10.5)],
    "scriptTask": _script,
    "businessRuleTask": _business_rule,
}


@cache
def _task_icon(kind: str) -> tuple[Glyph, ...]:
    return tuple(TASK_ICONS[kind]())


def task_icon(kind: str, rect: QRectF) -> list[Glyph]:
    """The type icon of a task ``kind`` (``userTask``, ...) inside ``rect`` (plain task: [])."""
    return fit(_task_icon(kind), ICON_BOX, rect) if kind in TASK_ICONS else []


# --- activity markers (14-unit box) ------------------------------------------------------


def _loop() -> list[Glyph]:
    arc = QPainterPath()
    box = QRectF(1.5, 1.5, 11, 11)
    arc.arcMoveTo(box, 235)
    arc.arcTo(box, 235, -290)
    end = arc.currentPosition()
    arc.addPath(polyline((end.x() - 3.6, end.y() - 0.6), (end.x(), end.y()), (end.x() + 0.6, end.y() - 3.6)))
    return [Glyph(details=arc)]


def _rects(*rects: tuple[float, float, float, float]) -> QPainterPath:
    path = QPainterPath()
    for rect in rects:
        path.addRect(QRectF(*rect))
    return path


def _collapsed() -> list[Glyph]:
    plus = polyline((3.5, 7), (10.5, 7))
    plus.addPath(polyline((7, 3.5), (7, 10.5)))
    return [Glyph(_rects((0, 0, 14, 14)), plus)]


def _ad_hoc() -> list[Glyph]:
    tilde = QPainterPath(QPointF(1, 8.5))
    tilde.cubicTo(3.5, 3.5, 6, 4.5, 7, 7)
    tilde.cubicTo(8, 9.5, 10.5, 10.5, 13, 5.5)
    return [Glyph(details=tilde)]


ACTIVITY_MARKERS: dict[str, Callable[[], list[Glyph]]] = {
    "collapsed": _collapsed,
    "standard": _loop,
    "parallel": lambda: [Glyph(_rects((2.5, 1, 2, 12), (6, 1, 2, 12), (9.5, 1, 2, 12)), solid=True)],
    "sequential": lambda: [Glyph(_rects((1, 2.5, 12, 2), (1, 6, 12, 2), (1, 9.5, 12, 2)), solid=True)],
    "adhoc": _ad_hoc,
    "compensation": lambda: [
        Glyph(polygon([(0.5, 7), (7, 2.5), (7, 11.5)])),
        Glyph(polygon([(7, 7), (13.5, 2.5), (13.5, 11.5)])),
    ],
}


@cache
def _activity_marker(kind: str) -> tuple[Glyph, ...]:
    return tuple(ACTIVITY_MARKERS[kind]())


def activity_markers(kinds: Sequence[str], bounds: QRectF, size: float = ACTIVITY_MARKER_BOX) -> list[Glyph]:
    """Markers ``kinds`` side by side, centred at the bottom of an activity's ``bounds``."""
    kinds = [kind for kind in kinds if kind in ACTIVITY_MARKERS]
    gap = 4.0
    x = bounds.center().x() - (len(kinds) * size + (len(kinds) - 1) * gap) / 2
    y = bounds.bottom() - size - 5
    glyphs: list[Glyph] = []
    for kind in kinds:
        glyphs += fit(_activity_marker(kind), ACTIVITY_MARKER_BOX, QRectF(x, y, size, size))
        x += size + gap
    return glyphs


# --- data and artifacts (in the element's bounds) ----------------------------------------


def data_object(bounds: QRectF) -> Glyph:
    """A page with a folded top-right corner."""
    x, y, r, b = bounds.left(), bounds.top(), bounds.right(), bounds.bottom()
    fold = min(bounds.width(), bounds.height()) * 0.28
    body = polygon([(x, y), (r - fold, y), (r, y + fold), (r, b), (x, b)])
    return Glyph(body, polyline((r - fold, y), (r - fold, y + fold), (r, y + fold)))


def collection_marker(bounds: QRectF) -> Glyph:
    """Three short bars at the bottom centre of a data object."""
    cx, b = bounds.center().x(), bounds.bottom()
    return Glyph(_rects(*((cx + dx - 1, b - 13, 2, 10) for dx in (-4, 0, 4))), solid=True)


def data_arrow(bounds: QRectF, solid: bool) -> Glyph:
    """The arrow of a data input (outlined) or data output (solid), top-left."""
    x, y = bounds.left() + 5, bounds.top() + 5
    arrow = [(x, y + 3), (x + 7, y + 3), (x + 7, y), (x + 12, y + 5), (x + 7, y + 10), (x + 7, y + 7), (x, y + 7)]
    return Glyph(polygon(arrow), solid=solid)


def data_store(bounds: QRectF) -> Glyph:
    """A cylinder: the body, and the front arcs of its top rings as details."""
    x, y, w, h = bounds.x(), bounds.y(), bounds.width(), bounds.height()
    ry = min(h * 0.12, w * 0.25)
    body = QPainterPath(QPointF(x, y + ry))
    body.lineTo(x, y + h - ry)
    body.arcTo(QRectF(x, y + h - 2 * ry, w, 2 * ry), 180, 180)
    body.lineTo(x + w, y + ry)
    body.arcTo(QRectF(x, y, w, 2 * ry), 0, 180)
    body.closeSubpath()
    details = QPainterPath()
    for offset in (0.0, ry * 0.7, ry * 1.4):
        ring = QRectF(x, y + offset, w, 2 * ry)
        details.arcMoveTo(ring, 180)
        details.arcTo(ring, 180, 180)
    return Glyph(body, details)


def annotation_bracket(bounds: QRectF) -> QPainterPath:
    """The open bracket on the left side of a text annotation."""
    x, y, b = bounds.left(), bounds.top(), bounds.bottom()
    arm = min(15.0, bounds.width())
    return polyline((x + arm, y), (x, y), (x, b), (x + arm, b))


# --- connection ends ---------------------------------------------------------------------


def _frame(tip: QPointF, towards: QPointF) -> tuple[QPointF, QPointF]:
    """Unit vectors along (from ``tip`` towards ``towards``) and across a segment."""
    line = QLineF(tip, towards)
    length = line.length() or 1.0
    along = QPointF(line.dx() / length, line.dy() / length)
    return along, QPointF(-along.y(), along.x())


def arrow_head(tip: QPointF, previous: QPointF, length: float, half_width: float) -> QPainterPath:
    """A closed triangle pointing at ``tip`` from the direction of ``previous``."""
    along, across = _frame(tip, previous)
    base = tip + along * length
    corners = (base + across * half_width, base - across * half_width)
    return polygon([(tip.x(), tip.y()), *((p.x(), p.y()) for p in corners)])


def open_arrow_head(tip: QPointF, previous: QPointF, length: float, half_width: float) -> QPainterPath:
    """Two strokes meeting at ``tip`` (association and data association ends)."""
    along, across = _frame(tip, previous)
    base = tip + along * length
    a, b = base + across * half_width, base - across * half_width
    return polyline((a.x(), a.y()), (tip.x(), tip.y()), (b.x(), b.y()))


def polyline_midpoint(points: Sequence[QPointF]) -> QPointF:
    """The point halfway along a polyline, by length (the origin for no points)."""
    if not points:
        return QPointF()
    segments = [QLineF(a, b) for a, b in zip(points, points[1:], strict=False)]
    remaining = sum(s.length() for s in segments) / 2
    for segment in segments:
        if segment.length() >= remaining and segment.length() > 0:
            return segment.pointAt(remaining / segment.length())
        remaining -= segment.length()
    return QPointF(points[0])


def default_slash(start: QPointF, next_point: QPointF) -> QPainterPath:
    """The slash across a default flow, near its source."""
    along, across = _frame(start, next_point)
    middle = start + along * 10
    a, b = middle + across * 5 - along * 3.5, middle - across * 5 + along * 3.5
    return polyline((a.x(), a.y()), (b.x(), b.y()))


def condition_diamond(start: QPointF, next_point: QPointF) -> QPainterPath:
    """The diamond at the source of a conditional flow leaving an activity."""
    along, across = _frame(start, next_point)
    mid, far = start + along * 8, start + along * 16
    points = [start, mid + across * 5, far, mid - across * 5]
    return polygon([(p.x(), p.y()) for p in points])
