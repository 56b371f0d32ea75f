"""Orthogonal routes between shapes: only horizontal and vertical segments (core layer, no Qt).

:func:`route_orthogonal` tries a small family of candidate polylines for every pair of
sides the route may leave and enter by (straight, one bend, a Z through a free column or
row, a U around both shapes) and keeps the cheapest. The cost counts shapes the route
passes through (heavily), labels and earlier routes it crosses or runs along, bends,
length and sides the caller likes less (:class:`Surroundings`). Candidates are costed
cheapest first, so the usual case stops at the first route that touches nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Literal

from .geometry import Point, Rect
from .surroundings import Surroundings

Side = Literal["left", "right", "top", "bottom"]
ALL_SIDES: tuple[Side, ...] = ("right", "left", "top", "bottom")
_OUTWARD: dict[str, Point] = {"right": (1, 0), "left": (-1, 0), "top": (0, -1), "bottom": (0, 1)}

#: Straight run out of (and into) a shape before a route turns back around it.
STUB = 20.0
BEND_COST = 40.0
#: Free columns and rows tried per route, nearest to the ends first.
CANDIDATE_LINES = 6
#: Candidates fully costed per route, cheapest first (the rest are longer detours).
MAX_EVALUATED = 400
#: How far from a shape's middle a straight route may dock (at most a quarter of the side).
NEAR_MIDDLE = 10.0


def port(rect: Rect, side: str, shift: float = 0.0) -> Point:
    """A point on one side of ``rect``: its middle, moved ``shift`` times the side's length."""
    if side in ("left", "right"):
        return (rect.right if side == "right" else rect.x), float(round(rect.cy + shift * rect.height))
    return float(round(rect.cx + shift * rect.width)), (rect.y if side == "top" else rect.bottom)


def simplify(points: Sequence[Point]) -> list[Point]:
    """Drop repeated points and the middle one of three collinear points."""
    result: list[Point] = []
    for point in points:
        if result and point == result[-1]:
            continue
        if len(result) >= 2 and (
            result[-2][0] == result[-1][0] == point[0] or result[-2][1] == result[-1][1] == point[1]
        ):
            result[-1] = point
            continue
        result.append(point)
    return result


def _direction(a: Point, b: Point) -> Point:
    return (float((b[0] > a[0]) - (b[0] < a[0])), float((b[1] > a[1]) - (b[1] < a[1])))


def free_between(rects: Iterable[Rect], low: float, high: float, horizontal: bool) -> list[float]:
    """Middles of the gaps between the rectangles' extents along one axis, within ``low``..``high``."""
    spans = sorted((r.x, r.right) if horizontal else (r.y, r.bottom) for r in rects)
    middles: list[float] = []
    cursor = low
    for start, end in spans:
        if start > cursor and end > low:
            middles.append(round((cursor + min(start, high)) / 2))
        cursor = max(cursor, end)
        if cursor >= high:
            break
    if cursor < high:
        middles.append(round((cursor + high) / 2))
    return [m for m in middles if low < m < high]


def _candidates(
    p: Point, q: Point, s_side: str, t_side: str, xs: list[float], ys: list[float], detours: bool
) -> Iterable[list[Point]]:
    """Polylines from port ``p`` (on ``s_side``) to port ``q`` (on ``t_side``).

    Without ``detours`` only the direct families are made: straight, one bend, and a Z
    through a free column or row; with them also U-turns and two-column routes.
    """
    s_horizontal, t_horizontal = s_side in ("left", "right"), t_side in ("left", "right")
    out, into = _OUTWARD[s_side], _OUTWARD[t_side]
    p_stub = (p[0] + out[0] * STUB, p[1] + out[1] * STUB)
    q_stub = (q[0] + into[0] * STUB, q[1] + into[1] * STUB)
    yield [p, q]
    if s_horizontal and t_horizontal:
        yield from ([p, (x, p[1]), (x, q[1]), q] for x in xs)
        if detours:
            yield from ([p, p_stub, (p_stub[0], y), (q_stub[0], y), q_stub, q] for y in ys)
    elif not s_horizontal and not t_horizontal:
        yield from ([p, (p[0], y), (q[0], y), q] for y in ys)
        if detours:
            yield from ([p, p_stub, (x, p_stub[1]), (x, q_stub[1]), q_stub, q] for x in xs)
    elif s_horizontal:
        yield [p, (q[0], p[1]), q]
        if detours:
            yield from ([p, (x, p[1]), (x, y), (q[0], y), q] for x in xs for y in ys)
    else:
        yield [p, (p[0], q[1]), q]
        if detours:
            yield from ([p, (p[0], y), (x, y), (x, q[1]), q] for y in ys for x in xs)


def _nearest(values: Iterable[float], anchors: tuple[float, ...], count: int) -> list[float]:
    """The ``count`` distinct values closest to any of the anchors."""
    return sorted(set(values), key=lambda v: min(abs(v - a) for a in anchors))[:count]


def _valid(points: list[Point], s_side: str, t_side: str) -> bool:
    """True when the route leaves through ``s_side`` and arrives through ``t_side``."""
    if len(points) < 2:
        return False
    if _direction(points[0], points[1]) != _OUTWARD[s_side]:
        return False
    into = _OUTWARD[t_side]
    return _direction(points[-2], points[-1]) == (-into[0], -into[1])


