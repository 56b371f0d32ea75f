"""Editing rules as pure predicates over the document (core layer, no Qt).

Each ``check_*`` function answers with a :class:`Refusal` (a reason in English and
Swedish) or with what is allowed; the ``can_*`` functions are the yes/no forms the
palette and the tools use for feedback. The editor runs the same checks before it
builds an edit and raises :class:`~.edit.EditRefused` with the refusal's reason.
Nothing here changes the model.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..model.base import XmlElement
from ..model.di import Bounds
from ..model.document import BpmnDocument
from ..model.namespaces import BPMN, split_clark
from ..model.semantic import (
    Activity,
    Artifact,
    Association,
    BoundaryEvent,
    CatchEvent,
    DataObjectReference,
    DataStoreReference,
    EndEvent,
    EventBasedGateway,
    FlowElement,
    FlowNode,
    Group,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    Lane,
    MessageFlow,
    Participant,
    ReceiveTask,
    SequenceFlow,
    StartEvent,
    SubProcess,
    TextAnnotation,
    ThrowEvent,
)
from .geometry import XY, contains_point
from .kinds import TYPES, ShapeKind, kind_of
from .lookup import bounds_of, container_of, participant_of, plain_id, pool_of, resolve_container
from .names import TRIGGER_NAMES, Sentence, element_name, kind_name, reason


class ConnectionKind(Enum):
    """What connecting two elements creates."""

    SEQUENCE_FLOW = "sequenceFlow"
    MESSAGE_FLOW = "messageFlow"
    ASSOCIATION = "association"


@dataclass(frozen=True)
class Refusal:
    """Why an operation is not allowed."""

    reason: Sentence


def _refuse(key: str, **values: Sentence | str | int) -> Refusal:
    return Refusal(reason(key, **values))


def _is_event_sub_process(record: XmlElement) -> bool:
    return isinstance(record, SubProcess) and bool(record.triggered_by_event)


# --- connecting ---------------------------------------------------------------------------


def _sequence_flow_refusal(document: BpmnDocument, source: FlowNode, target: FlowNode) -> Refusal | None:
    if isinstance(source, EndEvent):
        return _refuse("end_outgoing")
    if isinstance(target, StartEvent):
        return _refuse("start_incoming")
    if isinstance(target, BoundaryEvent):
        return _refuse("boundary_incoming")
    if _is_event_sub_process(source) or _is_event_sub_process(target):
        return _refuse("event_sub_process")
    if container_of(document, source) is not container_of(document, target):
        return _refuse("scope")
    if isinstance(source, EventBasedGateway) and not isinstance(target, (IntermediateCatchEvent, ReceiveTask)):
        return _refuse("event_based_target")
    return None


def _is_message_source(record: XmlElement) -> bool:
    return isinstance(record, (Participant, IntermediateThrowEvent, EndEvent)) or (
        isinstance(record, Activity) and not _is_event_sub_process(record)
    )


def _is_message_target(record: XmlElement) -> bool:
    return isinstance(record, (Participant, StartEvent, IntermediateCatchEvent, BoundaryEvent)) or (
        isinstance(record, Activity) and not _is_event_sub_process(record)
    )


def _message_flow_refusal(document: BpmnDocument, source: XmlElement, target: XmlElement) -> Refusal | None:
    source_pool, target_pool = pool_of(document, source), pool_of(document, target)
    if source_pool is None or target_pool is None or source_pool is target_pool:
        return _refuse("same_pool")
    if not _is_message_source(source):
        return _refuse("message_source", type=element_name(source))
    if not _is_message_target(target):
        return _refuse("message_target", type=element_name(target))
    return None


def _is_connectable(record: XmlElement) -> bool:
    return isinstance(record, (FlowNode, Participant, TextAnnotation, DataObjectReference, DataStoreReference))


def check_connect(document: BpmnDocument, source_id: str, target_id: str) -> ConnectionKind | Refusal:
    """What connecting ``source_id`` to ``target_id`` creates, or why it may not.

    - An association when either end is a text annotation (not both).
    - A message flow between different pools, from a sender (pool, activity, throwing
      event) to a receiver (pool, activity, catching, start or boundary event).
    - Otherwise a sequence flow, which stays inside one process or sub-process level,
      never enters a start or boundary event and never leaves an end event.
    """
    source, target = document.get(source_id), document.get(target_id)
    for ident, record in ((source_id, source), (target_id, target)):
        if record is None:
            return _refuse("unknown", id=ident)
        if not _is_connectable(record):
            return _refuse("not_connectable", type=element_name(record))
    assert source is not None and target is not None
    if source is target:
        return _refuse("self")
    annotations = isinstance(source, TextAnnotation) + isinstance(target, TextAnnotation)
    if annotations == 2:
        return _refuse("annotation_pair")
    if annotations == 1:
        return ConnectionKind.ASSOCIATION
    if isinstance(source, (DataObjectReference, DataStoreReference)) or isinstance(
        target, (DataObjectReference, DataStoreReference)
    ):
        return _refuse("data")
    if (
        isinstance(source, Participant)
        or isinstance(target, Participant)
        or pool_of(document, source) is not pool_of(document, target)
    ):
        refusal = _message_flow_refusal(document, source, target)
        return refusal or ConnectionKind.MESSAGE_FLOW
    assert isinstance(source, FlowNode) and isinstance(target, FlowNode)
    return _sequence_flow_refusal(document, source, target) or ConnectionKind.SEQUENCE_FLOW


def can_connect(document: BpmnDocument, source_id: str, target_id: str) -> ConnectionKind | None:
    """The connection kind ``source_id`` → ``target_id`` makes, or None when not allowed."""
    verdict = check_connect(document, source_id, target_id)
    return verdict if isinstance(verdict, ConnectionKind) else None


# --- creating -----------------------------------------------------------------------------


def check_trigger(kind: ShapeKind) -> Refusal | None:
    """Whether BPMN allows ``kind``'s event trigger (or lack of one) on its type."""
    triggers = kind.info.triggers
    if kind.trigger is None and triggers and None not in triggers:
        return _refuse("needs_trigger", type=kind_name(ShapeKind(kind.tag)))
    if kind.trigger is not None and kind.trigger not in triggers:
        return _refuse("trigger", type=kind_name(ShapeKind(kind.tag)), trigger=TRIGGER_NAMES[kind.trigger])
    return None


