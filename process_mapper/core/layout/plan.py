"""The layout graph: what auto-layout draws and what is connected (core layer, no Qt).

Plain records made by :mod:`.graph` from a document's semantics and read by the placement,
routing and DI-emission stages. One :class:`DiagramPlan` per diagram stacks
:class:`Band` s (pools, black-box pools, processes without a pool); each process and each
expanded sub-process is a :class:`ContainerGraph` of :class:`LayoutNode` s and the
:class:`Connection` s drawn inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

#: ``dot`` edge weights: the normal flow is kept straighter than exception flows.
NORMAL_FLOW_WEIGHT = 4
EXCEPTION_FLOW_WEIGHT = 1


class NodeKind(Enum):
    """What a node is drawn as; decides its size, its label and how edges attach."""

    ACTIVITY = "activity"
    EVENT = "event"
    GATEWAY = "gateway"
    DATA_OBJECT = "dataObject"
    DATA_STORE = "dataStore"
    ANNOTATION = "annotation"

    @property
    def has_external_label(self) -> bool:
        """True for kinds whose name is written below the shape rather than inside it."""
        return self not in (NodeKind.ACTIVITY, NodeKind.ANNOTATION)

    @property
    def is_artifact(self) -> bool:
        """True for kinds placed beside what they connect to rather than in the flow."""
        return self in (NodeKind.DATA_OBJECT, NodeKind.DATA_STORE, NodeKind.ANNOTATION)


class ConnectionKind(Enum):
    """The BPMN type behind a connection."""

    SEQUENCE_FLOW = "sequenceFlow"
    MESSAGE_FLOW = "messageFlow"
    ASSOCIATION = "association"
    DATA_ASSOCIATION = "dataAssociation"


@dataclass
class LayoutNode:
    """One shape to place among the nodes of a container.

    ``size`` is the standard size of the shape; an expanded sub-process is drawn as large
    as its content needs instead (see :mod:`.placement`).
    """

    element_id: str
    kind: NodeKind
    size: tuple[float, float]
    name: str | None = None
    #: Innermost lane listing the node (None outside lanes).
    lane: str | None = None
    #: Artifacts: the node of the same container they are drawn beside.
    anchor: str | None = None
    #: Event sub-processes are not part of the flow and go in a row below it.
    detached: bool = False
    boundary_events: list[LayoutNode] = field(default_factory=list)
    #: Content of an expanded sub-process.
    content: ContainerGraph | None = None


@dataclass(frozen=True)
class Connection:
    """One edge to draw: its element, kind and the elements it joins (as drawn)."""

    element_id: str
    kind: ConnectionKind
    source: str
    target: str
    name: str | None = None


@dataclass
class ContainerGraph:
    """The direct content of a process or sub-process."""

    element_id: str
    nodes: list[LayoutNode] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    #: Every element drawn in this container (nested ones too) -> the direct node holding it.
    owner: dict[str, str] = field(default_factory=dict)

    def ranking_edges(self) -> list[tuple[str, str, int]]:
        """Sequence flows as weighted edges between direct nodes, without repeats or self-loops.

        Flows leaving a node's boundary event (exception flows) weigh less than the normal
        flow, so that ``dot`` keeps the normal flow straight and bends the exceptions.
        """
        edges: dict[tuple[str, str], int] = {}
        for connection in self.connections:
            if connection.kind is ConnectionKind.SEQUENCE_FLOW:
                tail, head = self.owner.get(connection.source), self.owner.get(connection.target)
                if tail and head and tail != head:
                    weight = NORMAL_FLOW_WEIGHT if tail == connection.source else EXCEPTION_FLOW_WEIGHT
                    edges[(tail, head)] = max(weight, edges.get((tail, head), 0))
        return [(tail, head, weight) for (tail, head), weight in edges.items()]

    def walk(self) -> list[ContainerGraph]:
        """This container and every sub-process container inside it, parents first."""
        found = [self]
        for node in self.nodes:
            if node.content is not None:
                found.extend(node.content.walk())
        return found


@dataclass
class LaneBand:
    """A lane and its child lanes, drawn as nested horizontal bands."""

    element_id: str
    children: list[LaneBand] = field(default_factory=list)

    @property
    def depth(self) -> int:
        """Number of lane headers from this lane down to its deepest descendant."""
        return 1 + max((child.depth for child in self.children), default=0)


class BandKind(Enum):
    """How a band of the diagram is drawn."""

    POOL = "pool"  # a participant with its process
    COLLAPSED_POOL = "collapsedPool"  # a participant without a process (black box)
    PROCESS = "process"  # a process no participant refers to: no pool shape


@dataclass
class Band:
    """One horizontal band of a diagram, stacked below the previous one."""

    element_id: str
    kind: BandKind
    graph: ContainerGraph | None = None
    lanes: list[LaneBand] = field(default_factory=list)


@dataclass
class DiagramPlan:
    """What one diagram shows: its plane's element, its bands and the message flows."""

    plane_element: str
    bands: list[Band]
    message_flows: list[Connection] = field(default_factory=list)


__all__ = [
    "Band",
    "BandKind",
    "Connection",
    "ConnectionKind",
    "ContainerGraph",
    "DiagramPlan",
    "LaneBand",
    "LayoutNode",
    "NodeKind",
]
