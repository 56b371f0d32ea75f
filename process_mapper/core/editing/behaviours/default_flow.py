"""A gateway or activity forgets its default flow when that flow is deleted (core layer, no Qt).

The counterpart of bpmn.io's ``UnsetDefaultFlowBehavior``.
"""

from __future__ import annotations

from ...model.semantic import SequenceFlow
from ..builder import EditBuilder
from .deletion import Deletion


def unset(builder: EditBuilder, deletion: Deletion) -> None:
    """Clear ``default`` on every remaining source whose default flow is deleted."""
    for flow in deletion.records:
        if not isinstance(flow, SequenceFlow):
            continue
        source = deletion.document.resolve(flow.source_ref)
        if source is not None and getattr(source, "default", None) == flow.id and not deletion.goes(source):
            builder.set(source, "default", None)
