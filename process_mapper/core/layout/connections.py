"""Route every connection of a placed diagram and place its label (core layer, no Qt).

Sequence flows, associations and data associations are routed inside their container
(process or sub-process), around that container's shapes; sequence flows go first so that
an association attached to a flow can end on the flow's middle. Which sides a route may
use follows bpmn.io: flows leave activities and events to the right and enter on the
left (top and bottom cost a little more), gateways split and join through any corner
point, boundary events only send downwards. Message flows run vertically between bands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from ..model.issues import Issue
from .geometry import Point, Rect, label_size
from .message_routing import route_message_flow
from .placement import DiagramGeometry
from .plan import Connection, ConnectionKind, ContainerGraph, DiagramPlan, NodeKind
from .routing import ALL_SIDES, Side, port, route_orthogonal
from .surroundings import Segment, Surroundings

_SOURCE_SIDES: dict[str, dict[Side, float]] = {
    "node": {"right": 0.0, "top": 30.0, "bottom": 30.0},
    "gateway": {"right": 0.0, "top": 0.0, "bottom": 0.0},
    "boundary": {"bottom": 0.0},
}
_TARGET_SIDES: dict[str, dict[Side, float]] = {
    "node": {"left": 0.0, "top": 30.0, "bottom": 30.0},
    "gateway": {"left": 0.0, "top": 0.0, "bottom": 0.0},
}
#: Horizontal distance between message flows meeting one side of a shape.
PARALLEL_SPACING = 16.0
#: Where associations may dock on a side (shifts from the middle, in side lengths).
ARTIFACT_DOCKING = (0.0, -0.25, 0.25)
#: Distance between an edge and its label.
LABEL_GAP = 5.0
#: Extra cost of entering through a side another flow leaves by, or the other way round.
SIDE_REUSE_COST = 500.0


@dataclass
class RoutedEdge:
    """A connection with its waypoints and, for a named one, its label bounds."""

    connection: Connection
    points: list[Point]
    label: Rect | None = None


def edge_label(points: list[Point], text: str, taken: list[Rect]) -> Rect:
    """Bounds for the label of an edge: beside one of its segments, clear of ``taken``.

    Tried in turn, longest segment first: above and below a horizontal segment, right and
    left of a vertical one, at its middle. The first spot that overlaps nothing in
    ``taken`` (shapes and labels) wins; if none is free, the first spot is used.
    """
    width, height = label_size(text)
    spots: list[Rect] = []
    for a, b in sorted(pairwise(points), key=lambda seg: -abs(seg[1][0] - seg[0][0]) - abs(seg[1][1] - seg[0][1])):
        mx, my = float(round((a[0] + b[0]) / 2)), float(round((a[1] + b[1]) / 2))
        if a[1] == b[1]:
            above, below = my - LABEL_GAP - height, my + LABEL_GAP
            spots += [Rect(mx - width / 2, above, width, height), Rect(mx - width / 2, below, width, height)]
        else:
            right, left = mx + LABEL_GAP, mx - LABEL_GAP - width
            spots += [Rect(right, my - height / 2, width, height), Rect(left, my - height / 2, width, height)]
    return next((spot for spot in spots if not any(spot.overlaps(other) for other in taken)), spots[0])


def _on_side(rect: Rect, side: Side, point: Point) -> bool:
    """True when ``point`` lies on the line of ``side`` of ``rect``."""
    axis = 0 if side in ("left", "right") else 1
    return port(rect, side)[axis] == point[axis]


class Router:
    """Routes the connections of one diagram plan over its geometry."""

    def __init__(self, plan: DiagramPlan, geometry: DiagramGeometry) -> None:
        self.plan = plan
        self.geometry = geometry
        self.warnings: list[Issue] = []
        self.edges: list[RoutedEdge] = []
        self._middles: dict[str, Point] = {}
        self._segments: list[Segment] = []
        self._flow_segments: set[Segment] = set()
        self._labels: list[Rect] = list(geometry.labels.values())
        #: ``(element id, side)`` -> whether the first flow there went ``in`` or ``out``.
        self._used: dict[tuple[str, Side], str] = {}
        self._kinds: dict[str, str] = {}
        for band in plan.bands:
            for container in band.graph.walk() if band.graph is not None else []:
                for node in container.nodes:
                    self._kinds[node.element_id] = "gateway" if node.kind is NodeKind.GATEWAY else "node"
                    self._kinds.update(dict.fromkeys((e.element_id for e in node.boundary_events), "boundary"))
        #: Shapes a label must not cover: every node but expanded sub-processes (labels go inside them).
        self._solid = [geometry.shapes[e] for e in self._kinds if e not in self._containers(plan)]

    @staticmethod
    def _containers(plan: DiagramPlan) -> set[str]:
        return {
            container.element_id
            for band in plan.bands
            for container in (band.graph.walk()[1:] if band.graph is not None else [])
        }

    def route(self) -> list[RoutedEdge]:
        """Route everything; warnings about connections left out are in :attr:`warnings`."""
        for band in self.plan.bands:
            for container in band.graph.walk() if band.graph is not None else []:
                self._route_container(container)
        self._route_message_flows()
        return self.edges

    def _end(self, element_id: str) -> Rect | None:
        """The shape of an element, or the middle of a routed flow as a point."""
        shape = self.geometry.shapes.get(element_id)
        if shape is None and element_id in self._middles:
            x, y = self._middles[element_id]
            return Rect(x, y, 0.0, 0.0)
        return shape

    def _skip(self, connection: Connection, missing: str) -> None:
        self.warnings.append(
            Issue(
                "layout-connection-skipped",
                f"{connection.kind.value} '{connection.element_id}' is not drawn: "
                f"'{missing}' has no shape in this diagram",
                element_id=connection.element_id,
                source="layout",
            )
        )

    def _add(self, connection: Connection, points: list[Point]) -> None:
        taken = [*self._solid, *self._labels] if connection.name else []
        label = edge_label(points, connection.name, taken) if connection.name else None
        self.edges.append(RoutedEdge(connection, points, label))
        self._segments.extend(pairwise(points))
        if connection.kind is ConnectionKind.SEQUENCE_FLOW:
            self._flow_segments.update(pairwise(points))
        if label is not None:
            self._labels.append(label)
        a, b = points[(len(points) - 1) // 2], points[len(points) // 2]
        self._middles[connection.element_id] = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

    def _sides(self, element_id: str, base: Mapping[Side, float], role: str) -> dict[Side, float]:
        """``base`` plus a penalty on sides another flow already uses the other way."""
        return {
            side: cost + (SIDE_REUSE_COST if self._used.get((element_id, side), role) != role else 0.0)
            for side, cost in base.items()
        }

    def _note_sides(self, connection: Connection, source: Rect, target: Rect, points: list[Point]) -> None:
        for element_id, rect, point, role in (
            (connection.source, source, points[0], "out"),
            (connection.target, target, points[-1], "in"),
        ):
            side = next((s for s in ALL_SIDES if _on_side(rect, s, point)), None)
            if side is not None:
                self._used.setdefault((element_id, side), role)

    def _route_container(self, container: ContainerGraph) -> None:
        shapes = self.geometry.shapes
        obstacles = [shapes[n.element_id] for n in container.nodes]
        obstacles += [shapes[e.element_id] for n in container.nodes for e in n.boundary_events]
        ordered = sorted(container.connections, key=lambda c: c.kind is not ConnectionKind.SEQUENCE_FLOW)
        for connection in ordered:
            source, target = self._end(connection.source), self._end(connection.target)
            if source is None or target is None:
                self._skip(connection, connection.source if source is None else connection.target)
                continue
            flow = connection.kind is ConnectionKind.SEQUENCE_FLOW
            around = Surroundings(
                [r for r in obstacles if not r.contains(source) and not r.contains(target)],
                self._labels,
                self._segments,
                frozenset(self._flow_segments) if flow else frozenset(),
            )
            source_sides, target_sides = dict.fromkeys(ALL_SIDES, 0.0), dict.fromkeys(ALL_SIDES, 0.0)
            if flow:
                source_sides = _SOURCE_SIDES[self._kinds.get(connection.source, "node")]
                target_sides = _TARGET_SIDES[self._kinds.get(connection.target, "node").replace("boundary", "node")]
            points = route_orthogonal(
                source,
                target,
                around,
                self._sides(connection.source, source_sides, "out"),
                self._sides(connection.target, target_sides, "in"),
                (0.0,) if flow else ARTIFACT_DOCKING,
            )
            self._note_sides(connection, source, target, points)
            self._add(connection, points)

    def _turns(self) -> dict[str, float]:
        """The track (y) each message flow crosses on, spread over the gap it turns in."""
        bands, band_of = self.geometry.bands, self.geometry.band_of
        gaps: dict[tuple[float, float], list[Connection]] = {}
        for flow in self.plan.message_flows:
            if flow.source not in band_of or flow.target not in band_of:
                continue
            own, other = bands[band_of[flow.source]], bands[band_of[flow.target]]
            if own.y < other.y:
                gap = (own.bottom, min(b.y for b in bands.values() if b.y >= own.bottom))
            elif own.y > other.y:
                gap = (max(b.bottom for b in bands.values() if b.bottom <= own.y), own.y)
            else:
                continue
            gaps.setdefault(gap, []).append(flow)
        turns: dict[str, float] = {}
        for (top, bottom), flows in gaps.items():
            for index, flow in enumerate(flows):
                turns[flow.element_id] = float(round(top + (index + 1) * (bottom - top) / (len(flows) + 1)))
        return turns

    def _offsets(self, turns: dict[str, float]) -> dict[tuple[str, str], float]:
        """Horizontal shift of each message-flow end, keeping flows at one shape side apart.

        Ends meeting the same side of the same shape are spread :data:`PARALLEL_SPACING`
        apart, ordered by where their other end lies so that they do not cross.
        """
        shapes = self.geometry.shapes
        sides: dict[tuple[str, bool], list[tuple[float, str, str]]] = {}
        for flow in self.plan.message_flows:
            if flow.element_id in turns and flow.source in shapes and flow.target in shapes:
                below = turns[flow.element_id] > shapes[flow.source].cy
                sides.setdefault((flow.source, below), []).append(
                    (shapes[flow.target].cx, flow.element_id, flow.source)
                )
                sides.setdefault((flow.target, not below), []).append(
                    (shapes[flow.source].cx, flow.element_id, flow.target)
                )
        offsets: dict[tuple[str, str], float] = {}
        for ends in sides.values():
            for index, (_, flow_id, element_id) in enumerate(sorted(ends)):
                offsets[(flow_id, element_id)] = (index - (len(ends) - 1) / 2) * PARALLEL_SPACING
        return offsets

    def _route_message_flows(self) -> None:
        turns = self._turns()
        offsets = self._offsets(turns)
        nodes = [self.geometry.shapes[element_id] for element_id in self._kinds]
        for flow in self.plan.message_flows:
            missing = next((e for e in (flow.source, flow.target) if e not in self.geometry.band_of), None)
            source, target = self._end(flow.source), self._end(flow.target)
            if missing is not None or source is None or target is None:
                self._skip(flow, missing or (flow.source if source is None else flow.target))
                continue
            own = (self.geometry.labels.get(flow.source), self.geometry.labels.get(flow.target))
            around = Surroundings(
                [r for r in nodes if not r.contains(source) and not r.contains(target)],
                [label for label in self._labels if label not in own],  # leaving through one's own label is usual
                self._segments,
            )
            if flow.element_id not in turns:  # both ends in one band
                self._add(flow, route_orthogonal(source, target, around))
                continue
            shifts = (
                offsets.get((flow.element_id, flow.source), 0.0),
                offsets.get((flow.element_id, flow.target), 0.0),
            )
            is_pool = (flow.source in self.geometry.bands, flow.target in self.geometry.bands)
            taken = (self._sides_in_use(flow.source), self._sides_in_use(flow.target))
            self._add(flow, route_message_flow(source, target, turns[flow.element_id], is_pool, shifts, around, taken))

    def _sides_in_use(self, element_id: str) -> set[str]:
        """The sides of a shape that sequence flows or associations already use."""
        return {side for (element, side) in self._used if element == element_id}


def route_diagram(plan: DiagramPlan, geometry: DiagramGeometry) -> tuple[list[RoutedEdge], list[Issue]]:
    """Route every connection of ``plan`` over its placed ``geometry``.

    Returns
    -------
    tuple of (list of RoutedEdge, list of Issue)
        The routed edges (containers first, message flows last) and warnings about
        connections whose ends have no shape.
    """
    router = Router(plan, geometry)
    edges = router.route()
    return edges, router.warnings


__all__ = ["RoutedEdge", "Router", "edge_label", "route_diagram"]
