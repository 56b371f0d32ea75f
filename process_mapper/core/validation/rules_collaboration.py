"""Rules on collaborations: message flows between pools (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

from ..model import Issue, Severity, XmlElement
from ..model.semantic import FlowNode, Participant, Process
from .context import Finding, ModelContext, Rule

SAME_POOL = Finding(
    "message-flow-same-pool",
    Severity.ERROR,
    "{flow} connects {source} and {target}, which are both in {pool}; message flows run "
    "between pools, inside one pool use a sequence flow",
)

#: What a pool is, for comparing the two ends of a message flow: the process it shows,
#: or the participant itself when it shows none (a "black box" pool).
Pool: TypeAlias = Process | Participant


def _pool_of(context: ModelContext, element: XmlElement) -> Pool | None:
    """The pool a message flow's end lies in; None when it is no pool or flow node of
    this document (it may belong to an imported one)."""
    if isinstance(element, Participant):
        process = context.document.resolve(element.process_ref)
        return process if isinstance(process, Process) else element
    if isinstance(element, FlowNode) and context.document.parent_of(element) is not None:
        return context.process_of(element)
    return None


def message_flows_within_a_pool(context: ModelContext) -> Iterator[Issue]:
    """Message flows whose two ends lie in the same pool (BPMN 2.0.2 §9.3).

    Parameters
    ----------
    context
        The document and its lookups.

    Yields
    ------
    Issue
        ``message-flow-same-pool`` (error) per message flow. A pool is told by its
        process, so a process drawn without a pool shape counts as a pool of its own.
    """
    participants: dict[XmlElement, Participant] = {}
    for collaboration in context.document.collaborations:
        for participant in collaboration.participants:
            process = context.document.resolve(participant.process_ref)
            if process is not None:
                participants.setdefault(process, participant)
    for collaboration in context.document.collaborations:
        for flow in collaboration.message_flows:
            source, target = context.document.resolve(flow.source_ref), context.document.resolve(flow.target_ref)
            if source is None or target is None:
                continue
            pool = _pool_of(context, source)
            if pool is not None and pool is _pool_of(context, target):
                yield SAME_POOL.at(flow, flow=flow, source=source, target=target, pool=participants.get(pool, pool))


RULES: tuple[Rule, ...] = (message_flows_within_a_pool,)
