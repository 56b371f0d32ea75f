"""Pasting: a fresh copy of the clipboard with new ids and remapped references (core layer, no Qt).

Every pasted record gets a new id in bpmn.io's style (carried BPMN content such as an
``ioSpecification`` too), references between pasted records follow the new ids, and
references that would leave the pasted set are dropped, except those to elements the
target document has (a message, a signal). A pasted group gets a category value of its
own holding the copied group's label, so that renaming it leaves the original as it is.
Drawings move by the paste offset.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ...model.base import XmlElement
from ...model.di import DiagramElement, Edge, Shape
from ...model.document import BpmnDocument
from ...model.references import reference_fields
from ...model.semantic import (
    Artifact,
    Association,
    BoundaryEvent,
    DataAssociation,
    DataObjectReference,
    Definitions,
    FlowNode,
    Group,
    Process,
)
from ..behaviours import lane_membership
from ..changes import anchored_foreign, element_ids
from ..context import EditContext, refuse_if
from ..edit import Edit, EditRefused
from ..geometry import XY, translated
from ..ids import PREFIXES, IdFactory, drawing_id
from ..kinds import TYPES, kind_of
from ..lookup import resolve_container
from ..names import element_name, reason, say
from ..rules import check_create, check_position
from ..triggers import retarget_qname
from .clipboard import Clipboard
from .groups import new_category_value

#: References that only make sense between pasted records; others may point into the target.
_INTERNAL_REFERENCES = frozenset(
    {
        "incoming",
        "outgoing",
        "sourceRef",
        "targetRef",
        "default",
        "attachedToRef",
        "dataObjectRef",
        "bpmnElement",
        "sourceElement",
        "targetElement",
    }
)


def _prefix(record: XmlElement) -> str:
    info = TYPES.get(record.TAG)
    if info is not None and type(record) is info.record_class:
        return info.id_prefix
    return PREFIXES.get(record.TAG, type(record).__name__)


def _carried_elements(record: XmlElement) -> Iterator[etree._Element]:
    """The elements inside a record's carried content (an ``ioSpecification`` and its inputs, say)."""
    for _, node in record.foreign:
        if isinstance(node.tag, str):
            yield from node.iter(etree.Element)


def _new_ids(records: list[XmlElement], drawings: list[DiagramElement], ids: IdFactory) -> dict[str, str]:
    """Fresh ids for every pasted record and carried element; a drawing's id follows its element's."""
    mapping: dict[str, str] = {}
    for record in (node for r in records for node in r.iter_tree()):
        if record.id and record.id not in mapping:
            mapping[record.id] = ids.new(_prefix(record))
        for element in _carried_elements(record):
            ident, local = element.get("id"), etree.QName(element).localname
            if ident and ident not in mapping:
                mapping[ident] = ids.new(local[:1].upper() + local[1:])
    for drawing in drawings:
        element = mapping.get(drawing.bpmn_element or "")
        if drawing.id:
            mapping[drawing.id] = drawing_id(element) if element else ids.new(type(drawing).__name__)
        for node in drawing.iter_tree():
            if node is not drawing and node.id and node.id not in mapping:
                mapping[node.id] = ids.new(type(node).__name__)
    return mapping


def _remap_carried(record: XmlElement, mapping: dict[str, str]) -> None:
    """Rename carried elements and rewrite ids they mention (attribute values or whole texts)."""
    for element in _carried_elements(record):
        for name, value in element.attrib.items():
            if value in mapping:
                element.set(name, mapping[value])
        if element.text is not None and element.text.strip() in mapping:
            element.text = mapping[element.text.strip()]


def _kept(ref: str, xml_name: str, mapping: dict[str, str], target: BpmnDocument) -> str | None:
    """What a pasted reference becomes: the new id, itself (a message the target knows), or nothing."""
    if ref in mapping:
        return mapping[ref]
    return None if xml_name in _INTERNAL_REFERENCES or not target.exists(ref) else ref


def _remap(record: XmlElement, mapping: dict[str, str], target: BpmnDocument, source: Definitions) -> None:
    """Rename ``record`` and rewrite its references; drop those that would dangle."""
    if record.id in mapping:
        record.id = mapping[record.id]
    _remap_carried(record, mapping)
    for field_name, xml_name in reference_fields(type(record)):
        value = getattr(record, field_name)
        if isinstance(value, list):
            kept = [new for ref in value if (new := _kept(ref, xml_name, mapping, target)) is not None]
            _replace_field(record, field_name, kept)
        elif value is not None:
            _replace_field(record, field_name, _kept(value, xml_name, mapping, target))
    retarget_qname(record, source, target.definitions)


