"""A normalised process-graph view of a BPMN document (core layer, no Qt).

The diff engine, the practice-change derivation and the GUI do not want to walk the BPMN
tree with its many element types; they want *steps* (the flow nodes a reader of the
diagram sees) and how steps follow each other. :func:`build_graph` derives that view once:

- one :class:`Step` per flow node, in document order, with its kind, label, role (lane
  path and pool) and event definitions;
- the direct sequence-flow relations (:attr:`ProcessGraph.successors` and
  :attr:`ProcessGraph.predecessors`), where a boundary event counts as a successor of the
  activity it is attached to;
- the *behavioural* relations (:meth:`ProcessGraph.next_steps`,
  :meth:`ProcessGraph.previous_steps`), which look through connectors: unnamed gateways
  and unnamed intermediate events without an event definition only route the flow, so
  "A → (X) → B" makes B a next step of A;
- message flows: which steps or pools each step receives from and sends to;
- which steps each sub-process holds.

The view is read-only and holds plain strings, so it can be cached and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache

from ..model import BpmnDocument
from ..model.semantic import (
    BoundaryEvent,
    CallActivity,
    CatchEvent,
    Event,
    FlowNode,
    Gateway,
    LaneSet,
    Process,
    SequenceFlow,
    SubProcess,
    ThrowEvent,
)

__all__ = [
    "ACTIVITY_KINDS", "ProcessGraph", "Step", "StepKind", "build_graph", "clean_label", "is_placeholder", "local_ref",
]


class StepKind(str, Enum):
    """What a step is, coarser than its BPMN type (``userTask`` and ``task`` are both tasks)."""

    TASK = "task"
    SUBPROCESS = "subprocess"
    CALL = "call"
    EVENT = "event"
    GATEWAY = "gateway"


#: The kinds of step that are work someone does (tasks, sub-processes, call activities).
ACTIVITY_KINDS = frozenset({StepKind.TASK, StepKind.SUBPROCESS, StepKind.CALL})


@dataclass(frozen=True, slots=True)
class Step:
    """One flow node as the diff sees it.

    Attributes
    ----------
    id : str
        The flow node's id in its document.
    kind : StepKind
        Task, sub-process, call activity, event or gateway.
    bpmn_type : str
        The BPMN local name, e.g. ``userTask`` or ``intermediateCatchEvent``.
    label : str
        The name with runs of whitespace (line breaks too) folded to one space; ``""``
        when the node is unnamed.
    lanes : tuple of str
        Names of the lanes holding the node, outermost first (unnamed lanes left out).
    pool : str
        Name of the pool (participant) of the node's process, else the process name.
    event_definitions : tuple of str
        For events: the definition kinds such as ``("message",)`` or ``("timer",)``.
    documentation : str
        The texts of the node's ``documentation`` elements, joined by blank lines.
    container : str or None
        Id of the enclosing sub-process; None at process level.
    attached_to : str or None
        For a boundary event, the id of the activity it is attached to.
    """

    id: str
    kind: StepKind
    bpmn_type: str
    label: str = ""
    lanes: tuple[str, ...] = ()
    pool: str = ""
    event_definitions: tuple[str, ...] = ()
    documentation: str = ""
    container: str | None = None
    attached_to: str | None = None

    @property
    def role(self) -> str:
        """The innermost lane name, else the pool name: who performs the step."""
        return self.lanes[-1] if self.lanes else self.pool

    @property
    def is_catching(self) -> bool:
        """True for start, intermediate catch and boundary events (they wait for something)."""
        return self.bpmn_type in ("startEvent", "intermediateCatchEvent", "boundaryEvent")

    @property
    def is_connector(self) -> bool:
        """True when the step only routes the flow: an unnamed gateway, or an unnamed
        intermediate event without an event definition (a name that only repeats the shape's
        type, :func:`is_placeholder`, counts as none)."""
        if self.label and not is_placeholder(self.label):
            return False
        if self.kind is StepKind.GATEWAY:
            return True
        return self.kind is StepKind.EVENT and self.bpmn_type.startswith("intermediate") and not self.event_definitions


@dataclass(frozen=True)
class ProcessGraph:
    """Steps of a document and the relations between them.

    Attributes
    ----------
    steps : dict of str to Step
        Every flow node by id, in document order.
    successors, predecessors : dict of str to tuple of str
        Direct sequence-flow relations (boundary events follow their host activity).
    message_partners : dict of str to tuple of str
        Steps joined to a step by a message flow, in either direction.
    messages_in, messages_out : dict of str to tuple of str
        For each step that receives (sends) messages, the ids of the steps or pools
        at the other end of its incoming (outgoing) message flows.
    children : dict of str to tuple of str
        The steps directly inside each sub-process, by the sub-process id.
    """

    steps: dict[str, Step]
    successors: dict[str, tuple[str, ...]]
    predecessors: dict[str, tuple[str, ...]]
    message_partners: dict[str, tuple[str, ...]]
    messages_in: dict[str, tuple[str, ...]]
    messages_out: dict[str, tuple[str, ...]]
    children: dict[str, tuple[str, ...]]
    _behaviour: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps.values())

    def next_steps(self, step_id: str) -> tuple[str, ...]:
        """Steps reached from ``step_id`` by sequence flows, looking through connectors."""
        return self._through_connectors(step_id, forward=True)

    def previous_steps(self, step_id: str) -> tuple[str, ...]:
        """Steps from which ``step_id`` is reached, looking through connectors."""
        return self._through_connectors(step_id, forward=False)

    @cached_property
    def position(self) -> dict[str, int]:
        """Each step's place in document order (0 for the first)."""
        return {step_id: n for n, step_id in enumerate(self.steps)}

    @cached_property
    def _connectors(self) -> frozenset[str]:
        """The steps that only route the flow (:attr:`Step.is_connector`)."""
        return frozenset(step.id for step in self.steps.values() if step.is_connector)

    def _through_connectors(self, step_id: str, forward: bool) -> tuple[str, ...]:
        cached = self._behaviour.get((step_id, forward))
        if cached is not None:
            return cached
        relation = self.successors if forward else self.predecessors
        connectors, steps = self._connectors, self.steps
        direct = relation.get(step_id, ())
        if connectors.isdisjoint(direct):
            result = tuple(dict.fromkeys(s for s in direct if s != step_id and s in steps))
        else:
            found: dict[str, None] = {}
            seen = {step_id}
            stack = list(reversed(direct))
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                if current in connectors:
                    stack.extend(reversed(relation.get(current, ())))
                elif current in steps:
                    found[current] = None
            result = tuple(found)
        self._behaviour[(step_id, forward)] = result
        return result


