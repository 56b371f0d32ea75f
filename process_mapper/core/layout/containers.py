"""Build the layout graph of one process or sub-process (core layer, no Qt).

Each process and each sub-process with content becomes a :class:`ContainerGraph`: its
direct flow nodes and artifacts as :class:`LayoutNode` s, and the connections drawn
inside it. A sub-process with flow elements is always drawn expanded, its content a
container of its own; boundary events travel with their host; data objects and text
annotations are *anchored* to the node they connect to; groups are not placed.
"""

from __future__ import annotations

from ..model.document import BpmnDocument
from ..model.issues import Issue
from ..model.namespaces import BPMN, clark
from ..model.semantic import (
    Activity,
    Association,
    BoundaryEvent,
    CatchEvent,
    DataObject,
    DataObjectReference,
    DataStoreReference,
    Event,
    FlowNode,
    Gateway,
    Group,
    Process,
    SequenceFlow,
    SubProcess,
    TextAnnotation,
    ThrowEvent,
)
from .geometry import DATA_OBJECT_SIZE, DATA_STORE_SIZE, EVENT_SIZE, GATEWAY_SIZE, TASK_SIZE, annotation_size
from .plan import (
    Connection,
    ConnectionKind,
    ContainerGraph,
    LayoutNode,
    NodeKind,
)

_IO_SPECIFICATION = clark(BPMN, "ioSpecification")
_IO_DATA = (clark(BPMN, "dataInput"), clark(BPMN, "dataOutput"))