def check_create(document: BpmnDocument, kind: ShapeKind, process_id: str) -> Refusal | None:
    """Whether a ``kind`` may be created in the process or sub-process ``process_id``.

    A participant's id stands for its process.
    """
    if not document.definitions.diagrams:
        return _refuse("no_diagram")
    container = resolve_container(document, process_id)
    if container is None:
        return _refuse("no_container", id=process_id)
    if kind.tag == "boundaryEvent":
        return _refuse("not_placeable")
    refusal = check_trigger(kind)
    if refusal is not None:
        return refusal
    if (
        kind.tag == "startEvent"
        and kind.trigger
        and isinstance(container, SubProcess)
        and not container.triggered_by_event
    ):
        return _refuse("sub_process_start")
    return None


def can_create(document: BpmnDocument, kind: ShapeKind, process_id: str) -> bool:
    """True when a ``kind`` may be created in ``process_id`` (see :func:`check_create`)."""
    return check_create(document, kind, process_id) is None


def check_position(document: BpmnDocument, process_id: str, position: XY) -> Refusal | None:
    """Whether ``position`` lies in the pool or expanded sub-process drawn for ``process_id``."""
    container = resolve_container(document, process_id)
    if container is None:
        return _refuse("no_container", id=process_id)
    holder = container if isinstance(container, SubProcess) else participant_of(document, container)
    area = bounds_of(document, holder.id) if holder is not None else None
    if area is not None and not contains_point(area, position):
        return _refuse("outside")
    return None


# --- deleting, moving, resizing ------------------------------------------------------------


def check_delete(document: BpmnDocument, ids: Iterable[str]) -> Refusal | None:
    """Whether the elements may be deleted: flow elements, artifacts, pools and message flows."""
    for ident in ids:
        record = document.get(ident)
        if record is None:
            return _refuse("unknown", id=ident)
        if isinstance(record, Lane):
            return _refuse("lane_delete")
        if not isinstance(record, (FlowElement, Artifact, Participant, MessageFlow)):
            return _refuse("not_deletable", type=element_name(record))
    return None


