"""The lanes of one pool as an edit will leave them: order, heights, the pool's box (core layer).

Lanes fill their pool: top-level lanes span the pool right of its header, nested lanes
span their parent lane right of its header, and the lanes of one set are stacked with no
gap. A :class:`LaneStack` starts from the drawing, takes the operation's changes
(a lane added, removed, reordered or resized; the pool resized) and computes every
band, which :meth:`LaneStack.write` turns into changes.
"""

from __future__ import annotations

from dataclasses import replace

from ..layout.geometry import LANE_HEADER, POOL_HEADER
from ..model.di import Bounds, Shape
from ..model.document import BpmnDocument
from ..model.semantic import Lane, Process
from .builder import EditBuilder

#: bpmn.io's height of a new lane, and the least a lane may have.
NEW_LANE_HEIGHT = 120.0
MINIMUM_LANE_HEIGHT = 60.0

Box = tuple[float, float, float, float]


class LaneStack:
    """A pool's lanes, editable, with their bands computed on demand.

    Parameters
    ----------
    document
        The document, as it is before the edit.
    pool_shape
        The pool's drawing (its bounds are the starting box).
    process
        The pool's process; its lane sets hold the top-level lanes.
    """

    def __init__(self, document: BpmnDocument, pool_shape: Shape, process: Process) -> None:
        assert pool_shape.bounds is not None
        self.document = document
        self.pool_shape = pool_shape
        box = pool_shape.bounds
        self.box: list[float] = [box.x, box.y, box.width, box.height]
        self.top: list[Lane] = [lane for lane_set in process.lane_sets for lane in lane_set.lanes]
        self._children: dict[int, list[Lane]] = {}
        self._parent: dict[int, Lane | None] = {}
        self.heights: dict[int, float] = {}
        self._index(self.top, None)

    def _index(self, lanes: list[Lane], parent: Lane | None) -> None:
        for lane in lanes:
            kids = list(lane.child_lane_set.lanes) if lane.child_lane_set is not None else []
            self._children[id(lane)] = kids
            self._parent[id(lane)] = parent
            shape = self.document.shape_of(lane.id) if lane.id else None
            if shape is not None and shape.bounds is not None:
                self.heights[id(lane)] = shape.bounds.height
            self._index(kids, lane)

    # --- structure ------------------------------------------------------------------------

    def siblings(self, lane: Lane) -> list[Lane]:
        """The list ``lane`` is in (the top level or its parent's children); edit it in place."""
        parent = self._parent[id(lane)]
        return self.top if parent is None else self._children[id(parent)]

    def children(self, lane: Lane | None) -> list[Lane]:
        """The lanes directly under ``lane`` (None: the top level); edit it in place."""
        return self.top if lane is None else self._children[id(lane)]

    def parent(self, lane: Lane) -> Lane | None:
        return self._parent[id(lane)]

    def add(self, lane: Lane, parent: Lane | None, index: int, height: float) -> None:
        """Put a new lane under ``parent`` at ``index``."""
        self.children(parent).insert(index, lane)
        self._children[id(lane)] = list(lane.child_lane_set.lanes) if lane.child_lane_set is not None else []
        self._parent[id(lane)] = parent
        self.heights[id(lane)] = height

    def band(self, lane: Lane) -> Bounds | None:
        """Where ``lane`` is drawn now (before the edit)."""
        shape = self.document.shape_of(lane.id) if lane.id else None
        return shape.bounds if shape is not None else None

    # --- heights --------------------------------------------------------------------------

    def move_edge(self, lane: Lane, edge: str, delta: float) -> None:
        """Move the ``top`` or ``bottom`` edge of ``lane`` by ``delta`` (down is positive).

        The neighbour across the edge gives or takes the room; at the outer edge of a set
        the parent lane's edge moves too, and at the pool's edge the pool grows or shrinks.
        """
        siblings = self.siblings(lane)
        index = next(i for i, other in enumerate(siblings) if other is lane)
        sign = 1.0 if edge == "bottom" else -1.0
        self.heights[id(lane)] = self.heights.get(id(lane), 0.0) + sign * delta
        neighbour_index = index + 1 if edge == "bottom" else index - 1
        if 0 <= neighbour_index < len(siblings):
            neighbour = siblings[neighbour_index]
            self.heights[id(neighbour)] = self.heights.get(id(neighbour), 0.0) - sign * delta
        else:
            self.grow(self.parent(lane), edge, delta)

    def grow(self, lane: Lane | None, edge: str, delta: float) -> None:
        """Move an edge of ``lane``'s outline (None: the pool's) by ``delta``."""
        if lane is not None:
            self.move_edge(lane, edge, delta)
        elif edge == "bottom":
            self.box[3] += delta
        else:
            self.box[1] += delta
            self.box[3] -= delta

    def expand(self, lane: Lane | None, height: float, upward: bool) -> None:
        """Make room for ``height`` more in ``lane`` (None: the pool): it and its ancestors grow.

        The pool grows at its bottom, or at its top when ``upward``.
        """
        while lane is not None:
            self.heights[id(lane)] = self.heights.get(id(lane), 0.0) + height
            lane = self.parent(lane)
        if upward:
            self.box[1] -= height
        self.box[3] += height

    def smallest_height(self, absorb_first: bool = False) -> float:
        """The least height of any lane after the edit (infinite without lanes)."""
        return min((height for _, (_, _, _, height) in self.bands(absorb_first)), default=float("inf"))

    # --- bands ----------------------------------------------------------------------------

    def bands(self, absorb_first: bool) -> list[tuple[Lane, Box]]:
        """Every lane's band after the edit, outer lanes first.

        Where a set's heights do not add up to its parent's (a file drawn elsewhere, a
        resized pool) the first lane (``absorb_first``) or the last one takes the rest.
        """
        x, y, width, height = self.box
        result: list[tuple[Lane, Box]] = []
        self._fill(self.top, (x + POOL_HEADER, y, width - POOL_HEADER, height), absorb_first, result)
        return result

    def _fill(self, lanes: list[Lane], area: Box, absorb_first: bool, result: list[tuple[Lane, Box]]) -> None:
        if not lanes:
            return
        x, y, width, height = area
        known = [self.heights.get(id(lane)) for lane in lanes]
        missing = sum(1 for value in known if value is None)
        share = (height - sum(v for v in known if v is not None)) / missing if missing else 0.0
        heights = [share if value is None else value for value in known]
        heights[0 if absorb_first else -1] += height - sum(heights)
        top = y
        for lane, lane_height in zip(lanes, heights, strict=True):
            result.append((lane, (x, top, width, lane_height)))
            self._fill(
                self._children[id(lane)], (x + LANE_HEADER, top, width - LANE_HEADER, lane_height), absorb_first, result
            )
            top += lane_height

    def write(self, builder: EditBuilder, absorb_first: bool = False) -> dict[int, Bounds]:
        """Add the changes that draw the pool and every existing lane where the stack says.

        Returns
        -------
        dict
            The new band of every lane, by ``id(lane)``, new lanes included.
        """
        x, y, width, height = self.box
        pool_bounds = self.pool_shape.bounds
        assert pool_bounds is not None
        if (pool_bounds.x, pool_bounds.y, pool_bounds.width, pool_bounds.height) != (x, y, width, height):
            builder.set(self.pool_shape, "bounds", replace(pool_bounds, x=x, y=y, width=width, height=height))
        placed: dict[int, Bounds] = {}
        for lane, (lx, ly, lw, lh) in self.bands(absorb_first):
            shape = self.document.shape_of(lane.id) if lane.id else None
            old = shape.bounds if shape is not None else None
            placed[id(lane)] = (
                replace(old, x=lx, y=ly, width=lw, height=lh) if old else Bounds(x=lx, y=ly, width=lw, height=lh)
            )
            if shape is not None and old is not None and (old.x, old.y, old.width, old.height) != (lx, ly, lw, lh):
                builder.set(shape, "bounds", placed[id(lane)])
        return placed
