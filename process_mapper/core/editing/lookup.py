"""Questions the editor asks the model: containers, pools, connections, drawings (core layer, no Qt).

Pure functions over a :class:`~process_mapper.core.model.document.BpmnDocument`; they
never change it. Connections are found by their ``sourceRef``/``targetRef``, not by the
``incoming``/``outgoing`` lists, which files from other tools often leave out.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.base import XmlElement
from ..model.di import Bounds, DiagramElement, Plane, Shape
from ..model.document import BpmnDocument
from ..model.semantic import (
    Association,
    CategoryValue,
    Collaboration,
    DataAssociation,
    DataInputAssociation,
    FlowContainer,
    Group,
    MessageFlow,
    Participant,
    Process,
    SequenceFlow,
    SubProcess,
    TextAnnotation,
)

Connection = SequenceFlow | MessageFlow | Association | DataAssociation


def owning_field(parent: XmlElement, record: XmlElement) -> str:
    """The name of ``parent``'s child field that holds ``record``.

    Raises
    ------
    LookupError
        When ``record`` is no child of ``parent``.
    """
    for name, many in parent.child_fields:
        value = getattr(parent, name)
        if (many and any(item is record for item in value)) or value is record:
            return name
    raise LookupError(f"{record!r} is no child of {parent!r}")


def container_of(document: BpmnDocument, record: XmlElement) -> FlowContainer | None:
    """The process or sub-process holding a flow element or artifact directly."""
    parent = document.parent_of(record)
    return parent if isinstance(parent, (Process, SubProcess)) else None


def process_of(document: BpmnDocument, record: XmlElement) -> Process | None:
    """The process a record belongs to, at any depth (a process is its own)."""
    current: XmlElement | None = record
    while current is not None and not isinstance(current, Process):
        current = document.parent_of(current)
    return current


def participant_of(document: BpmnDocument, process: Process) -> Participant | None:
    """The first participant (pool) whose process is ``process``."""
    for collaboration in document.collaborations:
        for participant in collaboration.participants:
            if document.resolve(participant.process_ref) is process:
                return participant
    return None


def pool_of(document: BpmnDocument, record: XmlElement) -> Participant | None:
    """The pool a record is drawn in: a participant itself, else its process's participant."""
    if isinstance(record, Participant):
        return record
    process = process_of(document, record)
    return participant_of(document, process) if process is not None else None


def process_of_pool(document: BpmnDocument, participant: Participant) -> Process | None:
    """The process a participant stands for, if it has one in this document."""
    process = document.resolve(participant.process_ref)
    return process if isinstance(process, Process) and process in document.processes else None


def resolve_container(document: BpmnDocument, container_id: str) -> FlowContainer | None:
    """A process or sub-process by id; a participant's id gives its process."""
    record = document.get(container_id)
    if isinstance(record, Participant):
        return process_of_pool(document, record)
    return record if isinstance(record, (Process, SubProcess)) else None


def collaboration_of(document: BpmnDocument, participant: Participant) -> Collaboration | None:
    parent = document.parent_of(participant)
    return parent if isinstance(parent, Collaboration) else None


def iter_connections(document: BpmnDocument) -> Iterator[Connection]:
    """Every sequence flow, message flow, association and data association of the document."""
    for root in document.definitions.root_elements:
        if isinstance(root, (Process, Collaboration)):
            for record in root.iter_tree():
                if isinstance(record, (SequenceFlow, MessageFlow, Association, DataAssociation)):
                    yield record


def ends_of(document: BpmnDocument, connection: Connection) -> tuple[str | None, str | None]:
    """The ids a connection is drawn between.

    A data association's activity end is the activity holding it: a data input
    association's ``targetRef`` names a data input inside the activity, not the activity.
    """
    if not isinstance(connection, DataAssociation):
        return plain_id(document, connection.source_ref), plain_id(document, connection.target_ref)
    holder = document.parent_of(connection)
    holder_id = holder.id if holder is not None else None
    if isinstance(connection, DataInputAssociation):
        return (connection.source_refs[0] if connection.source_refs else None), holder_id
    return holder_id, connection.target_ref


def connections_touching(document: BpmnDocument, ids: set[str]) -> list[Connection]:
    """The connections with an end in ``ids``."""
    return [c for c in iter_connections(document) if ids.intersection(ends_of(document, c))]


def plain_id(document: BpmnDocument, ref: str | None) -> str | None:
    """The id a reference names: ``bpmn2:Task_1`` (as some tools write) gives ``Task_1``."""
    if not ref or ":" not in ref:
        return ref
    record = document.resolve(ref)
    return record.id if record is not None and record.id else ref


def drawings_of(document: BpmnDocument, element_ids: set[str]) -> list[tuple[Plane, DiagramElement]]:
    """Every drawing of the given elements in every diagram, with the plane holding it."""
    found: list[tuple[Plane, DiagramElement]] = []
    for diagram in document.definitions.diagrams:
        if diagram.plane is not None:
            found.extend(
                (diagram.plane, item)
                for item in diagram.plane.elements
                if item.bpmn_element in element_ids or plain_id(document, item.bpmn_element) in element_ids
            )
    return found


def bounds_of(document: BpmnDocument, element_id: str | None) -> Bounds | None:
    """Where an element's shape is drawn (its first drawing), if it is."""
    shape = document.shape_of(element_id) if element_id else None
    return shape.bounds if shape is not None else None


def plane_of(document: BpmnDocument, diagram_index: int) -> Plane | None:
    """The plane of diagram ``diagram_index`` (clamped to the diagrams there are)."""
    diagrams = document.definitions.diagrams
    if not diagrams:
        return None
    return diagrams[max(0, min(diagram_index, len(diagrams) - 1))].plane


def shapes_in(plane: Plane) -> Iterator[Shape]:
    return (item for item in plane.elements if isinstance(item, Shape))


def plane_holding(document: BpmnDocument, element_id: str) -> Plane | None:
    """The plane of an element's first drawing."""
    for diagram in document.definitions.diagrams:
        if diagram.plane is not None and any(item.bpmn_element == element_id for item in diagram.plane.elements):
            return diagram.plane
    return None


def label_text(document: BpmnDocument, record: XmlElement) -> str | None:
    """The text a record's label shows and a rename changes; None when it has no label text.

    A text annotation shows its text, a group the value of its category value, anything
    else with a name its name.
    """
    if isinstance(record, TextAnnotation):
        return record.text or ""
    if isinstance(record, Group):
        value = document.resolve(record.category_value_ref)
        return (value.value if isinstance(value, CategoryValue) else None) or ""
    if hasattr(record, "name"):
        return getattr(record, "name", None) or ""
    return None
