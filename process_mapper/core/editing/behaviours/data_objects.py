"""A data object goes when its last data object reference goes (core layer, no Qt).

Creating a data object reference creates its data object, as bpmn.io does; this keeps
the pair symmetric, so deleting what one created leaves no orphan behind.
"""

from __future__ import annotations

from ...model.semantic import DataObject, DataObjectReference
from .deletion import Deletion


def widen(deletion: Deletion) -> None:
    """Delete data objects whose every reference is deleted."""
    document = deletion.document
    references = [node for node in document.iter_flow_elements() if isinstance(node, DataObjectReference)]
    for reference in references:
        if not deletion.goes(reference):
            continue
        data_object = document.get(reference.data_object_ref)
        if not isinstance(data_object, DataObject):
            continue
        if all(deletion.goes(other) for other in references if other.data_object_ref == data_object.id):
            deletion.add(data_object)
