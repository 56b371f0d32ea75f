"""Build the layout plan of a document: which diagrams, bands and lanes (core layer, no Qt).

This is the first stage of auto-layout and reads semantics; the only thing it takes from
existing diagram interchange is the lane of nodes no lane lists. One :class:`DiagramPlan`
is made per collaboration, its participants stacked as :class:`Band` s (a participant
without a process is a black-box pool); processes no participant refers to become bands
of their own, without a pool, in the first diagram. The content of each process is built
by :class:`~.containers.ContainerBuilder`.
"""

from __future__ import annotations

from ..model.document import BpmnDocument
from ..model.issues import Issue
from ..model.semantic import (
    Association,
    Collaboration,
    Group,
    LaneSet,
    Process,
    TextAnnotation,
)
from .containers import ContainerBuilder
from .geometry import annotation_size
from .plan import (
    Band,
    BandKind,
    Connection,
    ConnectionKind,
    ContainerGraph,
    DiagramPlan,
    LaneBand,
    LayoutNode,
    NodeKind,
)


def _lane_bands(lane_sets: list[LaneSet], lane_of: dict[str, str]) -> list[LaneBand]:
    """The lane tree of ``lane_sets``; fills ``lane_of`` (node id -> innermost lane id)."""
    bands: list[LaneBand] = []
    for lane_set in lane_sets:
        for lane in lane_set.lanes:
            if lane.id is None:
                continue
            for node_id in lane.flow_node_refs:
                lane_of[node_id] = lane.id  # parents are visited first: the innermost wins
            children = _lane_bands([lane.child_lane_set], lane_of) if lane.child_lane_set else []
            bands.append(LaneBand(lane.id, children))
    return bands