class ContainerBuilder:
    """Builds container graphs from a document's semantics, collecting warnings."""

    def __init__(self, document: BpmnDocument) -> None:
        self.document = document
        self.warnings: list[Issue] = []
        referenced = {r.data_object_ref for r in document.iter_flow_elements() if isinstance(r, DataObjectReference)}
        #: Data objects drawn through a reference are not drawn themselves.
        self._referenced_data_objects = referenced

    def _ref(self, ref: str | None) -> str:
        """The id ``ref`` names: QName references (``tns:Task_1``) become plain ids."""
        record = self.document.resolve(ref)
        return record.id if record is not None and record.id else ref or ""

    def _warn(self, code: str, message: str, element_id: str | None) -> None:
        self.warnings.append(Issue(code, message, element_id=element_id, source="layout"))

    def container(self, owner: Process | SubProcess) -> ContainerGraph:
        """The layout graph of the direct content of ``owner``."""
        graph = ContainerGraph(owner.id or "")
        nodes: dict[str, LayoutNode] = {}
        boundary: list[BoundaryEvent] = []
        for element in owner.flow_elements:
            if not element.id:
                continue
            if isinstance(element, BoundaryEvent):
                boundary.append(element)
            elif isinstance(element, FlowNode):
                nodes[element.id] = self._flow_node(element, graph)
                self._data_connections(element, graph)
            elif isinstance(element, DataObjectReference | DataStoreReference | DataObject):
                if not isinstance(element, DataObject) or element.id not in self._referenced_data_objects:
                    kind = NodeKind.DATA_STORE if isinstance(element, DataStoreReference) else NodeKind.DATA_OBJECT
                    size = DATA_STORE_SIZE if kind is NodeKind.DATA_STORE else DATA_OBJECT_SIZE
                    nodes[element.id] = LayoutNode(element.id, kind, size, element.name)
            elif isinstance(element, SequenceFlow) and element.source_ref and element.target_ref:
                source, target = self._ref(element.source_ref), self._ref(element.target_ref)
                graph.connections.append(
                    Connection(element.id, ConnectionKind.SEQUENCE_FLOW, source, target, element.name)
                )
        if isinstance(owner, Process):
            nodes.update(self._process_data(owner))
        for artifact in owner.artifacts:
            if isinstance(artifact, TextAnnotation) and artifact.id:
                nodes[artifact.id] = LayoutNode(artifact.id, NodeKind.ANNOTATION, annotation_size(artifact.text))
            elif isinstance(artifact, Association) and artifact.id and artifact.source_ref and artifact.target_ref:
                source, target = self._ref(artifact.source_ref), self._ref(artifact.target_ref)
                graph.connections.append(Connection(artifact.id, ConnectionKind.ASSOCIATION, source, target))
            elif isinstance(artifact, Group):
                self._warn_unplaced(artifact.id, "it is not linked to any flow element")
        graph.nodes = list(nodes.values())
        graph.owner.update({node_id: node_id for node_id in nodes})
        self._attach_boundary_events(boundary, nodes, graph)
        self._anchor_artifacts(graph)
        if isinstance(owner, SubProcess) and owner.lane_sets:
            self._warn("layout-lanes-ignored", f"the lanes inside sub-process '{owner.id}' are not drawn", owner.id)
        return graph

    @staticmethod
    def _process_data(process: Process) -> dict[str, LayoutNode]:
        """The data inputs and outputs of a process (its ``ioSpecification``), drawn like data objects.

        The model carries ``ioSpecification`` untyped, so they are read from the carried XML.
        """
        found: dict[str, LayoutNode] = {}
        for _, carried in process.foreign:
            if carried.tag == _IO_SPECIFICATION:
                for item in carried:
                    ident = item.get("id")
                    if item.tag in _IO_DATA and ident:
                        found[ident] = LayoutNode(ident, NodeKind.DATA_OBJECT, DATA_OBJECT_SIZE, item.get("name"))
        return found

    def _flow_node(self, element: FlowNode, graph: ContainerGraph) -> LayoutNode:
        assert element.id is not None
        if isinstance(element, Event):
            return LayoutNode(element.id, NodeKind.EVENT, EVENT_SIZE, element.name)
        if isinstance(element, Gateway):
            return LayoutNode(element.id, NodeKind.GATEWAY, GATEWAY_SIZE, element.name)
        node = LayoutNode(element.id, NodeKind.ACTIVITY, TASK_SIZE, element.name)
        if isinstance(element, SubProcess):
            node.detached = bool(element.triggered_by_event)
            if any(isinstance(inner, FlowNode) for inner in element.flow_elements):
                node.content = self.container(element)
                graph.owner.update({inner: element.id for inner in node.content.owner})
        return node

    def _data_connections(self, element: FlowNode, graph: ContainerGraph) -> None:
        """Data associations, drawn between the data object and the activity or event owning them."""
        assert element.id is not None
        kind = ConnectionKind.DATA_ASSOCIATION
        if isinstance(element, Activity | ThrowEvent):
            for into in element.data_input_associations:
                if into.id and into.source_refs:
                    graph.connections.append(Connection(into.id, kind, self._ref(into.source_refs[0]), element.id))
        if isinstance(element, Activity | CatchEvent):
            for out in element.data_output_associations:
                if out.id and out.target_ref:
                    graph.connections.append(Connection(out.id, kind, element.id, self._ref(out.target_ref)))

    def _attach_boundary_events(
        self, events: list[BoundaryEvent], nodes: dict[str, LayoutNode], graph: ContainerGraph
    ) -> None:
        for event in events:
            assert event.id is not None
            node = LayoutNode(event.id, NodeKind.EVENT, EVENT_SIZE, event.name)
            host = nodes.get(self._ref(event.attached_to_ref))
            if host is None or host.kind is not NodeKind.ACTIVITY:
                self._warn(
                    "layout-boundary-unattached",
                    f"boundary event '{event.id}' is not attached to an activity of its container; drawn on its own",
                    event.id,
                )
                graph.nodes.append(node)
                graph.owner[event.id] = event.id
                continue
            host.boundary_events.append(node)
            graph.owner[event.id] = host.element_id

    def _anchor_artifacts(self, graph: ContainerGraph) -> None:
        """Give each data object, data store and annotation the first node it connects to.

        Connections inside sub-processes count too: a data object of the process used by a
        task inside a sub-process is drawn beside that sub-process.
        """
        artifacts = {node.element_id: node for node in graph.nodes if node.kind.is_artifact}
        for connection in (c for container in graph.walk() for c in container.connections):
            for own, other in ((connection.source, connection.target), (connection.target, connection.source)):
                node = artifacts.get(own)
                if node is None or node.anchor is not None:
                    continue
                partner = graph.owner.get(other)
                flow = self.document.get(other) if partner is None else None
                if isinstance(flow, SequenceFlow):  # an artifact attached to a flow sits by its source
                    partner = graph.owner.get(self._ref(flow.source_ref))
                if partner and partner not in artifacts:
                    node.anchor = partner

    def _warn_unplaced(self, element_id: str | None, reason: str) -> None:
        element = self.document.get(element_id)
        kind = element.TAG if element is not None else "element"
        self._warn("layout-not-placed", f"{kind} '{element_id}' is not drawn: {reason}", element_id)


__all__ = ["ContainerBuilder"]
