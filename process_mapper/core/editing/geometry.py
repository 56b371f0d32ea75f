"""Editing geometry: new bounds, external labels, connection routes (core layer, no Qt).

Coordinates are BPMN DI pixels, y pointing down. New shapes are centred on the position
the user chose and snapped to whole pixels, as bpmn.io does.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from ..layout.geometry import LABEL_DISTANCE, label_size
from ..model.di import Bounds, Label, Point

#: A position ``(x, y)`` or a move ``(dx, dy)``.
XY = tuple[float, float]


def centred(center: XY, size: XY) -> Bounds:
    """Bounds of ``size`` centred on ``center``, snapped to whole pixels."""
    width, height = size
    return Bounds(
        x=float(round(center[0] - width / 2)), y=float(round(center[1] - height / 2)), width=width, height=height
    )


def translated(bounds: Bounds, delta: XY) -> Bounds:
    """A new ``Bounds`` moved by ``delta`` (carried attributes kept)."""
    return replace(bounds, x=bounds.x + delta[0], y=bounds.y + delta[1])


def moved_label(label: Label | None, delta: XY) -> Label | None:
    """A copy of ``label`` moved by ``delta`` (None stays None, a label without bounds stays)."""
    if label is None or label.bounds is None:
        return label
    return replace(label, bounds=translated(label.bounds, delta))


def contains_point(bounds: Bounds, point: XY) -> bool:
    """True when ``point`` lies inside ``bounds`` or on its border."""
    return bounds.x <= point[0] <= bounds.right and bounds.y <= point[1] <= bounds.bottom


def external_label(shape: Bounds, text: str | None) -> Label | None:
    """A label box for ``text`` centred below ``shape`` (None for no text)."""
    if not text:
        return None
    width, height = label_size(text)
    cx = shape.x + shape.width / 2
    return Label(
        bounds=Bounds(x=float(round(cx - width / 2)), y=shape.bottom + LABEL_DISTANCE, width=width, height=height)
    )


def _ends(source: Bounds, target: Bounds, vertical_first: bool) -> tuple[XY, XY, bool]:
    """Docking points on facing sides, and whether the route runs vertically."""
    (scx, scy), (tcx, tcy) = source.center, target.center
    beside = target.x >= source.right or target.right <= source.x
    above_below = target.y >= source.bottom or target.bottom <= source.y
    vertical = above_below and (vertical_first or not beside)
    if vertical:
        down = tcy >= scy
        return (scx, source.bottom if down else source.y), (tcx, target.y if down else target.bottom), True
    right = tcx >= scx
    return (source.right if right else source.x, scy), (target.x if right else target.right, tcy), False


def route(source: Bounds, target: Bounds, *, orthogonal: bool = True, vertical_first: bool = False) -> list[Point]:
    """Waypoints of a new connection from ``source`` to ``target``.

    Parameters
    ----------
    source, target
        The bounds of the two ends.
    orthogonal
        Route with right angles (flows); else one straight segment (associations).
    vertical_first
        Leave and enter through top or bottom where possible (message flows between pools).
    """
    start, end, vertical = _ends(source, target, vertical_first)
    points = [start, end]
    if orthogonal and start[0] != end[0] and start[1] != end[1]:
        if vertical:
            middle = round((start[1] + end[1]) / 2)
            points = [start, (start[0], middle), (end[0], middle), end]
        else:
            middle = round((start[0] + end[0]) / 2)
            points = [start, (middle, start[1]), (middle, end[1]), end]
    return [Point(x=float(round(x)), y=float(round(y))) for x, y in points]


def is_orthogonal(points: list[XY]) -> bool:
    """True when every segment is horizontal or vertical."""
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairwise(points))


def follow_ends(points: list[Point], start_delta: XY, end_delta: XY) -> list[XY]:
    """Waypoints after the connection's ends moved by the given deltas.

    The whole line moves when both ends move alike. Otherwise each end moves with its
    shape and its neighbouring waypoint follows along the segment's axis, so a
    horizontal or vertical first or last segment stays so.
    """
    old = [(p.x, p.y) for p in points]
    if start_delta == end_delta:
        return [(x + start_delta[0], y + start_delta[1]) for x, y in old]
    new = list(old)
    last = len(old) - 1
    for end, neighbour, delta in ((0, 1, start_delta), (last, last - 1, end_delta)):
        if delta == (0.0, 0.0) or last < 1:
            continue
        new[end] = (old[end][0] + delta[0], old[end][1] + delta[1])
        if 0 < neighbour < last:
            nx, ny = new[neighbour]
            if old[end][1] == old[neighbour][1]:
                ny = new[end][1]
            if old[end][0] == old[neighbour][0]:
                nx = new[end][0]
            new[neighbour] = (nx, ny)
    return new


def edge_label(points: list[Point], text: str | None) -> Label | None:
    """A label box for ``text`` centred on the middle of a connection's middle segment."""
    if not text or len(points) < 2:
        return None
    middle = (len(points) - 1) // 2
    a, b = points[middle], points[middle + 1]
    width, height = label_size(text)
    cx, cy = (a.x + b.x) / 2, (a.y + b.y) / 2
    return Label(
        bounds=Bounds(
            x=float(round(cx - width / 2)), y=float(round(cy - height - LABEL_DISTANCE)), width=width, height=height
        )
    )