def clean_label(name: str | None) -> str:
    """Fold runs of whitespace (line breaks included) to one space and strip the ends."""
    return " ".join(name.split()) if name else ""


#: Words of the names modelling tools give new shapes ("End Event_74", "Sequence Flow 2", "Untitled1").
_TYPE_WORDS = frozenset(
    "start end intermediate boundary event events throw catch catching throwing interrupting non none timer message "
    "signal error escalation compensation compensate conditional link cancel terminate multiple parallel task "
    "subprocess sub process activity call gateway exclusive inclusive complex eventbased based sequence flow "
    "default conditional untitled new element shape uppgift aktivitet händelse slut grind flöde".split())
_NAME_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@lru_cache(maxsize=4096)
def is_placeholder(label: str) -> bool:
    """Whether a name only repeats what the shape shows, as tools name new shapes.

    ``"End Event_74"``, ``"Timer Boundary Event 102"``, ``"Default Sequence Flow 2"``,
    ``"Untitled1"``, ``"BoundaryEvent"``: BPMN type words and numbers only. Such a name says
    nothing about the work, so two of them (or one and no name) do not make steps differ.
    ``""`` is no placeholder (it is no name).
    """
    parts = _NAME_PARTS.findall(label)
    return bool(parts) and all(p.isdigit() or p.casefold() in _TYPE_WORDS for p in parts) and not all(
        p.isdigit() for p in parts)


def local_ref(document: BpmnDocument, ref: str | None) -> str:
    """The id that a reference names in ``document``.

    QName-typed references (a message flow's ends, a participant's process) may carry a
    namespace prefix, as in ``bpmn2:Task_1``; the element's own id has none. A reference
    that names no element of ``document`` is returned as it is (``""`` for None).
    """
    if not ref or ":" not in ref or document.get(ref) is not None:
        return ref or ""
    found = document.resolve(ref)
    found_id = getattr(found, "id", None)
    return found_id if found_id and document.get(found_id) is found else ref


def _kind_of(node: FlowNode) -> StepKind:
    if isinstance(node, Gateway):
        return StepKind.GATEWAY
    if isinstance(node, Event):
        return StepKind.EVENT
    if isinstance(node, SubProcess):
        return StepKind.SUBPROCESS
    if isinstance(node, CallActivity):
        return StepKind.CALL
    return StepKind.TASK


def _event_definitions(node: FlowNode, document: BpmnDocument) -> tuple[str, ...]:
    if not isinstance(node, (CatchEvent, ThrowEvent)):
        return ()
    definitions = list(node.event_definitions)
    definitions += [found for ref in node.event_definition_refs if (found := document.resolve(ref)) is not None]
    return tuple(d.TAG.removesuffix("EventDefinition") for d in definitions)


