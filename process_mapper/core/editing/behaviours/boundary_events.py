"""Boundary events go with the activity they are attached to (core layer, no Qt)."""

from __future__ import annotations

from ...model.document import BpmnDocument
from ...model.semantic import BoundaryEvent
from ..lookup import plain_id
from .deletion import Deletion


def attached_to(document: BpmnDocument, activity_ids: set[str]) -> list[BoundaryEvent]:
    """The boundary events attached to any of ``activity_ids``."""
    return [
        node
        for node in document.flow_nodes()
        if isinstance(node, BoundaryEvent) and plain_id(document, node.attached_to_ref) in activity_ids
    ]


def widen(deletion: Deletion) -> None:
    """Delete the boundary events of every deleted activity."""
    for event in attached_to(deletion.document, deletion.ids):
        deletion.add(event)
