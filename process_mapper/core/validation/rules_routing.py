"""Rules on where the flow goes next: gateways, branch labels and conditions, default
flows (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Issue, Severity
from ..model.semantic import (
    Activity,
    ComplexGateway,
    ExclusiveGateway,
    Gateway,
    InclusiveGateway,
    SequenceFlow,
)
from .context import Finding, ModelContext, Rule

GATEWAY_DEAD_END = Finding(
    "gateway-no-outgoing",
    Severity.ERROR,
    "{node} has incoming sequence flow but no outgoing one; the process cannot go on from it",
)
UNLABELLED_BRANCH = Finding(
    "unlabelled-branch",
    Severity.WARNING,
    "{flow} leaves the diverging {gateway} with neither a name nor a condition; "
    "nobody can tell when this path is taken",
)
DEFAULT_NOT_OUTGOING = Finding(
    "default-flow-not-outgoing",
    Severity.ERROR,
    "{node} names {target} as its default flow, but that is not a sequence flow leaving it",
)

#: Elements whose ``default`` attribute names one of their outgoing flows.
_WITH_DEFAULT = (Activity, ExclusiveGateway, InclusiveGateway, ComplexGateway)


def gateways_without_outgoing(context: ModelContext) -> Iterator[Issue]:
    """Gateways that flow enters but never leaves.

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``gateway-no-outgoing`` (error) per gateway. A gateway with no flow at all is
        reported once, as ``unconnected-node``, by :mod:`.rules_graph`.
    """
    for node in context.flow_nodes:
        if isinstance(node, Gateway) and node.id in context.incoming and node.id not in context.outgoing:
            yield GATEWAY_DEAD_END.at(node, node=node)


def _has_condition(flow: SequenceFlow) -> bool:
    expression = flow.condition_expression
    return expression is not None and bool((expression.body or "").strip())


def unlabelled_branches(context: ModelContext) -> Iterator[Issue]:
    """Branches of diverging exclusive or inclusive gateways that say nothing about when
    they are taken: no name and no condition, and not the gateway's default flow.

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``unlabelled-branch`` (warning) per sequence flow; the issue is about the flow.
    """
    for gateway in context.flow_nodes:
        if not isinstance(gateway, (ExclusiveGateway, InclusiveGateway)):
            continue
        branches = context.outgoing.get(gateway.id or "", [])
        if len(branches) < 2:
            continue
        for flow in branches:
            if flow.id != gateway.default and not (flow.name or "").strip() and not _has_condition(flow):
                yield UNLABELLED_BRANCH.at(flow, flow=flow, gateway=gateway)


def misplaced_default_flows(context: ModelContext) -> Iterator[Issue]:
    """Gateways and activities whose ``default`` names something other than one of
    their own outgoing sequence flows.

    Parameters
    ----------
    context
        The document and its flow lookups.

    Yields
    ------
    Issue
        ``default-flow-not-outgoing`` (error) per element. A ``default`` that names no
        element at all is left to the reference checks.
    """
    for node in context.flow_nodes:
        if not isinstance(node, _WITH_DEFAULT) or not node.default:
            continue
        target = context.document.get(node.default)
        if target is None:
            continue
        if not isinstance(target, SequenceFlow) or target.source_ref != node.id:
            yield DEFAULT_NOT_OUTGOING.at(node, node=node, target=target)


RULES: tuple[Rule, ...] = (
    gateways_without_outgoing,
    unlabelled_branches,
    misplaced_default_flows,
)
