"""Turn a :class:`~.spec.ProcessSpec` into a :class:`BpmnDocument` with full diagram interchange."""

from __future__ import annotations

import re
import unicodedata

from process_mapper.core.model import (
    BoundaryEvent,
    Bounds,
    BpmnDocument,
    Collaboration,
    ConditionExpression,
    Definitions,
    Diagram,
    Documentation,
    Edge,
    EndEvent,
    EventBasedGateway,
    ExclusiveGateway,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    Label,
    Lane,
    LaneSet,
    ManualTask,
    Message,
    MessageEventDefinition,
    MessageFlow,
    ParallelGateway,
    Participant,
    Plane,
    Point,
    Process,
    ReceiveTask,
    SendTask,
    SequenceFlow,
    ServiceTask,
    Shape,
    StartEvent,
    Task,
    TimeCycle,
    TimeDate,
    TimeDuration,
    TimerEventDefinition,
    UserTask,
)
from process_mapper.core.model.extensions import ProcessMetadata, set_metadata, set_property
from process_mapper.core.model.namespaces import DEFAULT_PREFIXES, PM, XSI

from .layout import Box, Layout
from .spec import Node, ProcessSpec

_CLASSES = {
    "start": StartEvent,
    "end": EndEvent,
    "catch": IntermediateCatchEvent,
    "throw": IntermediateThrowEvent,
    "boundary": BoundaryEvent,
    "userTask": UserTask,
    "manualTask": ManualTask,
    "serviceTask": ServiceTask,
    "sendTask": SendTask,
    "receiveTask": ReceiveTask,
    "task": Task,
    "xor": ExclusiveGateway,
    "and": ParallelGateway,
    "event": EventBasedGateway,
}
_XSI_TYPE = f"{{{XSI}}}type"
TARGET_NAMESPACE = "urn:process-mapper:sample-processes"


def flow_id(source: str, target: str) -> str:
    return f"F_{source}_{target}"


def message_flow_id(source: str, target: str) -> str:
    return f"MF_{source}_{target}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_")


def _bounds(box: Box) -> Bounds:
    return Bounds(x=float(box.x), y=float(box.y), width=float(box.w), height=float(box.h))


def _timer_definition(node: Node) -> TimerEventDefinition:
    timer = node.timer
    assert timer is not None, node.id
    definition = TimerEventDefinition(id=f"{node.id}_def")
    formal = {_XSI_TYPE: "bpmn:tFormalExpression"}
    if timer.duration:
        definition.time_duration = TimeDuration(body=timer.duration, extra_attributes=dict(formal))
    elif timer.cycle:
        definition.time_cycle = TimeCycle(body=timer.cycle, extra_attributes=dict(formal))
    else:
        definition.time_date = TimeDate(body=timer.date, extra_attributes=dict(formal))
    return definition


def build(spec: ProcessSpec) -> BpmnDocument:
    """The BPMN document of ``spec``: semantics, our extensions and diagram interchange."""
    return build_with_layout(spec)[0]


