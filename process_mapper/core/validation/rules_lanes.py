"""Rules on lanes: who does which step (core layer, no Qt).

A lane lists the flow nodes it holds (``flowNodeRef``). Lanes partition the nodes of the
process (or sub-process) that owns their lane set; nodes inside a sub-process need not be
listed, as they go where the sub-process goes, and boundary events go with the activity
they are attached to (the MIWG reference B.2.0 lists none of its boundary events).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Issue, Severity
from ..model.semantic import BoundaryEvent, FlowNode
from .context import Finding, ModelContext, Rule

FOREIGN_NODE = Finding(
    "lane-foreign-node",
    Severity.WARNING,
    "{lane} lists {node}, which is not a flow node of {container}",
)
OUTSIDE_LANES = Finding(
    "node-outside-lanes",
    Severity.WARNING,
    "{node} is in no lane, although {container} is divided into lanes",
)
NO_NODE_IN_LANES = Finding(
    "node-outside-lanes",
    Severity.WARNING,
    "{container} is divided into lanes, but no lane lists any of its {count} flow nodes",
)


def lanes_listing_foreign_nodes(context: ModelContext) -> Iterator[Issue]:
    """Lanes whose ``flowNodeRef`` names an element outside the lanes' process.

    Parameters
    ----------
    context
        The document under validation.

    Yields
    ------
    Issue
        ``lane-foreign-node`` (warning) per listed element, about the lane. References
        to no element at all are left to the reference checks.
    """
    document = context.document
    for container in context.containers:
        lanes = document.lanes(container)
        if not lanes:
            continue
        members = {node.id for node in document.flow_nodes(container)}
        for lane in lanes:
            for ref in lane.flow_node_refs:
                target = document.get(ref)
                if ref not in members and target is not None:
                    yield FOREIGN_NODE.at(lane, lane=lane, node=target, container=container)


def nodes_outside_lanes(context: ModelContext) -> Iterator[Issue]:
    """Flow nodes that no lane lists, in a process or sub-process that has lanes.

    Parameters
    ----------
    context
        The document under validation.

    Yields
    ------
    Issue
        ``node-outside-lanes`` (warning) per node of the container itself (not of its
        sub-processes; boundary events are exempt), or a single one about the container
        when its lanes list none of its nodes (some tools write lanes without members).
    """
    for container in context.containers:
        lanes = context.document.lanes(container)
        if not lanes:
            continue
        listed = {ref for lane in lanes for ref in lane.flow_node_refs}
        nodes = [
            node
            for node in container.flow_elements
            if isinstance(node, FlowNode) and not isinstance(node, BoundaryEvent)
        ]
        outside = [node for node in nodes if node.id not in listed]
        if outside and len(outside) == len(nodes) and len(nodes) > 1:
            yield NO_NODE_IN_LANES.at(container, container=container, count=str(len(nodes)))
        else:
            yield from (OUTSIDE_LANES.at(node, node=node, container=container) for node in outside)


RULES: tuple[Rule, ...] = (
    lanes_listing_foreign_nodes,
    nodes_outside_lanes,
)