def _cheap_cost(points: list[Point]) -> float:
    length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(points))
    return length + BEND_COST * (len(points) - 2)


def _aligned(source: Rect, target: Rect, horizontal: bool) -> float | None:
    """A line both shapes can take straight across near their middles, if there is one.

    ``dot`` centres boxes of different heights a few pixels apart; docking a little off
    the middle turns such a tiny zig-zag into a straight line.
    """

    def band(rect: Rect) -> tuple[float, float]:
        centre, size = (rect.cy, rect.height) if horizontal else (rect.cx, rect.width)
        slack = min(NEAR_MIDDLE, size / 4)
        return centre - slack, centre + slack

    (a_low, a_high), (b_low, b_high) = band(source), band(target)
    low, high = max(a_low, b_low), min(a_high, b_high)
    return float(round((low + high) / 2)) if low <= high else None


def route_orthogonal(
    source: Rect,
    target: Rect,
    surroundings: Surroundings | None = None,
    source_sides: Mapping[Side, float] | None = None,
    target_sides: Mapping[Side, float] | None = None,
    docking: Sequence[float] = (0.0,),
) -> list[Point]:
    """The cheapest orthogonal route from ``source`` to ``target``.

    Parameters
    ----------
    source, target
        The shapes to join (a zero-size rectangle stands for a point).
    surroundings
        Shapes, labels and earlier routes to keep clear of; ``source`` and ``target``
        count as shapes too.
    source_sides, target_sides
        Sides the route may leave and enter by, with an extra cost for each (default: any
        side, no cost).
    docking
        Where on a side the route may dock, as shifts from the middle in side lengths
        (``(0.0,)``: the middle only, as sequence flows do).

    Returns
    -------
    list of (float, float)
        At least two waypoints; consecutive ones share an x or a y.
    """
    around = surroundings or Surroundings()
    source_sides = source_sides or dict.fromkeys(ALL_SIDES, 0.0)
    target_sides = target_sides or dict.fromkeys(ALL_SIDES, 0.0)
    blocking = [*around.obstacles, source, target]
    around = Surroundings(blocking, around.labels, around.segments, around.shareable)
    low_x, high_x = min(source.x, target.x), max(source.right, target.right)
    low_y, high_y = min(source.y, target.y), max(source.bottom, target.bottom)
    # Free columns between shapes level with the ends, free rows between shapes above or below them.
    near = [r for r in blocking if r.right > low_x - 1 and r.x < high_x + 1]
    near_labels = [r for r in around.labels if r.right > low_x - 1 and r.x < high_x + 1]
    level = [r for r in blocking if r.bottom > low_y - STUB and r.y < high_y + STUB]
    xs = free_between(level, low_x - STUB, high_x + STUB, horizontal=True)
    xs = _nearest(xs, (source.cx, target.cx), CANDIDATE_LINES)
    ys = free_between(near + near_labels, low_y - STUB, high_y + STUB, horizontal=False)
    ys += [low_y - STUB, high_y + STUB] + [label.bottom + STUB / 2 for label in near_labels]
    ys = _nearest(ys, (source.cy, target.cy), CANDIDATE_LINES)
    ys += [min(r.y for r in near) - STUB, max(r.bottom for r in near) + STUB]  # around everything
    options: list[tuple[float, list[Point]]] = []
    for s_side, s_cost in source_sides.items():
        for t_side, t_cost in target_sides.items():
            candidates = [
                candidate
                for s_shift in docking
                for t_shift in docking
                for candidate in _candidates(
                    port(source, s_side, s_shift),
                    port(target, t_side, t_shift),
                    s_side,
                    t_side,
                    xs,
                    ys,
                    detours=not (s_shift or t_shift),
                )
            ]
            p, q = port(source, s_side), port(target, t_side)
            horizontal = s_side in ("left", "right")
            if (
                horizontal == (t_side in ("left", "right"))
                and (line := _aligned(source, target, horizontal)) is not None
            ):
                p, q = ((p[0], line), (q[0], line)) if horizontal else ((line, p[1]), (line, q[1]))
                candidates.append([p, q])
            for candidate in candidates:
                points = simplify(candidate)
                if _valid(points, s_side, t_side):
                    options.append((_cheap_cost(points) + s_cost + t_cost, points))
    options.sort(key=lambda option: option[0])
    if options:
        every = [point for _, points in options for point in points]
        low = (min(x for x, _ in every), min(y for _, y in every))
        around = around.within(Rect(*low, max(x for x, _ in every) - low[0], max(y for _, y in every) - low[1]))
    best: tuple[float, list[Point]] | None = None
    for cost, points in options[:MAX_EVALUATED]:
        if best is not None and cost >= best[0]:
            break
        total = cost + around.cost(points, best[0] - cost if best is not None else math.inf)
        if best is None or total < best[0]:
            best = (total, points)
    if best is None:  # the shapes overlap, so no side works: join the centres
        centres = simplify([(source.cx, source.cy), (source.cx, target.cy), (target.cx, target.cy)])
        return centres if len(centres) >= 2 else centres * 2
    return best[1]


__all__ = ["ALL_SIDES", "STUB", "Side", "free_between", "port", "route_orthogonal", "simplify"]