def build_with_layout(spec: ProcessSpec) -> tuple[BpmnDocument, Layout]:
    """:func:`build`, also returning the computed geometry (for previews and checks)."""
    layout = Layout(spec)
    nodes_by_id = {n.id: n for n in spec.nodes}

    # messages: one per distinct message-flow name
    messages: dict[str, Message] = {}
    message_of_flow: dict[str, str] = {}
    for m in spec.messages:
        mf_id = m.id or message_flow_id(m.source, m.target)
        if m.label:
            msg_id = f"Msg_{_slug(m.label)}"
            messages.setdefault(msg_id, Message(id=msg_id, name=m.label))
            message_of_flow[mf_id] = msg_id

    # flow nodes
    records: dict[str, object] = {}
    for node in spec.nodes:
        cls = _CLASSES[node.kind]
        record = cls(id=node.id, name=node.label or None)
        if node.doc:
            record.documentation.append(Documentation(text=node.doc))
        if node.trigger == "timer":
            record.event_definitions.append(_timer_definition(node))
        elif node.trigger == "message":
            definition = MessageEventDefinition(id=f"{node.id}_def")
            incoming = [m for m in spec.messages if m.target == node.id]
            outgoing = [m for m in spec.messages if m.source == node.id]
            for m in incoming or outgoing:
                ref = message_of_flow.get(m.id or message_flow_id(m.source, m.target))
                if ref:
                    definition.message_ref = ref
                    break
            record.event_definitions.append(definition)
        if node.kind in ("sendTask", "receiveTask"):
            linked = [m for m in spec.messages if (m.source if node.kind == "sendTask" else m.target) == node.id]
            if linked:
                first = linked[0]
                record.message_ref = message_of_flow.get(first.id or message_flow_id(first.source, first.target))
        if node.kind == "boundary":
            record.attached_to_ref = node.attached_to
            if not node.interrupting:
                record.cancel_activity = False
        for key in ("system", "medium", "deadline"):
            value = getattr(node, key)
            if value:
                set_property(record, key, value)
        records[node.id] = record

    # sequence flows
    flow_records: list[SequenceFlow] = []
    for f in spec.flows:
        fid = f.id or flow_id(f.source, f.target)
        record = SequenceFlow(id=fid, name=f.label or None, source_ref=f.source, target_ref=f.target)
        if f.condition:
            record.condition_expression = ConditionExpression(body=f.condition)
        flow_records.append(record)
        records[f.source].outgoing.append(fid)
        records[f.target].incoming.append(fid)
        if f.default:
            records[f.source].default = fid

    lanes = [
        Lane(
            id=lane.id, name=lane.name, flow_node_refs=[n.id for n in spec.nodes if _lane_of(n, nodes_by_id) == lane.id]
        )
        for lane in spec.lanes
    ]
    process = Process(
        id=spec.process_id,
        name=spec.metadata.title,
        is_executable=False,
        lane_sets=[LaneSet(id=f"LaneSet_{spec.process_id}", lanes=lanes)],
        flow_elements=[*(records[n.id] for n in spec.nodes), *flow_records],
    )
    if spec.documentation:
        process.documentation.append(Documentation(text=spec.documentation))

    participants = [Participant(id=spec.pool_id, name=spec.pool_name, process_ref=spec.process_id)]
    participants += [Participant(id=e.id, name=e.name) for e in spec.externals]
    message_flows = []
    for m in spec.messages:
        mf_id = m.id or message_flow_id(m.source, m.target)
        message_flows.append(
            MessageFlow(
                id=mf_id, name=m.label or None, source_ref=m.source, target_ref=m.target,
                message_ref=message_of_flow.get(mf_id),
            )
        )
    collaboration = Collaboration(
        id=f"Collaboration_{spec.process_id}", participants=participants, message_flows=message_flows
    )

    meta = spec.metadata
    data = ProcessMetadata(
        identifier=meta.identifier,
        title=meta.title,
        version=meta.version,
        valid_from=meta.valid_from,
        owner=meta.owner,
        category=meta.category,
        description=meta.description,
    )
    set_metadata(collaboration, data)
    set_metadata(process, data)

    plane = Plane(id=f"BPMNPlane_{spec.process_id}", bpmn_element=collaboration.id, elements=_drawing(spec, layout))
    definitions = Definitions(
        id=f"Definitions_{spec.process_id}",
        target_namespace=TARGET_NAMESPACE,
        exporter="Process Mapper sample generator",
        exporter_version="1.0",
        root_elements=[collaboration, process, *messages.values()],
        diagrams=[Diagram(id=f"BPMNDiagram_{spec.process_id}", name=meta.title, plane=plane)],
    )
    definitions.namespace_declarations = {**DEFAULT_PREFIXES, "xsi": XSI, "pm": PM}
    return BpmnDocument(definitions), layout


def _lane_of(node: Node, nodes: dict[str, Node]) -> str:
    if node.kind == "boundary":
        return nodes[node.attached_to].lane
    return node.lane


def _drawing(spec: ProcessSpec, layout: Layout) -> list:
    items: list = [
        Shape(id=f"{spec.pool_id}_di", bpmn_element=spec.pool_id, is_horizontal=True, bounds=_bounds(layout.pool))
    ]
    for lane in spec.lanes:
        items.append(
            Shape(id=f"{lane.id}_di", bpmn_element=lane.id, is_horizontal=True, bounds=_bounds(layout.lanes[lane.id]))
        )
    for node in spec.nodes:
        shape = Shape(id=f"{node.id}_di", bpmn_element=node.id, bounds=_bounds(layout.nodes[node.id]))
        if node.kind == "xor":
            shape.is_marker_visible = True
        if node.id in layout.node_labels:
            shape.label = Label(bounds=_bounds(layout.node_labels[node.id]))
        items.append(shape)
    for edge in layout.flows.values():
        items.append(_edge(edge))
    for external in spec.externals:
        bounds = _bounds(layout.bands[external.id])
        items.append(Shape(id=f"{external.id}_di", bpmn_element=external.id, is_horizontal=True, bounds=bounds))
    for edge in layout.messages.values():
        items.append(_edge(edge))
    return items


def _edge(edge) -> Edge:
    waypoints = [Point(x=float(x), y=float(y)) for x, y in edge.points]
    record = Edge(id=f"{edge.id}_di", bpmn_element=edge.id, waypoints=waypoints)
    if edge.label is not None:
        record.label = Label(bounds=_bounds(edge.label))
    return record