def _lane_paths(lane_sets: Iterable[LaneSet], path: tuple[str, ...], out: dict[str, tuple[str, ...]]) -> None:
    """Record for every node id the names of the lanes holding it, outermost first."""
    for lane_set in lane_sets:
        for lane in lane_set.lanes:
            here = path + ((clean_label(lane.name),) if clean_label(lane.name) else ())
            for node_id in lane.flow_node_refs:
                out[node_id] = here  # nested lanes come later and win
            if lane.child_lane_set is not None:
                _lane_paths([lane.child_lane_set], here, out)


def _pool_names(document: BpmnDocument) -> dict[str, str]:
    """Participant name by process id (the process's own name where no participant names it)."""
    names = {p.id: clean_label(p.name) for p in document.processes if p.id}
    for collaboration in document.collaborations:
        for participant in collaboration.participants:
            if participant.process_ref and clean_label(participant.name):
                names[local_ref(document, participant.process_ref)] = clean_label(participant.name)
    return names


def _documentation(node: FlowNode) -> str:
    return "\n\n".join(d.text.strip() for d in node.documentation if d.text and d.text.strip())


def _walk(
    owner: Process | SubProcess, container: str | None
) -> Iterator[tuple[FlowNode | SequenceFlow, str | None, Process | SubProcess]]:
    """Yield flow nodes and sequence flows under ``owner`` with their enclosing sub-process."""
    for element in owner.flow_elements:
        if isinstance(element, (FlowNode, SequenceFlow)):
            yield element, container, owner
        if isinstance(element, SubProcess):
            yield from _walk(element, element.id)


def build_graph(document: BpmnDocument) -> ProcessGraph:
    """Derive the step view of every process in ``document``.

    Flow nodes without an id are left out (they cannot be referred to). Sequence flows
    whose ends are not both steps, and message flows that end on a pool rather than a
    step, add no relation.

    Parameters
    ----------
    document : BpmnDocument
        A document as read by :func:`process_mapper.core.xmlio.read_bpmn`.

    Returns
    -------
    ProcessGraph
        The steps in document order and their relations.
    """
    pools = _pool_names(document)
    steps: dict[str, Step] = {}
    flows: list[tuple[str, str]] = []
    for process in document.processes:
        lanes: dict[str, tuple[str, ...]] = {}
        _lane_paths(process.lane_sets, (), lanes)
        pool = pools.get(process.id or "", "")
        for element, container, owner in _walk(process, None):
            if isinstance(element, SequenceFlow):
                if element.source_ref and element.target_ref:
                    flows.append((element.source_ref, element.target_ref))
                continue
            if not element.id or element.id in steps:
                continue
            if isinstance(owner, SubProcess) and owner.lane_sets:
                _lane_paths(owner.lane_sets, lanes.get(owner.id or "", ()), lanes)
            attached = None
            if isinstance(element, BoundaryEvent):
                attached = local_ref(document, element.attached_to_ref) or None
            steps[element.id] = Step(
                id=element.id,
                kind=_kind_of(element),
                bpmn_type=element.TAG,
                label=clean_label(element.name),
                lanes=lanes.get(element.id, lanes.get(container or "", ())),
                pool=pool,
                event_definitions=_event_definitions(element, document),
                documentation=_documentation(element),
                container=container,
                attached_to=attached,
            )
            if attached:
                flows.append((attached, element.id))
    successors: dict[str, dict[str, None]] = {}
    predecessors: dict[str, dict[str, None]] = {}
    for source, target in flows:
        if source in steps and target in steps:
            successors.setdefault(source, {})[target] = None
            predecessors.setdefault(target, {})[source] = None
    partners: dict[str, dict[str, None]] = {}
    incoming: dict[str, dict[str, None]] = {}
    outgoing: dict[str, dict[str, None]] = {}
    for collaboration in document.collaborations:
        for message_flow in collaboration.message_flows:
            source, target = local_ref(document, message_flow.source_ref), local_ref(document, message_flow.target_ref)
            if not source or not target or source == target:
                continue
            if target in steps:
                incoming.setdefault(target, {})[source] = None
            if source in steps:
                outgoing.setdefault(source, {})[target] = None
            if source in steps and target in steps:
                partners.setdefault(source, {})[target] = None
                partners.setdefault(target, {})[source] = None
    children: dict[str, list[str]] = {}
    for step in steps.values():
        if step.container in steps:
            children.setdefault(step.container, []).append(step.id)
    return ProcessGraph(
        steps=steps,
        children={k: tuple(v) for k, v in children.items()},
        successors={k: tuple(v) for k, v in successors.items()},
        predecessors={k: tuple(v) for k, v in predecessors.items()},
        message_partners={k: tuple(v) for k, v in partners.items()},
        messages_in={k: tuple(v) for k, v in incoming.items()},
        messages_out={k: tuple(v) for k, v in outgoing.items()},
    )
