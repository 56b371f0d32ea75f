"""What a new route must keep clear of, and what touching it costs (core layer, no Qt).

Routes are compared by cost: passing through a shape is all but forbidden, crossing a
label or running along another route is bad, crossing another route is a small blemish.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .geometry import Point, Rect

Segment = tuple[Point, Point]

CROSSING_COST = 10_000.0
LABEL_COST = 150.0
OVERLAP_COST = 400.0
EDGE_CROSSING_COST = 10.0
#: Parallel segments closer than this look like one line.
SAME_LINE = 8.0


def _meets(first: Segment, second: Segment) -> tuple[bool, bool]:
    """``(overlap, cross)``: the segments run along each other (a few pixels apart at most),
    or cross at right angles."""
    (a, b), (c, d) = first, second
    first_flat, second_flat = a[1] == b[1], c[1] == d[1]
    if first_flat == second_flat:
        axis, along = (1, 0) if first_flat else (0, 1)
        if abs(a[axis] - c[axis]) > SAME_LINE:
            return False, False
        low, high = (
            max(min(a[along], b[along]), min(c[along], d[along])),
            min(max(a[along], b[along]), max(c[along], d[along])),
        )
        return high > low, False
    flat, upright = (first, second) if first_flat else (second, first)
    y, x = flat[0][1], upright[0][0]
    inside = min(flat[0][0], flat[1][0]) < x < max(flat[0][0], flat[1][0])
    return False, inside and min(upright[0][1], upright[1][1]) < y < max(upright[0][1], upright[1][1])


@dataclass(frozen=True)
class Surroundings:
    """What a new route should keep clear of, and how much each kind of contact costs.

    Parameters
    ----------
    obstacles
        Shapes never to pass through (cost :data:`CROSSING_COST` each).
    labels
        Label bounds, better not crossed (cost :data:`LABEL_COST` each).
    segments
        Segments of routes drawn before: running along one costs :data:`OVERLAP_COST`,
        crossing one :data:`EDGE_CROSSING_COST`.
    shareable
        Those of ``segments`` the route may run along for free where they end at the same
        port as the route, as sequence flows joining at one task do.
    """

    obstacles: Sequence[Rect] = ()
    labels: Sequence[Rect] = ()
    segments: Sequence[Segment] = ()
    shareable: frozenset[Segment] = frozenset()

    def within(self, region: Rect) -> Surroundings:
        """Only what touches ``region``: the rest cannot meet a route inside it."""

        def near(rect: Rect) -> bool:
            return (
                rect.x <= region.right
                and region.x <= rect.right
                and rect.y <= region.bottom
                and region.y <= rect.bottom
            )

        segments = [s for s in self.segments if near(_segment_box(s))]
        return Surroundings(
            [r for r in self.obstacles if near(r)], [r for r in self.labels if near(r)], segments, self.shareable
        )

    def cost(self, points: list[Point], limit: float = math.inf) -> float:
        """The contact cost of a route; counting stops once it reaches ``limit``."""
        ends = {points[0], points[-1]}
        others = [s for s in self.segments if s not in self.shareable or (s[0] not in ends and s[1] not in ends)]
        pairs = list(pairwise(points))
        total = CROSSING_COST * sum(1 for a, b in pairs for rect in self.obstacles if rect.crossed_by(a, b))
        total += LABEL_COST * sum(1 for a, b in pairs for rect in self.labels if rect.crossed_by(a, b))
        for a, b in pairs:
            if total >= limit:
                break
            for other in others:
                overlap, cross = _meets((a, b), other)
                total += OVERLAP_COST * overlap + EDGE_CROSSING_COST * cross
        return total


def _segment_box(segment: Segment) -> Rect:
    (x1, y1), (x2, y2) = segment
    return Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))


__all__ = ["Segment", "Surroundings"]