class GraphBuilder(ContainerBuilder):
    """Turns a document's semantics into :class:`DiagramPlan` s, collecting warnings."""

    def plans(self) -> list[DiagramPlan]:
        """One plan per collaboration with participants; unpooled processes join the first."""
        plans: list[DiagramPlan] = []
        pooled: set[str] = set()
        for collaboration in self.document.collaborations:
            if collaboration.participants and collaboration.id:
                plans.append(self._collaboration_plan(collaboration, pooled))
        loose = [self._band(p, BandKind.PROCESS) for p in self.document.processes if p.id and p.id not in pooled]
        if loose and plans:
            plans[0].bands.extend(loose)
        elif loose:
            plans.append(DiagramPlan(loose[0].element_id, loose))
        return plans

    def _collaboration_plan(self, collaboration: Collaboration, pooled: set[str]) -> DiagramPlan:
        bands: list[Band] = []
        drawn: set[str] = set()
        for participant in collaboration.participants:
            if not participant.id:
                continue
            process = self.document.resolve(participant.process_ref)
            if isinstance(process, Process) and process.id and process.id not in drawn:
                drawn.add(process.id)
                band = self._band(process, BandKind.POOL)
                band.element_id = participant.id
                bands.append(band)
            else:
                bands.append(Band(participant.id, BandKind.COLLAPSED_POOL))
        pooled |= drawn
        flows = [
            Connection(
                flow.id, ConnectionKind.MESSAGE_FLOW, self._ref(flow.source_ref), self._ref(flow.target_ref), flow.name
            )
            for flow in collaboration.message_flows
            if flow.id and flow.source_ref and flow.target_ref
        ]
        self._adopt_annotations(collaboration, [band.graph for band in bands if band.graph is not None])
        return DiagramPlan(collaboration.id or "", bands, flows)

    def _adopt_annotations(self, collaboration: Collaboration, graphs: list[ContainerGraph]) -> None:
        """Draw a collaboration's annotations in the process holding what they annotate."""
        annotations = {a.id: a for a in collaboration.artifacts if isinstance(a, TextAnnotation) and a.id}
        placed: set[str] = set()
        for association in collaboration.artifacts:
            if not isinstance(association, Association) or not association.id:
                continue
            ends = [self._ref(association.source_ref), self._ref(association.target_ref)]
            note_id = next((end for end in ends if end in annotations), None)
            other = ends[1] if ends[0] == note_id else ends[0]
            graph = next((g for g in graphs if other in g.owner), None)
            if note_id is None or graph is None:
                continue
            anchor = next(node for node in graph.nodes if node.element_id == graph.owner[other])
            note = annotations.pop(note_id)
            node = LayoutNode(note_id, NodeKind.ANNOTATION, annotation_size(note.text), lane=anchor.lane)
            node.anchor = anchor.element_id
            graph.nodes.append(node)
            graph.owner[note_id] = note_id
            graph.connections.append(Connection(association.id, ConnectionKind.ASSOCIATION, ends[0], ends[1]))
            placed.add(association.id)
        for artifact in collaboration.artifacts:
            if artifact.id in annotations or isinstance(artifact, Group):
                self._warn_unplaced(artifact.id, "it is not linked to any flow element")
            elif isinstance(artifact, Association) and artifact.id not in placed:
                self._warn_unplaced(artifact.id, "it does not link an annotation to a flow element")

    def _band(self, process: Process, kind: BandKind) -> Band:
        lane_of: dict[str, str] = {}
        lanes = _lane_bands(process.lane_sets, lane_of)
        graph = self.container(process)
        if lanes:
            self._lanes_from_drawing(process, graph, lane_of)
            self._assign_lanes(graph, lane_of, lanes)
        return Band(process.id or "", kind, graph, lanes)

    def _lanes_from_drawing(self, process: Process, graph: ContainerGraph, lane_of: dict[str, str]) -> None:
        """Fill in lanes for nodes no lane lists, from where the old diagram drew them.

        Some tools (OMNITRACKER) leave ``flowNodeRef`` empty and place nodes in lanes only
        visually; tidying such a file up keeps each node in the lane it was drawn in (the
        smallest lane shape holding its centre).
        """
        lane_shapes = [(lane.id, self.document.shape_of(lane.id)) for lane in self.document.lanes(process) if lane.id]
        bounds = [(lane_id, shape.bounds) for lane_id, shape in lane_shapes if shape is not None and shape.bounds]
        for node in graph.nodes:
            shape = self.document.shape_of(node.element_id)
            if node.element_id in lane_of or shape is None or shape.bounds is None or not bounds:
                continue
            cx, cy = shape.bounds.center
            holding = [
                (b.width * b.height, lane_id) for lane_id, b in bounds if b.x <= cx <= b.right and b.y <= cy <= b.bottom
            ]
            if holding:
                lane_of[node.element_id] = min(holding)[1]

    # --- containers ---------------------------------------------------------------------

    def _assign_lanes(self, graph: ContainerGraph, lane_of: dict[str, str], lanes: list[LaneBand]) -> None:
        """Put each node in its innermost lane.

        A sub-process no lane lists goes where its content is listed; an artifact goes
        with its anchor, or in the first lane (lanes do not list artifacts).
        """
        first = lanes[0]
        while first.children:
            first = first.children[0]
        by_id = {node.element_id: node for node in graph.nodes}
        for node in graph.nodes:
            inner = [e for e, holder in graph.owner.items() if holder == node.element_id]
            node.lane = lane_of.get(node.element_id) or next((lane_of[e] for e in inner if e in lane_of), None)
        for node in graph.nodes:
            if node.lane is None and node.kind.is_artifact:
                node.lane = by_id[node.anchor].lane if node.anchor in by_id else first.element_id
            elif node.lane is None:
                self._warn(
                    "layout-no-lane", f"'{node.element_id}' is in no lane; drawn below the lanes", node.element_id
                )


def build_plans(document: BpmnDocument) -> tuple[list[DiagramPlan], list[Issue]]:
    """The diagrams auto-layout will draw for ``document``, with the warnings found on the way.

    Parameters
    ----------
    document
        The document to lay out; it is only read.

    Returns
    -------
    tuple of (list of DiagramPlan, list of Issue)
        The plans, in diagram order, and warnings about elements that will not be drawn
        as a person might expect.
    """
    builder = GraphBuilder(document)
    plans = builder.plans()
    return plans, builder.warnings


__all__ = ["GraphBuilder", "build_plans"]