def can_delete(document: BpmnDocument, ids: Iterable[str]) -> bool:
    """True when every element of ``ids`` may be deleted (see :func:`check_delete`)."""
    return check_delete(document, ids) is None


def check_move(document: BpmnDocument, ids: Iterable[str], delta: XY) -> Refusal | None:
    """Whether the shapes may move by ``delta``: each stays in its pool or sub-process.

    ``ids`` are all shapes that move, content carried along included (see
    :func:`~.behaviours.moving_along.carried_along`). Lanes are reordered, not moved; a
    boundary event moves with its activity.
    """
    moving = dict.fromkeys(ids)
    for ident in moving:
        record = document.get(ident)
        if record is None:
            return _refuse("unknown", id=ident)
        if isinstance(record, Lane):
            return _refuse("lane_move")
        if isinstance(record, BoundaryEvent) and plain_id(document, record.attached_to_ref) not in moving:
            return _refuse("boundary_move")
        if isinstance(record, (SequenceFlow, MessageFlow, Association)) or document.shape_of(ident) is None:
            return _refuse("not_movable", type=element_name(record))
        holder = _holder(document, record)
        area = bounds_of(document, holder.id) if holder is not None and holder.id not in moving else None
        bounds = bounds_of(document, ident)
        assert bounds is not None
        center = (bounds.x + bounds.width / 2 + delta[0], bounds.y + bounds.height / 2 + delta[1])
        if area is not None and not contains_point(area, center):
            return _refuse("outside")
    return None


def _holder(document: BpmnDocument, record: XmlElement) -> XmlElement | None:
    """The drawn container a shape must stay in: its sub-process or its pool."""
    container = container_of(document, record)
    if isinstance(container, SubProcess):
        return container
    return None if isinstance(record, Participant) else pool_of(document, record)


#: Smallest sizes, as bpmn.io's resize behaviour has them.
MINIMUM_SIZES: dict[type[XmlElement], tuple[float, float]] = {
    Participant: (300.0, 150.0),
    Lane: (300.0, 60.0),
    SubProcess: (140.0, 120.0),
    Activity: (50.0, 40.0),
    TextAnnotation: (50.0, 30.0),
    Group: (50.0, 50.0),
}


def minimum_size(record: XmlElement) -> tuple[float, float] | None:
    """The smallest size ``record`` may be resized to; None when it keeps its size."""
    return next((size for cls, size in MINIMUM_SIZES.items() if isinstance(record, cls)), None)


def check_resize(document: BpmnDocument, element_id: str, bounds: Bounds) -> Refusal | None:
    """Whether ``element_id`` may take ``bounds``: activities, pools, lanes, annotations, groups."""
    record = document.get(element_id)
    if record is None or document.shape_of(element_id) is None:
        return _refuse("unknown", id=element_id)
    smallest = minimum_size(record)
    if smallest is None:
        return _refuse("not_resizable", type=element_name(record))
    if bounds.width < smallest[0] or bounds.height < smallest[1]:
        return _refuse("too_small", type=element_name(record))
    return None


# --- changing type -------------------------------------------------------------------------

_FAMILIES = {
    "activity": {tag for tag, info in TYPES.items() if issubclass(info.record_class, Activity)},
    "gateway": {tag for tag in TYPES if tag.endswith("Gateway")},
    "event": {"startEvent", "intermediateCatchEvent", "intermediateThrowEvent", "endEvent"},
    "boundary": {"boundaryEvent"},
}


def _family(tag: str) -> str | None:
    return next((name for name, tags in _FAMILIES.items() if tag in tags), None)


def _flows(document: BpmnDocument, element_id: str) -> tuple[list[SequenceFlow], list[SequenceFlow], list[MessageFlow]]:
    """Sequence flows in and out of an element, and the message flows touching it."""
    incoming, outgoing, messages = [], [], []
    for record in document.iter_flow_elements():
        if isinstance(record, SequenceFlow):
            if record.target_ref == element_id:
                incoming.append(record)
            if record.source_ref == element_id:
                outgoing.append(record)
    for collaboration in document.collaborations:
        messages += [m for m in collaboration.message_flows if element_id in (m.source_ref, m.target_ref)]
    return incoming, outgoing, messages


