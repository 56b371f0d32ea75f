"""Turn one BPMN diagram of a document into shape, edge and label views (gui layer).

The importer is the only canvas module that reads the model: it joins each DI shape or
edge with its semantic record by id and reduces the pair to an
:class:`~.element_view.ShapeView` or :class:`~.element_view.EdgeView`. It decides
stacking (containers below their content) and where external labels go.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from lxml import etree
from PySide6.QtCore import QPointF, QRectF

from ...core.editing.lookup import connections_touching, plain_id
from ...core.model.base import XmlElement
from ...core.model.di import Diagram, Edge, Shape
from ...core.model.document import BpmnDocument
from ...core.model.semantic import (
    Activity,
    Association,
    BoundaryEvent,
    CallActivity,
    CancelEventDefinition,
    CatchEvent,
    CategoryValue,
    CompensateEventDefinition,
    ConditionalEventDefinition,
    DataObject,
    DataObjectReference,
    DataStore,
    DataStoreReference,
    ErrorEventDefinition,
    EscalationEventDefinition,
    EventBasedGateway,
    Group,
    LinkEventDefinition,
    MessageEventDefinition,
    MultiInstanceLoopCharacteristics,
    Participant,
    SequenceFlow,
    SignalEventDefinition,
    StandardLoopCharacteristics,
    StartEvent,
    SubProcess,
    TerminateEventDefinition,
    TextAnnotation,
    ThrowEvent,
    TimerEventDefinition,
)
from .element_view import EdgeView, LabelView, ShapeView
from .render.paths import polyline_midpoint

EVENT_KINDS: dict[type[XmlElement], str] = {
    MessageEventDefinition: "message",
    TimerEventDefinition: "timer",
    ErrorEventDefinition: "error",
    EscalationEventDefinition: "escalation",
    SignalEventDefinition: "signal",
    ConditionalEventDefinition: "conditional",
    LinkEventDefinition: "link",
    CompensateEventDefinition: "compensation",
    TerminateEventDefinition: "terminate",
    CancelEventDefinition: "cancel",
}
#: Kinds whose name is drawn below the shape (or at the DI label bounds), not inside.
EXTERNAL_LABEL_KINDS = frozenset(
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
        "boundaryEvent", "exclusiveGateway", "inclusiveGateway", "parallelGateway",
        "eventBasedGateway", "complexGateway", "dataObject", "dataObjectReference",
        "dataStoreReference", "dataInput", "dataOutput", "group",
    }
)
#: Width of a label box without DI label bounds, as bpmn.io lays them out.
DEFAULT_LABEL_WIDTH = 90.0
#: Stacking within one container level; each nesting level adds :data:`LEVEL_STEP`.
Z_PARTICIPANT, Z_LANE, Z_CONTAINER, Z_NODE, Z_EDGE, Z_BOUNDARY = 0.0, 1.0, 2.0, 3.0, 4.0, 5.0
LEVEL_STEP = 10.0
#: Above every nesting level: message flows, groups, then labels.
Z_MESSAGE_FLOW, Z_GROUP, Z_LABEL = 900.0, 910.0, 920.0


@dataclass
class DiagramContent:
    """Everything one diagram draws, in document order."""

    shapes: list[ShapeView] = field(default_factory=list)
    edges: list[EdgeView] = field(default_factory=list)
    labels: list[LabelView] = field(default_factory=list)


def import_diagram(
    document: BpmnDocument, diagram: Diagram | None = None, only: Collection[str] | None = None
) -> DiagramContent:
    """The views of ``diagram`` (default: the document's first diagram).

    Parameters
    ----------
    document
        The document the diagram belongs to.
    diagram
        One of ``document.diagrams``.
    only
        Import just these elements and what their change may redraw (see
        :func:`affected_ids`); None imports everything.

    Returns
    -------
    DiagramContent
        Empty when the document has no diagram.
    """
    if diagram is None:
        diagram = document.diagrams[0] if document.diagrams else None
    if diagram is None or diagram.plane is None:
        return DiagramContent()
    return _Importer(document, diagram).run(None if only is None else affected_ids(document, only))


def affected_ids(document: BpmnDocument, ids: Collection[str]) -> set[str]:
    """``ids`` with the elements whose drawing depends on them.

    The connections touching them (their ends, default-flow slash and condition diamond
    depend on the source) and the data references naming a data object or store among
    them (they show its name), and the groups showing a category value among them.
    """
    affected = set(ids)
    if any(isinstance(document.get(ident), CategoryValue) for ident in ids):
        affected.update(
            record.id
            for record in document.definitions.iter_tree()
            if isinstance(record, Group) and record.id and plain_id(document, record.category_value_ref) in ids
        )
    affected.update(connection.id for connection in connections_touching(document, affected) if connection.id)
    for record in document.iter_flow_elements():
        target = (
            record.data_object_ref
            if isinstance(record, DataObjectReference)
            else record.data_store_ref
            if isinstance(record, DataStoreReference)
            else None
        )
        if target in ids and record.id:
            affected.add(record.id)
    return affected


class _Importer:
    def __init__(self, document: BpmnDocument, diagram: Diagram) -> None:
        self.document = document
        self.drawn = {e.bpmn_element for e in diagram.plane.elements if e.bpmn_element} if diagram.plane else set()
        self.elements = list(diagram.plane.elements) if diagram.plane else []
        self._foreign: dict[str, etree._Element] | None = None
        #: :meth:`_level` of the records' containers, by ``id()`` of the container.
        self._levels: dict[int, int] = {}

    def run(self, only: set[str] | None) -> DiagramContent:
        content = DiagramContent()
        for drawing in self.elements:
            if only is not None and (drawing.bpmn_element or drawing.id) not in only:
                continue
            if isinstance(drawing, Shape) and drawing.bounds is not None:
                shape = self._shape(drawing)
                content.shapes.append(shape)
                label = self._shape_label(shape, drawing)
                if label is not None:
                    content.labels.append(label)
            elif isinstance(drawing, Edge):
                edge = self._edge(drawing)
                content.edges.append(edge)
                if edge.name:
                    content.labels.append(_edge_label(edge, drawing))
        return content

    # --- shapes -----------------------------------------------------------------------------

    def _shape(self, drawing: Shape) -> ShapeView:
        assert drawing.bounds is not None
        b = drawing.bounds
        record = self.document.get(drawing.bpmn_element)
        element_id = drawing.bpmn_element or drawing.id or ""
        bounds = QRectF(b.x, b.y, b.width, b.height)
        if record is None:
            node = self._foreign_node(drawing.bpmn_element)
            kind = etree.QName(node).localname if node is not None else ""
            name = node.get("name", "") if node is not None else ""
            collection = node is not None and node.get("isCollection") in ("true", "1")
            return ShapeView(element_id, kind, bounds, name, Z_NODE, collection=collection)
        values: dict[str, object] = {
            "element_id": element_id,
            "kind": record.type_name,
            "bounds": bounds,
            "name": self._name(record),
            "z": self._z(record),
            "horizontal": drawing.is_horizontal is not False,
            "expanded": self._expanded(record, drawing),
            "marker_visible": bool(drawing.is_marker_visible),
        }
        values.update(self._event_values(record))
        values.update(self._activity_values(record))
        if isinstance(record, (DataObject, DataObjectReference)):
            data = self.document.resolve(record.data_object_ref) if isinstance(record, DataObjectReference) else record
            values["collection"] = isinstance(data, DataObject) and bool(data.is_collection)
        if isinstance(record, EventBasedGateway):
            values["instantiate"] = bool(record.instantiate)
            values["parallel_instantiation"] = record.event_gateway_type == "Parallel"
        return ShapeView(**values)  # type: ignore[arg-type]

    def _name(self, record: XmlElement) -> str:
        if isinstance(record, TextAnnotation):
            return record.text or ""
        if isinstance(record, Group):
            value = self.document.resolve(record.category_value_ref)
            return getattr(value, "value", None) or ""
        name = getattr(record, "name", None)
        if not name and isinstance(record, (DataObjectReference, DataStoreReference)):
            ref = record.data_object_ref if isinstance(record, DataObjectReference) else record.data_store_ref
            target = self.document.resolve(ref)
            name = target.name if isinstance(target, (DataObject, DataStore)) else None
        return name or ""

    def _expanded(self, record: XmlElement, drawing: Shape) -> bool:
        if isinstance(record, Participant):
            return bool(record.process_ref) and drawing.is_expanded is not False
        if isinstance(record, CallActivity):
            return bool(drawing.is_expanded)
        if isinstance(record, SubProcess):
            if drawing.is_expanded is not None:
                return drawing.is_expanded
            # Older tools leave isExpanded out: a sub-process whose content is drawn is expanded.
            return any(child.id in self.drawn for child in record.flow_elements)
        return False

    def _event_values(self, record: XmlElement) -> dict[str, object]:
        if not isinstance(record, (CatchEvent, ThrowEvent)):
            return {}
        definitions = [*record.event_definitions, *map(self.document.resolve, record.event_definition_refs)]
        kinds = tuple(EVENT_KINDS[type(d)] for d in definitions if d is not None and type(d) in EVENT_KINDS)
        interrupting = True
        if isinstance(record, StartEvent):
            interrupting = record.is_interrupting is not False
        elif isinstance(record, BoundaryEvent):
            interrupting = record.cancel_activity is not False
        return {
            "event_kinds": kinds,
            "throwing": isinstance(record, ThrowEvent),
            "interrupting": interrupting,
            "parallel_multiple": isinstance(record, CatchEvent) and bool(record.parallel_multiple),
        }

    @staticmethod
    def _activity_values(record: XmlElement) -> dict[str, object]:
        if not isinstance(record, Activity):
            return {}
        loop = ""
        for characteristics in record.loop_characteristics:
            if isinstance(characteristics, StandardLoopCharacteristics):
                loop = "standard"
            elif isinstance(characteristics, MultiInstanceLoopCharacteristics):
                loop = "sequential" if characteristics.is_sequential else "parallel"
        return {
            "loop": loop,
            "for_compensation": bool(record.is_for_compensation),
            "triggered_by_event": isinstance(record, SubProcess) and bool(record.triggered_by_event),
        }

    def _z(self, record: XmlElement) -> float:
        if isinstance(record, Participant):
            return Z_PARTICIPANT
        if record.type_name == "lane":
            return Z_LANE
        if isinstance(record, Group):
            return Z_GROUP
        level = self._level(record) * LEVEL_STEP
        if isinstance(record, BoundaryEvent):
            return Z_BOUNDARY + level
        if isinstance(record, (SubProcess, CallActivity)):
            return Z_CONTAINER + level
        return Z_NODE + level

    def _level(self, record: XmlElement) -> int:
        """How many sub-processes contain ``record`` (each container's count worked out once)."""
        parent = self.document.parent_of(record)
        if parent is None:
            return 0
        level = self._levels.get(id(parent))
        if level is None:
            level = self._levels[id(parent)] = self._level(parent) + isinstance(parent, SubProcess)
        return level

    def _foreign_node(self, element_id: str | None) -> etree._Element | None:
        """The carried element (``dataInput`` of an ``ioSpecification``, ...) with this id."""
        if not element_id or element_id not in self.document.foreign_ids:
            return None
        if self._foreign is None:
            self._foreign = {}
            for record in self.document.definitions.iter_tree():
                for _, node in record.foreign:
                    if isinstance(node.tag, str):
                        self._foreign.update((n.get("id"), n) for n in node.iter() if n.get("id"))
        return self._foreign.get(element_id)

    @staticmethod
    def _shape_label(shape: ShapeView, drawing: Shape) -> LabelView | None:
        if shape.kind not in EXTERNAL_LABEL_KINDS or not shape.name.strip():
            return None
        if drawing.label is not None and drawing.label.bounds is not None:
            b = drawing.label.bounds
            return LabelView(shape.element_id, shape.name, QRectF(b.x, b.y, b.width, b.height))
        bounds = shape.bounds
        if shape.kind == "group":
            top = bounds.top() + 5
        else:
            top = bounds.bottom() + 5
        rect = QRectF(bounds.center().x() - DEFAULT_LABEL_WIDTH / 2, top, DEFAULT_LABEL_WIDTH, 0)
        return LabelView(shape.element_id, shape.name, rect)

    # --- edges ------------------------------------------------------------------------------

    def _edge(self, drawing: Edge) -> EdgeView:
        record = self.document.get(drawing.bpmn_element)
        points = tuple(QPointF(p.x, p.y) for p in drawing.waypoints)
        element_id = drawing.bpmn_element or drawing.id or ""
        if record is None:
            return EdgeView(element_id, "", points, z=Z_EDGE)
        values: dict[str, object] = {"name": getattr(record, "name", None) or ""}
        if isinstance(record, SequenceFlow):
            source = self.document.get(record.source_ref)
            values["default"] = record.id is not None and getattr(source, "default", None) == record.id
            values["conditional"] = record.condition_expression is not None and isinstance(source, Activity)
        elif isinstance(record, Association):
            values["direction"] = record.association_direction or "None"
        if record.type_name == "messageFlow":
            values["z"] = Z_MESSAGE_FLOW
            values["message_visible"] = drawing.message_visible_kind or ""
        else:
            values["z"] = Z_EDGE + self._level(record) * LEVEL_STEP
        return EdgeView(element_id, record.type_name, points, **values)  # type: ignore[arg-type]


def _edge_label(edge: EdgeView, drawing: Edge) -> LabelView:
    if drawing.label is not None and drawing.label.bounds is not None:
        b = drawing.label.bounds
        return LabelView(edge.element_id, edge.name, QRectF(b.x, b.y, b.width, b.height))
    middle = polyline_midpoint(edge.points)
    rect = QRectF(middle.x() - DEFAULT_LABEL_WIDTH / 2, middle.y() + 3, DEFAULT_LABEL_WIDTH, 0)
    return LabelView(edge.element_id, edge.name, rect)
