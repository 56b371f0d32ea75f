"""Copying: a detached deep copy of elements, as a small BPMN document (core layer, no Qt).

A :class:`Clipboard` holds one process (the copied records) and one diagram (their
drawings), so the system clipboard can carry it as ordinary BPMN XML, within and across
documents; a copied group's label (the category value it refers to) comes along in a
category. :mod:`.paste` puts a fresh copy of it into a document.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from ...model.base import XmlElement
from ...model.di import Bounds, Diagram, DiagramElement, Plane, Shape
from ...model.document import BpmnDocument
from ...model.namespaces import DEFAULT_PREFIXES
from ...model.semantic import (
    Artifact,
    Association,
    BoundaryEvent,
    Category,
    CategoryValue,
    DataObject,
    DataObjectReference,
    Definitions,
    FlowElement,
    Group,
    Process,
    SequenceFlow,
)
from ...xmlio import read_bpmn_bytes, to_bytes
from ..behaviours.boundary_events import attached_to
from ..changes import element_ids
from ..edit import EditRefused
from ..lookup import iter_connections, plain_id, plane_holding
from ..names import element_name, reason

#: The MIME type the Qt layer puts clipboard bytes under.
MIME_TYPE = "application/x-process-mapper-bpmn"
_PROCESS_ID = "Process_clipboard"


@dataclass
class Clipboard:
    """Copied elements, detached from any document.

    Attributes
    ----------
    document
        A BPMN document with one process (the copied records) and one diagram (their drawings).
    """

    document: BpmnDocument

    @property
    def process(self) -> Process:
        return self.document.processes[0]

    @property
    def drawings(self) -> list[DiagramElement]:
        plane = self.document.definitions.diagrams[0].plane
        return list(plane.elements) if plane is not None else []

    def group_label(self, group: Group) -> str | None:
        """The label a copied group had: the value of the category value it refers to."""
        value = self.document.resolve(group.category_value_ref)
        return value.value if isinstance(value, CategoryValue) else None

    @property
    def bounds(self) -> Bounds | None:
        """The box around every copied shape (to place a paste under the mouse)."""
        boxes = [d.bounds for d in self.drawings if isinstance(d, Shape) and d.bounds is not None]
        if not boxes:
            return None
        x, y = min(b.x for b in boxes), min(b.y for b in boxes)
        return Bounds(x=x, y=y, width=max(b.right for b in boxes) - x, height=max(b.bottom for b in boxes) - y)

    def to_bytes(self) -> bytes:
        """The clipboard as BPMN XML, for the system clipboard."""
        return to_bytes(self.document)

    @classmethod
    def from_bytes(cls, data: bytes) -> Clipboard:
        """Read clipboard bytes back.

        Raises
        ------
        BpmnReadError
            When ``data`` is no BPMN document.
        ValueError
            When it is BPMN but not one process with one diagram.
        """
        document = read_bpmn_bytes(data, "the clipboard", resolve_imports=False)
        if len(document.processes) != 1 or len(document.diagrams) != 1:
            raise ValueError("the clipboard holds no copied elements")
        return cls(document)


def _copyable(record: XmlElement) -> bool:
    return isinstance(record, (FlowElement, Artifact)) and not isinstance(record, (SequenceFlow, Association))


def _chosen(document: BpmnDocument, ids: Iterable[str]) -> list[XmlElement]:
    """The records to copy, checked: known, copyable, boundary events with their activity."""
    chosen: list[XmlElement] = []
    for ident in dict.fromkeys(ids):
        record = document.get(ident)
        if record is None:
            raise EditRefused(reason("unknown", id=ident))
        if not _copyable(record):
            raise EditRefused(reason("not_copyable", type=element_name(record)))
        chosen.append(record)
    taken = _ids_in(chosen)
    if any(isinstance(r, BoundaryEvent) and plain_id(document, r.attached_to_ref) not in taken for r in chosen):
        raise EditRefused(reason("boundary_copy"))
    return chosen


def _ids_in(records: list[XmlElement]) -> set[str]:
    return set().union(*(element_ids(r) for r in records)) if records else set()


def _companions(document: BpmnDocument, chosen: list[XmlElement]) -> list[XmlElement]:
    """What comes along: boundary events of chosen activities, data objects of chosen references."""
    extra: list[XmlElement] = list(attached_to(document, _ids_in(chosen)))
    for reference in chosen:
        if isinstance(reference, DataObjectReference):
            data_object = document.get(reference.data_object_ref)
            if isinstance(data_object, DataObject):
                extra.append(data_object)
    return [r for r in extra if all(r is not c for c in chosen)]


def _outermost(document: BpmnDocument, records: list[XmlElement]) -> list[XmlElement]:
    """``records`` without those inside another one (a sub-process copies its content itself)."""
    inside = {id(node) for r in records for node in r.iter_tree() if node is not r}
    return [r for r in records if id(r) not in inside]


def _group_labels(document: BpmnDocument, process: Process) -> list[Category]:
    """A category holding copies of the category values the copied groups refer to (if any)."""
    values: dict[str, CategoryValue] = {}
    for group in (r for r in process.iter_tree() if isinstance(r, Group)):
        value = document.resolve(group.category_value_ref)
        if isinstance(value, CategoryValue) and value.id and group.category_value_ref:
            values.setdefault(group.category_value_ref, CategoryValue(id=value.id, value=value.value))
            group.category_value_ref = value.id
    return [Category(id="Category_clipboard", category_values=list(values.values()))] if values else []


def copy_elements(document: BpmnDocument, ids: Iterable[str]) -> Clipboard:
    """Copy the chosen flow nodes, data and annotations with what belongs to them.

    Boundary events of copied activities, data objects of copied references, and the
    sequence flows and associations between copied elements come along. Drawings are
    taken from the diagram the first chosen element is drawn in.

    Raises
    ------
    EditRefused
        For an unknown id or an element that cannot be copied (pools, lanes, flows, or
        boundary events without their activity).
    """
    chosen = _chosen(document, ids)
    records = _outermost(document, chosen + _companions(document, chosen))
    taken = _ids_in(records)
    inside = {id(node) for r in records for node in r.iter_tree()}
    connections = [
        c
        for c in iter_connections(document)
        if isinstance(c, (SequenceFlow, Association)) and id(c) not in inside and {c.source_ref, c.target_ref} <= taken
    ]
    process = Process(id=_PROCESS_ID)
    for record in [*records, *connections]:
        if isinstance(record, Artifact):
            process.artifacts.append(copy.deepcopy(record))
        elif isinstance(record, FlowElement):
            process.flow_elements.append(copy.deepcopy(record))
    drawn = _ids_in([*process.flow_elements, *process.artifacts])
    plane = plane_holding(document, chosen[0].id) if chosen and chosen[0].id else None
    drawings = [copy.deepcopy(d) for d in (plane.elements if plane is not None else []) if d.bpmn_element in drawn]
    diagram = Diagram(
        id="Diagram_clipboard", plane=Plane(id="Plane_clipboard", bpmn_element=_PROCESS_ID, elements=drawings)
    )
    definitions = Definitions(
        id="Definitions_clipboard",
        target_namespace="http://bpmn.io/schema/bpmn",
        root_elements=[process, *_group_labels(document, process)],
        diagrams=[diagram],
    )
    declarations: dict[str | None, str] = {prefix: uri for prefix, uri in DEFAULT_PREFIXES.items()}
    declarations.update(document.definitions.namespace_declarations)
    definitions.namespace_declarations = declarations
    return Clipboard(BpmnDocument(definitions))