#: Carried BPMN children only one side of events may hold: no data inputs on a catching
#: event, no data outputs on a throwing one.
_ONE_SIDED_DATA: dict[type[XmlElement], frozenset[str]] = {
    CatchEvent: frozenset({"dataInput", "inputSet"}),
    ThrowEvent: frozenset({"dataOutput", "outputSet"}),
}


def _carried_names(record: XmlElement) -> set[str]:
    """Local names of the BPMN elements a record carries untyped (``ioSpecification``, ``inputSet``)."""
    names = set()
    for _, node in record.foreign:
        if isinstance(node.tag, str):
            namespace, local = split_clark(node.tag)
            if namespace == BPMN:
                names.add(local)
    return names


def _loses_data(record: XmlElement, changed: XmlElement) -> bool:
    """True when the new type could not hold the record's data inputs, outputs or associations."""
    if any(isinstance(changed, family) and _carried_names(record) & names for family, names in _ONE_SIDED_DATA.items()):
        return True
    return any(
        getattr(record, name, None) and not hasattr(changed, name)
        for name in ("data_input_associations", "data_output_associations")
    )


def check_change_type(document: BpmnDocument, element_id: str, kind: ShapeKind) -> Refusal | None:
    """Whether ``element_id`` may become a ``kind``, keeping its id, flows and drawing.

    Activities change among activities, gateways among gateways, events among events
    (a boundary event stays one); the element's flows must suit the new type.
    """
    record = document.get(element_id)
    if record is None:
        return _refuse("unknown", id=element_id)
    current = kind_of(record, document.shape_of(element_id))
    if current is None or _family(current.tag) != _family(kind.tag):
        return _refuse("change_family", type=element_name(record), new=kind_name(kind))
    if current == kind:
        return _refuse("same_type", type=kind_name(kind))
    if isinstance(record, SubProcess) and (record.flow_elements or record.artifacts):
        return _refuse("has_content")
    refusal = check_trigger(kind)
    if refusal is not None:
        return refusal
    incoming, outgoing, messages = _flows(document, element_id)
    if kind.tag == "startEvent" and incoming:
        return _refuse("has_incoming")
    if kind.tag == "endEvent" and outgoing:
        return _refuse("has_outgoing")
    container = container_of(document, record)
    if (
        kind.tag == "startEvent"
        and kind.trigger
        and isinstance(container, SubProcess)
        and not container.triggered_by_event
    ):
        return _refuse("sub_process_start")
    changed = kind.info.record_class()
    if _loses_data(record, changed):
        return _refuse("carried_data", new=kind_name(kind))
    targets = [document.get(flow.target_ref) for flow in outgoing]
    if isinstance(changed, EventBasedGateway) and not all(
        isinstance(t, (IntermediateCatchEvent, ReceiveTask)) for t in targets
    ):
        return _refuse("event_based_target")
    sources = [document.get(flow.source_ref) for flow in incoming]
    if any(isinstance(s, EventBasedGateway) for s in sources) and not isinstance(
        changed, (IntermediateCatchEvent, ReceiveTask)
    ):
        return _refuse("event_based_target")
    for message in messages:
        if message.source_ref == element_id and not _is_message_source(changed):
            return _refuse("message_source", type=kind_name(kind))
        if message.target_ref == element_id and not _is_message_target(changed):
            return _refuse("message_target", type=kind_name(kind))
    return None


# --- process metadata ----------------------------------------------------------------------

#: The categories of the standard library: referral (remiss) and certificate (intyg) processes.
METADATA_CATEGORIES = ("referral", "certificate")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_iso_date(text: str) -> bool:
    """True for a calendar date written ``YYYY-MM-DD`` (``2026-02-30`` is not one)."""
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_metadata(field_name: str, text: str) -> Refusal | None:
    """Whether metadata field ``field_name`` may hold ``text`` ('' clears it).

    The valid-from date is an ISO date (``2026-03-01``); the category is one of
    :data:`METADATA_CATEGORIES`; other fields take any text.
    """
    if field_name == "valid_from" and text and not is_iso_date(text):
        return _refuse("date", text=text)
    if field_name == "category" and text and text not in METADATA_CATEGORIES:
        return _refuse("category", text=text)
    return None
