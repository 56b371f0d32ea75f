"""Connections go with what they connect; the ends that stay forget them (core layer, no Qt)."""

from __future__ import annotations

from ...model.semantic import FlowNode, SequenceFlow
from ..builder import EditBuilder
from ..lookup import connections_touching
from .deletion import Deletion


def widen(deletion: Deletion) -> None:
    """Delete every sequence flow, message flow and association touching a deleted element.

    Repeats until nothing is added: an association to a deleted flow goes too.
    """
    added = True
    while added:
        added = False
        for connection in connections_touching(deletion.document, deletion.ids):
            added |= deletion.add(connection)


def detach(builder: EditBuilder, deletion: Deletion) -> None:
    """Remove deleted sequence flows from the ``outgoing``/``incoming`` lists of the nodes that stay."""
    document = deletion.document
    for flow in deletion.records:
        if not isinstance(flow, SequenceFlow) or flow.id is None:
            continue
        for end_id, field_name in ((flow.source_ref, "outgoing"), (flow.target_ref, "incoming")):
            node = document.resolve(end_id)
            if isinstance(node, FlowNode) and not deletion.goes(node) and flow.id in getattr(node, field_name):
                builder.remove(node, field_name, flow.id)
