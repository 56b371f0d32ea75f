"""Rules on the sequence-flow graph: stray nodes, misused start and end events, and flows
that cross the boundary of their process or sub-process (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Issue, Severity
from ..model.semantic import (
    Activity,
    AdHocSubProcess,
    BoundaryEvent,
    CompensateEventDefinition,
    EndEvent,
    FlowNode,
    SequenceFlow,
    StartEvent,
    SubProcess,
    TimerEventDefinition,
)
from .context import Finding, ModelContext, Rule

UNCONNECTED = Finding(
    "unconnected-node",
    Severity.WARNING,
    "{node} has no incoming and no outgoing sequence flow",
)
START_WITH_INCOMING = Finding(
    "start-event-incoming",
    Severity.ERROR,
    "{node} is a start event but sequence flow {flows} enters it; a start event can only begin a flow",
)
END_WITH_OUTGOING = Finding(
    "end-event-outgoing",
    Severity.ERROR,
    "{node} is an end event but sequence flow {flows} leaves it; an end event can only finish a flow",
)
CROSSES_BOUNDARY = Finding(
    "sequence-flow-crosses-boundary",
    Severity.ERROR,
    "{flow} belongs to {container} but connects {source} in {source_container} with {target} in "
    "{target_container}; a sequence flow cannot cross the boundary of a process or sub-process",
)


def _ids(flows: list[SequenceFlow]) -> str:
    return ", ".join(f"'{flow.id}'" for flow in flows)


def _is_compensation(node: FlowNode, context: ModelContext) -> bool:
    """True for compensation handlers and compensation boundary events: they are joined
    to their activity by an association, never by sequence flow."""
    if isinstance(node, Activity):
        return bool(node.is_for_compensation)
    if not isinstance(node, BoundaryEvent):
        return False
    definitions = [*node.event_definitions, *map(context.document.get, node.event_definition_refs)]
    return any(isinstance(definition, CompensateEventDefinition) for definition in definitions)


def is_deadline_marker(node: FlowNode, context: ModelContext) -> bool:
    """True for a non-interrupting timer boundary event: it states its activity's time limit.

    When it fires the activity goes on, so a path from it (a reminder, an escalation) is a
    choice, not a must; the diff reads it as the activity's deadline either way.
    """
    if not isinstance(node, BoundaryEvent) or node.cancel_activity is not False:
        return False
    definitions = [*node.event_definitions, *map(context.document.get, node.event_definition_refs)]
    return any(isinstance(definition, TimerEventDefinition) for definition in definitions)


def _needs_sequence_flow(node: FlowNode, context: ModelContext) -> bool:
    """False for nodes that BPMN lets stand alone: event sub-processes (started by their
    own start event), compensation handlers, deadline markers (:func:`is_deadline_marker`)
    and the content of ad-hoc sub-processes."""
    if isinstance(node, SubProcess) and node.triggered_by_event:
        return False
    if is_deadline_marker(node, context):
        return False
    if isinstance(context.container_of(node), AdHocSubProcess):
        return False
    return not _is_compensation(node, context)


def unconnected_nodes(context: ModelContext) -> Iterator[Issue]:
    """Flow nodes that no sequence flow enters or leaves.

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``unconnected-node`` (warning) for each such node, except the kinds that BPMN
        lets stand alone (see :func:`_needs_sequence_flow`).
    """
    for node in context.flow_nodes:
        if node.id in context.incoming or node.id in context.outgoing:
            continue
        if _needs_sequence_flow(node, context):
            yield UNCONNECTED.at(node, node=node)


def start_events_with_incoming(context: ModelContext) -> Iterator[Issue]:
    """Start events that a sequence flow enters (BPMN 2.0.2 §10.5.2).

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``start-event-incoming`` (error) per start event.
    """
    for node in context.flow_nodes:
        flows = context.incoming.get(node.id or "")
        if isinstance(node, StartEvent) and flows:
            yield START_WITH_INCOMING.at(node, node=node, flows=_ids(flows))


def end_events_with_outgoing(context: ModelContext) -> Iterator[Issue]:
    """End events that a sequence flow leaves (BPMN 2.0.2 §10.5.3).

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``end-event-outgoing`` (error) per end event.
    """
    for node in context.flow_nodes:
        flows = context.outgoing.get(node.id or "")
        if isinstance(node, EndEvent) and flows:
            yield END_WITH_OUTGOING.at(node, node=node, flows=_ids(flows))


def flows_crossing_boundaries(context: ModelContext) -> Iterator[Issue]:
    """Sequence flows whose source or target is not in the flow's own process or sub-process.

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``sequence-flow-crosses-boundary`` (error) per flow. Flows whose ends name no
        flow node are left to the reference checks.
    """
    for flow in context.sequence_flows:
        source, target = context.flow_node(flow.source_ref), context.flow_node(flow.target_ref)
        if source is None or target is None:
            continue
        container = context.container_of(flow)
        source_container, target_container = context.container_of(source), context.container_of(target)
        if source_container is container and target_container is container:
            continue
        yield CROSSES_BOUNDARY.at(
            flow,
            flow=flow,
            container=container,
            source=source,
            source_container=source_container,
            target=target,
            target_container=target_container,
        )


RULES: tuple[Rule, ...] = (
    unconnected_nodes,
    start_events_with_incoming,
    end_events_with_outgoing,
    flows_crossing_boundaries,
)
