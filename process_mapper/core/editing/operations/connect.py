"""Connecting two elements with the flow the rules choose (core layer, no Qt)."""

from __future__ import annotations

from ...model.base import XmlElement
from ...model.di import Edge
from ...model.semantic import Association, MessageFlow, SequenceFlow, TextAnnotation
from ..context import EditContext, refuse_if
from ..edit import Edit
from ..geometry import edge_label, route
from ..ids import drawing_id
from ..lookup import bounds_of, collaboration_of, container_of, pool_of
from ..names import say, tag_name
from ..rules import ConnectionKind, Refusal, check_connect


def connect(context: EditContext, source_id: str, target_id: str, name: str | None) -> Edit:
    """Build ``connection.create`` from ``source_id`` to ``target_id``.

    (1) the flow in its container: a sequence flow in the process or sub-process of its
    ends (which list it as ``outgoing``/``incoming``), a message flow in the
    collaboration, an association beside its text annotation; (2) its edge, routed
    orthogonally between the two shapes (straight for an association).
    """
    document = context.document
    verdict = check_connect(document, source_id, target_id)
    if isinstance(verdict, Refusal):
        refuse_if(verdict)
    assert isinstance(verdict, ConnectionKind)
    source, target = document.get(source_id), document.get(target_id)
    assert source is not None and target is not None
    builder = context.builder()
    connection: XmlElement
    if verdict is ConnectionKind.SEQUENCE_FLOW:
        connection = SequenceFlow(
            id=context.ids.new("Flow"), name=name or None, source_ref=source_id, target_ref=target_id
        )
        container = container_of(document, source)
        assert container is not None  # the rules saw both ends in one container
        builder.insert(container, "flow_elements", connection)
        builder.insert(source, "outgoing", connection.id)
        builder.insert(target, "incoming", connection.id)
    elif verdict is ConnectionKind.MESSAGE_FLOW:
        connection = MessageFlow(
            id=context.ids.new("Flow"), name=name or None, source_ref=source_id, target_ref=target_id
        )
        pool = pool_of(document, source)
        collaboration = collaboration_of(document, pool) if pool is not None else None
        assert collaboration is not None  # the rules saw the source in a pool
        builder.insert(collaboration, "message_flows", connection)
    else:
        connection = Association(id=context.ids.new("Association"), source_ref=source_id, target_ref=target_id)
        holder = document.parent_of(source if isinstance(source, TextAnnotation) else target)
        assert holder is not None
        builder.insert(holder, "artifacts", connection)
    source_box, target_box = bounds_of(document, source_id), bounds_of(document, target_id)
    if source_box is not None and target_box is not None:
        assert connection.id is not None
        points = route(
            source_box,
            target_box,
            orthogonal=verdict is not ConnectionKind.ASSOCIATION,
            vertical_first=verdict is ConnectionKind.MESSAGE_FLOW,
        )
        edge = Edge(
            id=drawing_id(connection.id), bpmn_element=connection.id, waypoints=points, label=edge_label(points, name)
        )
        builder.insert(context.plane, "elements", edge)
    return context.finish("connection.create", say("connect", type=tag_name(verdict.value)), builder)