def _replace_field(record: XmlElement, field_name: str, value: Any) -> None:
    """Set a field of a detached copy, keeping its carried content where it was."""
    old = getattr(record, field_name)
    record.foreign = anchored_foreign(record, field_name, 0, _written(old), _written(value))
    setattr(record, field_name, value)


def _written(value: Any) -> int:
    return len(value) if isinstance(value, list) else int(value is not None)


def _prune_data_associations(records: list[XmlElement]) -> None:
    """Drop data associations whose target was not pasted (the schema requires one)."""
    for record in (node for r in records for node in r.iter_tree()):
        for field_name in ("data_input_associations", "data_output_associations"):
            associations: list[DataAssociation] | None = getattr(record, field_name, None)
            if associations:
                _replace_field(record, field_name, [a for a in associations if a.target_ref])


def _shift(drawing: DiagramElement, offset: XY) -> None:
    if isinstance(drawing, Shape) and drawing.bounds is not None:
        drawing.bounds = translated(drawing.bounds, offset)
    if isinstance(drawing, Edge):
        for point in drawing.waypoints:
            point.x, point.y = point.x + offset[0], point.y + offset[1]
    label = getattr(drawing, "label", None)
    if label is not None and label.bounds is not None:
        label.bounds = translated(label.bounds, offset)


def paste(context: EditContext, clipboard: Clipboard, container_id: str, offset: XY) -> Edit:
    """Build ``elements.paste``: a fresh copy of the clipboard in ``container_id``, moved by ``offset``.

    (1) copy and give fresh ids; (2) remap references; (3) move the drawings; (4) insert
    records and drawings, each group with a category value of its own; (5) put pasted
    nodes of a process into the lanes under them.
    """
    document = context.document
    container = resolve_container(document, container_id)
    if container is None:
        raise EditRefused(reason("no_container", id=container_id))
    plane = context.plane
    content: list[XmlElement] = copy.deepcopy([*clipboard.process.flow_elements, *clipboard.process.artifacts])
    drawings = copy.deepcopy(clipboard.drawings)
    for record in content:
        kind = kind_of(record)
        if kind is not None and kind.tag != "boundaryEvent":
            refuse_if(check_create(document, kind, container_id))
    labels = {id(g): clipboard.group_label(g) for r in content for g in r.iter_tree() if isinstance(g, Group)}
    mapping = _new_ids(content, drawings, context.ids)
    for record in (node for r in [*content, *drawings] for node in r.iter_tree()):
        _remap(record, mapping, document, clipboard.document.definitions)
    _prune_data_associations(content)
    present = set().union(*(element_ids(r) for r in content)) if content else set()
    drawings = [d for d in drawings if d.bpmn_element in present]
    for drawing in drawings:
        _shift(drawing, offset)
    centers = {
        d.bpmn_element: d.bounds.center for d in drawings if isinstance(d, Shape) and d.bounds and d.bpmn_element
    }
    placed = [
        (r, ident) for r in content if isinstance(r, FlowNode) and (ident := r.id) is not None and ident in centers
    ]
    for node, ident in placed:
        if not isinstance(node, BoundaryEvent):
            refuse_if(check_position(document, container_id, centers[ident]))
    builder = context.builder()
    for group in (g for r in content for g in r.iter_tree() if isinstance(g, Group)):
        label = labels[id(group)]
        _replace_field(group, "category_value_ref", new_category_value(context, builder, label).id if label else None)
    for record in content:
        builder.insert(container, "artifacts" if isinstance(record, Artifact) else "flow_elements", record)
    for drawing in drawings:
        builder.insert(plane, "elements", drawing)
    if isinstance(container, Process):
        band = lane_membership.drawn_band(document)
        for node, ident in placed:
            anchor = centers.get(lane_membership.anchor_id(node) or ident, centers[ident])
            lane_membership.assign(builder, container, ident, anchor, band)
    shown = [
        r
        for r in content
        if isinstance(r, (FlowNode, Artifact, DataObjectReference)) and not isinstance(r, Association)
    ]
    name = say("paste", type=element_name(shown[0])) if len(shown) == 1 else say("paste_many", count=len(shown))
    return context.finish("elements.paste", name, builder)
