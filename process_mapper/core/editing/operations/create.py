"""Creating flow nodes, data, annotations and pools (core layer, no Qt)."""

from __future__ import annotations

from ...layout.geometry import POOL_HEADER
from ...model.base import XmlElement
from ...model.di import Bounds, Plane, Shape
from ...model.document import BpmnDocument
from ...model.semantic import (
    Artifact,
    Collaboration,
    DataObject,
    DataObjectReference,
    FlowNode,
    Participant,
    Process,
    TextAnnotation,
)
from ..behaviours import lane_membership
from ..context import EditContext, refuse_if
from ..edit import Edit
from ..geometry import XY, centred, external_label
from ..ids import drawing_id
from ..kinds import ShapeKind
from ..lookup import participant_of, resolve_container, shapes_in
from ..names import kind_name, say, tag_name
from ..rules import check_create, check_position
from ..triggers import new_event_definition

#: bpmn.io's size of a new pool, and the room it leaves around content it wraps.
POOL_SIZE = (600.0, 250.0)
POOL_PADDING = 20.0


def _new_record(context: EditContext, kind: ShapeKind, name: str | None, duration: str | None) -> XmlElement:
    ident = context.ids.new(kind.info.id_prefix)
    if kind.info.record_class is TextAnnotation:
        return TextAnnotation(id=ident, text=name or None)
    record = kind.info.record_class(id=ident, name=name or None)  # type: ignore[call-arg]
    if kind.trigger is not None:
        definition = new_event_definition(context.document.definitions, context.ids, kind.trigger, duration)
        record.event_definitions = [definition]  # type: ignore[attr-defined]
    return record


def new_shape(kind: ShapeKind, element_id: str, bounds: Bounds, name: str | None) -> Shape:
    """The drawing of a new element of ``kind``, with bpmn.io's flags and an external label."""
    shape = Shape(id=drawing_id(element_id), bpmn_element=element_id, bounds=bounds)
    if kind.tag == "subProcess":
        shape.is_expanded = kind.expanded
    if kind.tag == "exclusiveGateway":
        shape.is_marker_visible = True
    if kind.info.external_label:
        shape.label = external_label(bounds, name)
    return shape


def create_shape(
    context: EditContext, kind: ShapeKind, container_id: str, position: XY, name: str | None, duration: str | None
) -> Edit:
    """Build ``shape.create``: a new element of ``kind`` centred on ``position``.

    (1) the record, with a fresh id and, for events, its trigger; (2) a data object
    for a data object reference; (3) its drawing at bpmn.io's default size; (4) its
    lanes: those whose band contains ``position``.
    """
    document = context.document
    refuse_if(check_create(document, kind, container_id))
    refuse_if(check_position(document, container_id, position))
    container = resolve_container(document, container_id)
    assert container is not None
    plane = context.plane
    builder = context.builder()
    record = _new_record(context, kind, name, duration)
    assert record.id is not None
    if isinstance(record, DataObjectReference):
        data_object = DataObject(id=context.ids.new("DataObject"))
        record.data_object_ref = data_object.id
        builder.insert(container, "flow_elements", data_object)
    builder.insert(container, "artifacts" if isinstance(record, Artifact) else "flow_elements", record)
    builder.insert(plane, "elements", new_shape(kind, record.id, centred(position, kind.size), name))
    if isinstance(container, Process) and isinstance(record, FlowNode):
        lane_membership.assign(builder, container, record.id, position, lane_membership.drawn_band(document))
    return context.finish("shape.create", say("add", type=kind_name(kind)), builder)


def _wrapping_bounds(plane: Plane) -> Bounds | None:
    """A pool's bounds around everything drawn on ``plane``, at least :data:`POOL_SIZE`."""
    boxes = [shape.bounds for shape in shapes_in(plane) if shape.bounds is not None]
    if not boxes:
        return None
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    right, bottom = max(b.right for b in boxes), max(b.bottom for b in boxes)
    x, y = left - POOL_PADDING - POOL_HEADER, top - POOL_PADDING
    width = max(right + POOL_PADDING - x, POOL_SIZE[0])
    height = max(bottom + POOL_PADDING - y, POOL_SIZE[1])
    return Bounds(x=x, y=y, width=width, height=height)


def _process_to_adopt(document: BpmnDocument, plane: Plane) -> Process | None:
    """The process a process diagram shows, when it has no pool yet (the first pool takes it)."""
    shown = document.get(plane.bpmn_element)
    return shown if isinstance(shown, Process) and participant_of(document, shown) is None else None


def create_pool(context: EditContext, position: XY, name: str | None) -> Edit:
    """Build ``shape.create`` for a pool: a participant with its own process.

    The first pool of a process diagram makes the collaboration, takes over the process
    the diagram shows and wraps what is drawn, as in bpmn.io; later pools get a new
    process and bpmn.io's default size centred on ``position``.
    """
    document = context.document
    plane = context.plane
    builder = context.builder()
    adopted: Process | None = None
    collaboration = document.collaborations[0] if document.collaborations else None
    if collaboration is None:
        collaboration = Collaboration(id=context.ids.new("Collaboration"))
        builder.insert(document.definitions, "root_elements", collaboration, index=0)
        adopted = _process_to_adopt(document, plane)
        builder.set(plane, "bpmn_element", collaboration.id)
    process = adopted or Process(id=context.ids.new("Process"), is_executable=False)
    if adopted is None:
        builder.insert(document.definitions, "root_elements", process)
    participant = Participant(id=context.ids.new("Participant"), name=name or None, process_ref=process.id)
    builder.insert(collaboration, "participants", participant)
    bounds = (_wrapping_bounds(plane) if adopted is not None else None) or centred(position, POOL_SIZE)
    assert participant.id is not None
    shape = Shape(id=drawing_id(participant.id), bpmn_element=participant.id, is_horizontal=True, bounds=bounds)
    builder.insert(plane, "elements", shape, index=0)  # pools first: drawn below their content
    return context.finish("shape.create", say("add", type=tag_name("participant")), builder)
