"""Lanes list the flow nodes drawn in their band (``flowNodeRef``) (core layer, no Qt).

As in bpmn.io, a node belongs to every lane whose band contains its centre: the lane
and, for nested lanes, its ancestors. A boundary event goes by its activity's centre, so
it shares its activity's lanes. Only nodes directly in a process take part; content of
sub-processes is in no lane.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model.di import Bounds
from ...model.document import BpmnDocument
from ...model.semantic import BoundaryEvent, FlowNode, Lane, Process
from ..builder import EditBuilder
from ..geometry import XY, contains_point
from ..lookup import plain_id
from .deletion import Deletion

#: Where a lane's band is: its drawing now, or where an edit is about to put it.
BandOf = Callable[[Lane], Bounds | None]


def drawn_band(document: BpmnDocument) -> BandOf:
    """Bands as the lanes are drawn now."""

    def band(lane: Lane) -> Bounds | None:
        shape = document.shape_of(lane.id) if lane.id else None
        return shape.bounds if shape is not None else None

    return band


def anchor_id(node: FlowNode) -> str | None:
    """The element whose centre decides ``node``'s lanes: a boundary event's activity, else itself."""
    if isinstance(node, BoundaryEvent) and node.attached_to_ref:
        return node.attached_to_ref
    return node.id


def lanes_at(process: Process, point: XY, band: BandOf) -> list[Lane]:
    """The lanes whose band contains ``point``, outermost first."""
    chain: list[Lane] = []
    lanes = [lane for lane_set in process.lane_sets for lane in lane_set.lanes]
    while lanes:
        hit = next((lane for lane in lanes if (box := band(lane)) is not None and contains_point(box, point)), None)
        if hit is None:
            break
        chain.append(hit)
        lanes = list(hit.child_lane_set.lanes) if hit.child_lane_set is not None else []
    return chain


def assign(
    builder: EditBuilder,
    process: Process,
    node_id: str,
    point: XY,
    band: BandOf,
    fallback: list[Lane] | None = None,
    lanes: list[Lane] | None = None,
) -> None:
    """Make ``node_id`` a member of exactly the lanes at ``point``.

    Parameters
    ----------
    builder
        Receives the changes.
    process
        The process the node is directly in.
    node_id
        The flow node.
    point
        Its centre, where it is or is about to be.
    band
        Where each lane's band is (or is about to be).
    fallback
        Lanes to use when no band contains ``point``; when None, the memberships the
        node has are kept (a node drawn outside every lane keeps its lane).
    lanes
        The lanes that stay after the edit (default: all lanes of ``process``).
    """
    desired = lanes_at(process, point, band) or fallback
    if desired is None:
        return
    for lane in builder.document.lanes(process) if lanes is None else lanes:
        listed = node_id in lane.flow_node_refs
        wanted = any(lane is chosen for chosen in desired)
        if listed and not wanted:
            builder.remove(lane, "flow_node_refs", node_id)
        elif wanted and not listed:
            builder.insert(lane, "flow_node_refs", node_id)


def forget(builder: EditBuilder, deletion: Deletion) -> None:
    """Remove deleted nodes from the ``flowNodeRef`` lists of the lanes that stay."""
    gone = deletion.ids
    for lane in deletion.document.lanes():
        if deletion.goes(lane):
            continue
        for ref in lane.flow_node_refs:
            if plain_id(deletion.document, ref) in gone:
                builder.remove(lane, "flow_node_refs", ref)
