"""What the practice-change derivation needs to know about each step (core layer, no Qt).

:func:`collect_facts` reads a document once, next to its :class:`~.steps.ProcessGraph`,
and gathers for every step the facts that a process owner's practice depends on:

- **how the work is done**: the task type (a ``userTask`` is done in a system, a
  ``manualTask`` without one, a ``serviceTask`` by the system itself) and the ``system``,
  ``medium``, ``deadline`` and ``role`` properties of
  :func:`~process_mapper.core.model.extensions.step_properties`, or the same
  ``key: value`` convention in a text annotation associated with the step;
- **data**: the documents (data objects, and the named data inputs and outputs of the
  process) and data stores the step reads and writes;
- **time limits**: timer boundary events on the step, timer events that race the messages
  awaited after it (behind an event-based gateway), and the ``deadline`` property; and
  **waits**: a timer event in the flow (a weekly meeting, the end of the day) holds the
  step after it back, so it is a wait of that step. Such timer events are *deadline
  events*: they belong to the step they time (:attr:`DocumentFacts.timer_anchor`) and
  are not steps of their own for the diff;
- **messages**: the partner pools the step sends to and receives from, and what each
  message is (the flow's name and the name of the message it carries);
- **decisions**: the outgoing branches of a decision point (a gateway, or an activity with
  conditional outgoing flows): label, condition and the steps each branch leads to.

It also says which steps are *practice steps*, whose presence or absence is a change
(:attr:`DocumentFacts.practice_steps`): activities, named decision gateways, named end
events (an outcome the process can reach), and intermediate or boundary events that do
something (send or wait for a message or signal, raise an error) or mark a named
milestone. Start events and unnamed ends are not, nor ends and milestones whose name only
repeats the shape's type ("End Event_74": :func:`~.steps.is_placeholder`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..model import BpmnDocument
from ..model.base import XmlElement
from ..model.extensions import documented_properties, step_properties
from ..model.semantic import (
    Activity,
    Association,
    BaseElement,
    BoundaryEvent,
    CallActivity,
    CatchEvent,
    Collaboration,
    DataObject,
    DataObjectReference,
    DataStore,
    DataStoreReference,
    Documentation,
    FlowElement,
    FlowNode,
    LinkEventDefinition,
    Message,
    Process,
    SequenceFlow,
    SubProcess,
    TextAnnotation,
    ThrowEvent,
    TimerEventDefinition,
)
from .durations import Duration, parse_duration
from .steps import ACTIVITY_KINDS, ProcessGraph, Step, StepKind, clean_label, is_placeholder, local_ref

__all__ = ["Branch", "DataUse", "Deadline", "DocumentFacts", "MessageUse", "StepFacts", "collect_facts"]

#: How a task type says the work is done; types not listed say nothing.
WORK_BY_TYPE = {
    "userTask": "user",
    "manualTask": "manual",
    "serviceTask": "automatic",
    "scriptTask": "automatic",
    "businessRuleTask": "automatic",
}
#: Event definitions that make an event a practice step (it does something).
ACTIVE_DEFINITIONS = frozenset({"message", "signal", "error", "escalation", "conditional", "compensate", "cancel"})


@dataclass(frozen=True, slots=True)
class Deadline:
    """One time limit on a step.

    Attributes
    ----------
    source : str or None
        The id of the timer event stating it; None for the ``deadline`` property.
    text : str
        The limit as written (a timer's expression, else its label; the property value).
    duration : Duration or None
        The limit understood; None when the text states no duration (the timer still
        counts as a limit of unknown length).
    wait : bool
        True for a timer in the flow before the step: the step waits for it (is done
        at most that long later) rather than having to be done within it.
    """

    source: str | None
    text: str
    duration: Duration | None
    wait: bool = False


@dataclass(frozen=True, slots=True)
class DataUse:
    """A document or data store a step reads or writes.

    Attributes
    ----------
    element : str
        Id of the data object or data store reference (or of the process data input or output).
    name : str
        Its name (of the reference, else of the object or store it refers to).
    store : bool
        True for a data store, False for a document (data object).
    writes : bool
        True when the step writes it, False when the step reads it.
    """

    element: str
    name: str
    store: bool
    writes: bool


@dataclass(frozen=True, slots=True)
class MessageUse:
    """A message flow at a step: to (``sends``) or from a partner pool.

    ``names`` says what it carries: the flow's own name and the name of its message
    (either may be empty; tools fill in one or the other).
    """

    flow: str
    partner: str
    sends: bool
    names: tuple[str, str] = ("", "")


@dataclass(frozen=True, slots=True)
class Branch:
    """One outgoing sequence flow of a decision point.

    Attributes
    ----------
    flow : str
        The sequence flow's id.
    label : str
        The flow's name, whitespace folded; ``""`` for a placeholder such as "Sequence Flow_83".
    condition : str
        The text of its condition expression, whitespace folded.
    targets : tuple of str
        The steps the branch leads to, looking through connectors.
    """

    flow: str
    label: str
    condition: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class StepFacts:
    """The facts of one step (see the module docstring)."""

    work: str = ""
    properties: dict[str, str] = field(default_factory=dict)
    data: tuple[DataUse, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    messages: tuple[MessageUse, ...] = ()
    branches: tuple[Branch, ...] = ()


@dataclass(frozen=True)
class DocumentFacts:
    """Facts of every step of one document.

    Attributes
    ----------
    graph : ProcessGraph
        The step view the facts belong to.
    steps : dict of str to StepFacts
        Facts by step id (every step has an entry).
    timer_anchor : dict of str to str
        Deadline events: timer event id -> the step it times.
    practice_steps : frozenset of str
        Steps whose absence on one side is a missing or extra step.
    pool_messages : tuple of (str, str, str)
        Message flows between two pools (no step at either end): (flow id, sending
        pool name, receiving pool name).
    message_names : dict of str to (str, str)
        What each message flow carries, by flow id: its own name and the name of its message.
    splits : dict of str to tuple of str
        Steps after which the flow may go on along several branches at once (parallel,
        inclusive and complex gateways, activities with several outgoing flows): the
        first step of each branch.
    parallel : frozenset of str
        The splits among :attr:`splits` that always run every branch (parallel
        gateways, activities with several unconditional outgoing flows).
    exceptions : frozenset of str
        Boundary events (exception paths).
    event_subprocesses : frozenset of str
        Sub-processes started by an event rather than by the flow.
    depth : dict of str to int
        Fewest sequence flows from a start of the process to each step.
    links : dict of str to tuple of str
        Link throw events and the link catch events (same link name, same pool) the
        flow jumps to: a "go to" that behaves like a sequence flow.
    calls : dict of str to tuple of str
        Call activities that call a process of the same document, and the steps at the
        top level of that process: what runs when the call activity runs.
    """

    graph: ProcessGraph
    steps: dict[str, StepFacts]
    timer_anchor: dict[str, str]
    practice_steps: frozenset[str]
    pool_messages: tuple[tuple[str, str, str], ...]
    splits: dict[str, tuple[str, ...]]
    parallel: frozenset[str]
    exceptions: frozenset[str]
    event_subprocesses: frozenset[str]
    depth: dict[str, int]
    links: dict[str, tuple[str, ...]]
    calls: dict[str, tuple[str, ...]]
    message_names: dict[str, tuple[str, str]] = field(default_factory=dict)


def _with_state(name: str, nodes: Iterable[Any]) -> str:
    """``name`` with the state of a ``dataState`` among ``nodes`` in brackets, as diagrams show
    it ("Advertisement [Approved]"), unless the name already says it."""
    for node in nodes:
        if isinstance(node.tag, str) and etree.QName(node).localname == "dataState":
            state = clean_label(node.get("name"))
            if name and state and f"[{state.casefold()}]" not in name.casefold():
                return f"{name} [{state}]"
    return name


def _element_name(document: BpmnDocument, element: XmlElement | None) -> str:
    if isinstance(element, DataObjectReference):
        own = _with_state(clean_label(element.name), (node for _, node in element.foreign))
        return own or _element_name(document, document.get(element.data_object_ref))
    if isinstance(element, DataStoreReference):
        own = clean_label(element.name)
        return own or _element_name(document, document.get(element.data_store_ref))
    if isinstance(element, (DataObject, DataStore)):
        return clean_label(element.name)
    return ""


def _process_data(document: BpmnDocument) -> dict[str, str]:
    """Names of the named data inputs and outputs of the processes (their ``ioSpecification``), by id.

    A process's input (a document it receives) is drawn as a data input shape and read by
    its steps through data associations, as a data object would be.
    """
    named: dict[str, str] = {}
    for process in document.processes:
        for _, node in process.foreign:
            if isinstance(node.tag, str) and etree.QName(node).localname == "ioSpecification":
                for child in node:
                    if isinstance(child.tag, str) and etree.QName(child).localname in ("dataInput", "dataOutput") \
                            and child.get("id") and clean_label(child.get("name")):
                        named[child.get("id")] = _with_state(clean_label(child.get("name")), child)
    return named


def _data_uses(document: BpmnDocument, element: XmlElement, process_data: dict[str, str]) -> tuple[DataUse, ...]:
    inputs = getattr(element, "data_input_associations", [])
    outputs = getattr(element, "data_output_associations", [])
    uses: dict[tuple[str, bool], DataUse] = {}
    for writes, associations in ((False, inputs), (True, outputs)):
        for association in associations:
            refs = [association.target_ref] if writes else list(association.source_refs)
            for ref in refs:
                found = document.get(ref)
                if isinstance(found, (DataObjectReference, DataObject, DataStoreReference, DataStore)) and ref:
                    store = isinstance(found, (DataStoreReference, DataStore))
                    uses[(ref, writes)] = DataUse(ref, _element_name(document, found), store, writes)
                elif ref in process_data:
                    uses[(ref, writes)] = DataUse(ref, process_data[ref], False, writes)
    return tuple(uses.values())


def _timer_text(document: BpmnDocument, element: XmlElement, label: str) -> tuple[str, Duration | None]:
    """The expression of an event's timer (duration, cycle or date) and what it means."""
    definitions = list(getattr(element, "event_definitions", []))
    definitions += [document.resolve(ref) for ref in getattr(element, "event_definition_refs", [])]
    for definition in definitions:
        if isinstance(definition, TimerEventDefinition):
            for expression in (definition.time_duration, definition.time_cycle, definition.time_date):
                body = clean_label(expression.body) if expression is not None else ""
                if body:
                    return body, parse_duration(body) or parse_duration(label)
    return label, parse_duration(label)


def _flows(document: BpmnDocument) -> dict[str, list[SequenceFlow]]:
    by_source: dict[str, list[SequenceFlow]] = {}
    for element in document.iter_flow_elements():
        if isinstance(element, SequenceFlow) and element.source_ref and element.target_ref:
            by_source.setdefault(element.source_ref, []).append(element)
    return by_source


def _annotations(document: BpmnDocument) -> dict[str, dict[str, str]]:
    """``key: value`` properties written in text annotations, by the id of the associated step."""
    owners: list[Process | Collaboration | SubProcess] = [*document.processes, *document.collaborations]
    owners += [e for e in document.iter_flow_elements() if isinstance(e, SubProcess)]
    artifacts = [artifact for owner in owners for artifact in owner.artifacts]
    texts = {a.id: a.text or "" for a in artifacts if isinstance(a, TextAnnotation) and a.id}
    found: dict[str, dict[str, str]] = {}
    for association in artifacts:
        if not isinstance(association, Association):
            continue
        for step_id, other in ((association.source_ref, association.target_ref),
                               (association.target_ref, association.source_ref)):
            if step_id and other in texts:
                note = BaseElement(documentation=[Documentation(text=texts[other])])
                found.setdefault(step_id, {}).update(documented_properties(note))
    return found


def _depths(graph: ProcessGraph) -> dict[str, int]:
    depth = {s.id: 0 for s in graph if not graph.predecessors.get(s.id)}
    queue = deque(depth)
    while queue:
        current = queue.popleft()
        for following in graph.successors.get(current, ()):
            if following not in depth:
                depth[following] = depth[current] + 1
                queue.append(following)
    return depth


def is_wait(graph: ProcessGraph, timer: Step) -> bool:
    """Whether a timer event holds the flow back: caught in the flow, not racing messages.

    A timer behind an event-based gateway (or on a boundary) limits how long the step
    before it may take; one that the flow simply passes through makes the step after it
    wait (a weekly review, signing at the end of the day).
    """
    if timer.bpmn_type != "intermediateCatchEvent":
        return False
    return not any(graph.steps[p].bpmn_type == "eventBasedGateway" for p in graph.predecessors.get(timer.id, ()))


def _anchor(graph: ProcessGraph, timer: Step, depth: dict[str, int]) -> tuple[str | None, bool]:
    """The step a timer event times and whether it is a wait of that step.

    A boundary timer times its host; a wait (:func:`is_wait`) the nearest step after
    it; any other timer, and a wait that only leads to an end, the nearest step before
    it. Steps are looked for through gateways.
    """
    if timer.attached_to:
        return (timer.attached_to if timer.attached_to in graph.steps else None), False
    order = graph.position
    if is_wait(graph, timer):
        following = [s for s in _nearest(graph, timer.id, graph.successors) if graph.steps[s].bpmn_type != "endEvent"]
        if following:
            return min(following, key=lambda s: (depth.get(s, len(order)), order[s])), True
    candidates = _nearest(graph, timer.id, graph.predecessors)
    return min(candidates, key=lambda s: (depth.get(s, len(order)), order[s]), default=None), False


def _nearest(graph: ProcessGraph, step_id: str, relation: dict[str, tuple[str, ...]]) -> list[str]:
    """The steps other than gateways next to ``step_id`` along ``relation``, looking through gateways."""
    found: list[str] = []
    seen = {step_id}
    stack = list(relation.get(step_id, ()))
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if graph.steps[current].kind is StepKind.GATEWAY:
            stack.extend(relation.get(current, ()))
        else:
            found.append(current)
    return found


def _is_practice(step: Step, outgoing: int) -> bool:
    if step.kind in ACTIVITY_KINDS:
        return True
    named = bool(step.label) and not is_placeholder(step.label)
    if step.kind is StepKind.GATEWAY:
        return named and outgoing > 1
    if step.bpmn_type == "startEvent":
        return False
    active = bool(ACTIVE_DEFINITIONS.intersection(step.event_definitions))
    if step.bpmn_type == "endEvent":
        return "message" in step.event_definitions or named
    return active or (named and not step.event_definitions)


def _branches(graph: ProcessGraph, flows: list[SequenceFlow]) -> tuple[Branch, ...]:
    result = []
    for flow in flows:
        target = graph.steps.get(flow.target_ref or "")
        if target is None or flow.id is None:
            continue
        targets = graph.next_steps(target.id) if target.is_connector else (target.id,)
        condition = clean_label(flow.condition_expression.body) if flow.condition_expression else ""
        label = clean_label(flow.name)
        result.append(Branch(flow.id, "" if is_placeholder(label) else label, condition, targets))
    return tuple(result)


def _messages(
    document: BpmnDocument, graph: ProcessGraph
) -> tuple[dict[str, list[MessageUse]], list[tuple[str, str, str]], dict[str, tuple[str, str]]]:
    participants = {p.id: clean_label(p.name) for c in document.collaborations for p in c.participants if p.id}

    def pool_of(ref: str) -> str:
        step = graph.steps.get(ref)
        return step.pool if step is not None else participants.get(ref, "")

    per_step: dict[str, list[MessageUse]] = {}
    between_pools: list[tuple[str, str, str]] = []
    names: dict[str, tuple[str, str]] = {}
    for collaboration in document.collaborations:
        for flow in collaboration.message_flows:
            source, target = local_ref(document, flow.source_ref), local_ref(document, flow.target_ref)
            if not flow.id or not source or not target:
                continue
            message = document.get(flow.message_ref)
            carried = clean_label(message.name) if isinstance(message, Message) else ""
            name = names[flow.id] = (clean_label(flow.name), carried)
            if source in graph.steps:
                per_step.setdefault(source, []).append(MessageUse(flow.id, pool_of(target), True, name))
            if target in graph.steps:
                per_step.setdefault(target, []).append(MessageUse(flow.id, pool_of(source), False, name))
            if source not in graph.steps and target not in graph.steps:
                between_pools.append((flow.id, pool_of(source), pool_of(target)))
    return per_step, between_pools, names


def _links(graph: ProcessGraph, records: dict[Step, FlowElement]) -> dict[str, tuple[str, ...]]:
    """Link throw events -> the link catch events of the same name in the same pool.

    A throw event whose name names no catch event of its pool goes to the pool's only
    link catch event, if it has just one: a link must lead somewhere, and tools that leave
    the link definition unnamed let the two events' labels differ.
    """
    named: dict[tuple[bool, str, str], list[str]] = {}
    for step in graph:
        if "link" not in step.event_definitions:
            continue
        definitions = getattr(records.get(step), "event_definitions", [])
        name = next((d.name for d in definitions if isinstance(d, LinkEventDefinition) and d.name), step.label)
        named.setdefault((step.is_catching, step.pool, clean_label(name).casefold()), []).append(step.id)
    catches_by_pool: dict[str, list[str]] = {}
    for (catching, pool, _), ids in named.items():
        if catching:
            catches_by_pool.setdefault(pool, []).extend(ids)
    return {
        throw: _link_targets(named.get((True, pool, name), []), catches_by_pool.get(pool, []))
        for (catching, pool, name), throws in named.items() if not catching
        for throw in throws
    }


def _link_targets(same_name: list[str], in_pool: list[str]) -> tuple[str, ...]:
    """The catch events a link throw leads to: those of its name, else its pool's only one."""
    if same_name:
        return tuple(same_name)
    return tuple(in_pool) if len(in_pool) == 1 else ()


def _calls(document: BpmnDocument, graph: ProcessGraph, records: dict[Step, FlowElement]) -> dict[str, tuple[str, ...]]:
    """Call activities -> the top-level steps of the process they call (when it is in ``document``)."""
    calls = {}
    for step, record in records.items():
        if isinstance(record, CallActivity):
            called = document.get(local_ref(document, record.called_element))
            if isinstance(called, Process):
                calls[step.id] = tuple(
                    e.id for e in called.flow_elements if isinstance(e, FlowNode) and e.id in graph.steps
                )
    return calls


def _records(document: BpmnDocument, graph: ProcessGraph) -> Iterator[tuple[Step, FlowElement]]:
    for step in graph:
        record = document.get(step.id)
        if isinstance(record, FlowElement):
            yield step, record


def collect_facts(document: BpmnDocument, graph: ProcessGraph) -> DocumentFacts:
    """Read the facts of every step of ``document``.

    Parameters
    ----------
    document : BpmnDocument
        The model.
    graph : ProcessGraph
        Its step view, from :func:`~.steps.build_graph`.

    Returns
    -------
    DocumentFacts
        Facts per step, deadline events and their steps, practice steps, and the
        structure the behavioural comparison needs.
    """
    flows = _flows(document)
    notes = _annotations(document)
    process_data = _process_data(document)
    depth = _depths(graph)
    messages, between_pools, message_names = _messages(document, graph)
    anchors: dict[str, str] = {}
    waits: set[str] = set()
    for step in graph:
        if step.bpmn_type in ("boundaryEvent", "intermediateCatchEvent") and "timer" in step.event_definitions:
            anchor, wait = _anchor(graph, step, depth)
            if anchor is not None:
                anchors[step.id] = anchor
                if wait:
                    waits.add(step.id)
    timers_of: dict[str, list[str]] = {}
    for timer, anchor in anchors.items():
        timers_of.setdefault(anchor, []).append(timer)
    facts: dict[str, StepFacts] = {}
    splits: dict[str, tuple[str, ...]] = {}
    exceptions: set[str] = set()
    event_subprocesses: set[str] = set()
    practice: set[str] = set()
    parallel: set[str] = set()
    records = dict(_records(document, graph))
    for step in graph:
        record = records.get(step)
        outgoing = flows.get(step.id, [])
        properties = {**notes.get(step.id, {}), **(step_properties(record) if record is not None else {})}
        deadlines = []
        for timer in timers_of.get(step.id, []):
            text, duration = _timer_text(document, records.get(graph.steps[timer]) or BaseElement(),
                                         graph.steps[timer].label)
            deadlines.append(Deadline(timer, text, duration, timer in waits))
        if properties.get("deadline"):
            deadlines.append(Deadline(None, properties["deadline"], parse_duration(properties["deadline"])))
        branches: tuple[Branch, ...] = ()
        conditional = any(f.condition_expression is not None for f in outgoing)
        if len(outgoing) > 1 and (step.kind is StepKind.GATEWAY or conditional):
            branches = _branches(graph, outgoing)
        facts[step.id] = StepFacts(
            work=WORK_BY_TYPE.get(step.bpmn_type, ""),
            properties=properties,
            data=(_data_uses(document, record, process_data)
                  if isinstance(record, (Activity, CatchEvent, ThrowEvent)) else ()),
            deadlines=tuple(deadlines),
            messages=tuple(messages.get(step.id, ())),
            branches=branches,
        )
        concurrent_gateway = step.bpmn_type in ("parallelGateway", "inclusiveGateway", "complexGateway")
        if len(outgoing) > 1 and (concurrent_gateway or step.kind is not StepKind.GATEWAY):
            splits[step.id] = tuple(f.target_ref for f in outgoing if f.target_ref in graph.steps)
            if step.bpmn_type == "parallelGateway" or (step.kind is not StepKind.GATEWAY and not conditional):
                parallel.add(step.id)
        if isinstance(record, BoundaryEvent):
            exceptions.add(step.id)
        if isinstance(record, SubProcess) and record.triggered_by_event:
            event_subprocesses.add(step.id)
        if step.id not in anchors and _is_practice(step, len(outgoing)):
            practice.add(step.id)
    return DocumentFacts(
        graph=graph,
        steps=facts,
        timer_anchor=anchors,
        practice_steps=frozenset(practice),
        pool_messages=tuple(between_pools),
        splits=splits,
        parallel=frozenset(parallel),
        exceptions=frozenset(exceptions),
        event_subprocesses=frozenset(event_subprocesses),
        depth=depth,
        links=_links(graph, records),
        calls=_calls(document, graph, records),
        message_names=message_names,
    )
