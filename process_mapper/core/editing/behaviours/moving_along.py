"""What a moved shape carries along: boundary events, pool and sub-process content (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable

from ...model.base import XmlElement
from ...model.di import Plane
from ...model.document import BpmnDocument
from ...model.semantic import Activity, Artifact, Collaboration, FlowElement, Lane, Participant, SubProcess
from ..geometry import contains_point
from ..lookup import collaboration_of, iter_connections, process_of_pool
from .boundary_events import attached_to


def _planes(document: BpmnDocument) -> dict[str, Plane]:
    """The plane of each element's first drawing."""
    planes: dict[str, Plane] = {}
    for diagram in document.definitions.diagrams:
        if diagram.plane is not None:
            for item in diagram.plane.elements:
                if item.bpmn_element:
                    planes.setdefault(item.bpmn_element, diagram.plane)
    return planes


def _content(record: XmlElement) -> set[str]:
    """Ids of the flow nodes, artifacts and lanes inside a process or sub-process."""
    ids: set[str] = set()
    for node in record.iter_tree():
        if node is not record and isinstance(node, (FlowElement, Artifact, Lane)) and node.id:
            ids.add(node.id)
    return ids


def _annotations_inside(document: BpmnDocument, collaboration: Collaboration | None, pool_id: str) -> set[str]:
    """Artifacts of the collaboration drawn inside the pool (they belong to no process)."""
    pool = document.shape_of(pool_id)
    if collaboration is None or pool is None or pool.bounds is None:
        return set()
    inside: set[str] = set()
    for artifact in collaboration.artifacts:
        shape = document.shape_of(artifact.id) if artifact.id else None
        if artifact.id and shape is not None and shape.bounds and contains_point(pool.bounds, shape.bounds.center):
            inside.add(artifact.id)
    return inside


def carried_along(document: BpmnDocument, ids: Iterable[str]) -> list[str]:
    """``ids`` plus every shape that moves with them, in a stable order (the given ids first).

    A pool carries its process's content and lanes (and annotations drawn inside it), an
    expanded sub-process carries the content drawn on the same plane, an activity
    carries its boundary events. Connections are not included: they follow their ends.
    """
    planes = _planes(document)
    connections = {c.id for c in iter_connections(document) if c.id}
    moving = dict.fromkeys(ids)
    queue = list(moving)
    while queue:
        record = document.get(queue.pop(0))
        extra: set[str] = set()
        if isinstance(record, Participant) and record.id:
            process = process_of_pool(document, record)
            extra = _content(process) if process is not None else set()
            extra |= _annotations_inside(document, collaboration_of(document, record), record.id)
        elif isinstance(record, SubProcess) and record.id:
            extra = {i for i in _content(record) if planes.get(i) is planes.get(record.id)}
        if isinstance(record, Activity) and record.id:
            extra |= {event.id for event in attached_to(document, {record.id}) if event.id}
        for ident in sorted(extra - moving.keys() - connections):
            if ident in planes:
                moving[ident] = None
                queue.append(ident)
    return list(moving)
