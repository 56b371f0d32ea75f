"""Rectangles, standard BPMN shape sizes and label sizing for auto-layout (core layer, no Qt).

Sizes follow bpmn.io, so a laid-out file looks familiar in the usual modellers. All
layout arithmetic happens in diagram pixels with the y axis pointing down, as in BPMN DI.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: A waypoint ``(x, y)``.
Point = tuple[float, float]

TASK_SIZE = (100.0, 80.0)
EVENT_SIZE = (36.0, 36.0)
GATEWAY_SIZE = (50.0, 50.0)
DATA_OBJECT_SIZE = (36.0, 50.0)
DATA_STORE_SIZE = (50.0, 50.0)
ANNOTATION_WIDTH = 100.0
POOL_HEADER = 30.0
LANE_HEADER = 30.0
COLLAPSED_POOL_HEIGHT = 60.0

#: External labels (events, gateways, data): at most this wide, this far below the shape.
LABEL_WIDTH = 90.0
LABEL_DISTANCE = 7.0
LABEL_LINE_HEIGHT = 14.0
#: Average advance of one character at the 11 px font modellers use for labels.
CHAR_WIDTH = 6.0


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-parallel rectangle; ``(x, y)`` is the top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def around(cls, cx: float, cy: float, width: float, height: float) -> Rect:
        """The rectangle of the given size centred on ``(cx, cy)``, snapped to whole pixels."""
        return cls(float(round(cx - width / 2)), float(round(cy - height / 2)), width, height)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    def moved(self, dx: float, dy: float) -> Rect:
        """This rectangle translated by ``(dx, dy)``."""
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def overlaps(self, other: Rect) -> bool:
        """True when the two rectangles share an area (touching edges do not count)."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def contains(self, other: Rect) -> bool:
        """True when ``other`` lies inside this rectangle (edges may touch)."""
        return self.x <= other.x and self.y <= other.y and other.right <= self.right and other.bottom <= self.bottom

    def crossed_by(self, a: Point, b: Point) -> bool:
        """True when the axis-parallel segment ``a``-``b`` passes through the interior."""
        (x1, y1), (x2, y2) = a, b
        if y1 == y2:
            return self.y < y1 < self.bottom and min(x1, x2) < self.right and max(x1, x2) > self.x
        return self.x < x1 < self.right and min(y1, y2) < self.bottom and max(y1, y2) > self.y


def even(value: float) -> float:
    """``value`` rounded up to an even whole number, so that a centre stays on a pixel."""
    return float(2 * math.ceil(value / 2))


def text_lines(text: str, width: float) -> int:
    """Estimated number of lines ``text`` wraps to in a box ``width`` pixels wide."""
    per_line = max(1, int(width // CHAR_WIDTH))
    return sum(max(1, math.ceil(len(part.strip()) / per_line)) for part in text.splitlines() or [""])


def label_size(text: str) -> tuple[float, float]:
    """Width and height of an external label for ``text`` (at most :data:`LABEL_WIDTH` wide)."""
    longest = max((len(part.strip()) for part in text.splitlines()), default=0)
    width = even(min(LABEL_WIDTH, max(longest * CHAR_WIDTH, 20.0)))
    return width, text_lines(text, LABEL_WIDTH) * LABEL_LINE_HEIGHT


def annotation_size(text: str | None) -> tuple[float, float]:
    """Size of a text annotation showing ``text``: bpmn.io's 100 x 30, taller for long text."""
    lines = text_lines(text or "", ANNOTATION_WIDTH - 10)
    return ANNOTATION_WIDTH, even(max(30.0, lines * LABEL_LINE_HEIGHT + 10))
