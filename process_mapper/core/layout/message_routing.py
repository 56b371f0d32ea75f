"""Routes for message flows between stacked pools (core layer, no Qt).

A message flow leaves its shape vertically, runs across in the gap next to the sender's
band (on a track of its own, chosen by the caller) and enters its target vertically. When
something sits in the way, a node end slides along its side or leaves by its left or
right side and follows the nearest free column; a pool end lines up with the other end.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .geometry import POOL_HEADER, Point, Rect
from .routing import STUB, free_between, simplify
from .surroundings import Surroundings

#: Where a message flow may leave a shape, in widths from the middle, and the cost of moving away.
_NUDGES = (0.0, -1 / 6, 1 / 6, -1 / 3, 1 / 3)
NUDGE_COST = 30.0
#: Cost of leaving by the left or right side instead, and how far to look for a free column.
SIDE_EXIT_COST = 80.0
SIDE_REACH = 300.0


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value)) if low <= high else (low + high) / 2


def _legs(
    rect: Rect, shift: float, turn_y: float, obstacles: Sequence[Rect], taken: Iterable[str]
) -> list[tuple[float, list[Point]]]:
    """Ways from a shape to the track at ``turn_y``, with their cost.

    Straight up or down from near the middle of the facing side, or out of the left or
    right side (unless ``taken`` by other flows) and along the nearest free column, for
    when something sits in the way.
    """
    facing_y = rect.bottom if turn_y > rect.cy else rect.y
    legs: list[tuple[float, list[Point]]] = []
    for nudge in _NUDGES:
        x = float(
            round(_clamp(rect.cx + shift + nudge * rect.width, rect.cx - rect.width / 3, rect.cx + rect.width / 3))
        )
        legs.append((NUDGE_COST * abs(nudge), [(x, facing_y), (x, turn_y)]))
    low, high = min(rect.cy, turn_y), max(rect.cy, turn_y)
    blockers = [r for r in obstacles if r.y < high and r.bottom > low]
    left = sorted(free_between(blockers, rect.x - SIDE_REACH, rect.x, horizontal=True))[-2:]
    right = sorted(free_between(blockers, rect.right, rect.right + SIDE_REACH, horizontal=True))[:2]
    for side, side_x, columns in (
        ("left", rect.x, left or [rect.x - STUB]),
        ("right", rect.right, right or [rect.right + STUB]),
    ):
        if side not in taken:
            for column in (c + d for c in columns for d in (0.0, -STUB / 2, STUB / 2)):
                legs.append((SIDE_EXIT_COST, [(side_x, rect.cy), (column, rect.cy), (column, turn_y)]))
    return legs


def _pool_leg(pool: Rect, x: float, turn_y: float) -> list[Point]:
    """The vertical leg between a pool's facing side and the track, as near ``x`` as it can."""
    x = float(round(_clamp(x, pool.x + POOL_HEADER + 10, pool.right - 10)))
    return [(x, pool.bottom if turn_y > pool.cy else pool.y), (x, turn_y)]


def route_message_flow(
    source: Rect,
    target: Rect,
    turn_y: float,
    is_pool: tuple[bool, bool],
    shifts: tuple[float, float] = (0.0, 0.0),
    surroundings: Surroundings | None = None,
    taken: tuple[Iterable[str], Iterable[str]] = ((), ()),
) -> list[Point]:
    """A message flow between stacked bands: vertical out, across in a gap, vertical in.

    Parameters
    ----------
    source, target
        The shapes joined; a pool (black box or not) can be either.
    turn_y
        Where the route runs across: a track in the gap next to the source's band.
    is_pool
        Whether the source and the target are pools themselves: a pool end takes the
        other end's x, so that the flow is one straight vertical line where possible.
    shifts
        Horizontal shift of the source and the target end from the middle of their shape,
        keeping flows that meet one shape apart.
    surroundings
        Shapes and labels the legs should avoid: a node end slides along its side (up to
        a third of its width) or leaves by its left or right side to find a clear line.
    taken
        Sides of the source and of the target that sequence flows use already.

    Returns
    -------
    list of (float, float)
        The waypoints; every segment is horizontal or vertical.
    """
    around = surroundings or Surroundings()
    if is_pool[0] and is_pool[1]:
        low, high = max(source.x, target.x) + POOL_HEADER + 10, min(source.right, target.right) - 10
        x = (low + high) / 2
        return simplify(_pool_leg(source, x, turn_y) + _pool_leg(target, x, turn_y)[::-1])
    source_legs = _legs(source, shifts[0], turn_y, around.obstacles, taken[0]) if not is_pool[0] else None
    target_legs = _legs(target, shifts[1], turn_y, around.obstacles, taken[1]) if not is_pool[1] else None
    options: list[tuple[float, list[Point]]] = []
    for s_cost, s_leg in source_legs or [(0.0, [])]:
        for t_cost, t_leg in target_legs or [(0.0, [])]:
            start = s_leg or _pool_leg(source, t_leg[-1][0], turn_y)
            end = t_leg or _pool_leg(target, start[-1][0], turn_y)
            options.append((s_cost + t_cost, simplify(start + end[::-1])))
    options.sort(key=lambda option: option[0])
    best = (math.inf, options[0][1])
    for cost, points in options:
        if cost >= best[0]:
            break
        total = cost + around.cost(points, best[0] - cost)
        if total < best[0]:
            best = (total, points)
    return best[1]


__all__ = ["route_message_flow"]
