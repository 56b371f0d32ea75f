"""Declarative description of a sample process: pools, lanes, steps on a grid, flows.

A :class:`ProcessSpec` says *what* a diagram holds and roughly *where* (lane, column,
row); :mod:`.builder` turns it into BPMN model records with complete diagram
interchange, so every sample file is drawn by the same rules.

Helpers such as :func:`task`, :func:`xor` or :func:`flow` keep the process modules short::

    nodes=[
        start("A_SE1", "Remiss mottagen", "L_ADM", 0, message=True),
        task("A_T01", "Ankomstregistrera remiss", "L_ADM", 1, system="journalsystem"),
    ],
    flows=[*chain("A_SE1", "A_T01")],
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Categories an expected change may use (see ``sample_processes/README.md``).
CHANGE_CATEGORIES = (
    "missing_step",
    "extra_step",
    "role_change",
    "order_change",
    "decision_change",
    "medium_change",
    "deadline_change",
    "message_change",
    "data_change",
    "renamed_step",
)

#: Node kinds and the BPMN element each becomes.
NODE_KINDS = {
    "start": "startEvent",
    "end": "endEvent",
    "catch": "intermediateCatchEvent",
    "throw": "intermediateThrowEvent",
    "boundary": "boundaryEvent",
    "userTask": "userTask",
    "manualTask": "manualTask",
    "serviceTask": "serviceTask",
    "sendTask": "sendTask",
    "receiveTask": "receiveTask",
    "task": "task",
    "xor": "exclusiveGateway",
    "and": "parallelGateway",
    "event": "eventBasedGateway",
}
TASK_KINDS = {"userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "task"}
EVENT_KINDS = {"start", "end", "catch", "throw", "boundary"}
GATEWAY_KINDS = {"xor", "and", "event"}


@dataclass
class Timer:
    """A timer definition: exactly one of ``duration`` (ISO 8601 duration), ``cycle``
    (ISO 8601 repeating interval) or ``date`` (ISO 8601 date-time)."""

    duration: str | None = None
    cycle: str | None = None
    date: str | None = None


@dataclass
class Node:
    """One flow node placed at ``col``/``row`` inside the band of ``lane``.

    ``col`` may be fractional to nudge a node between grid columns. Boundary events take
    their position from their host (``attached_to``): on its bottom border at
    ``boundary_at`` (0 = left corner, 1 = right corner).
    """

    id: str
    kind: str
    label: str
    lane: str = ""
    col: float = 0.0
    row: float = 0.0
    system: str | None = None
    medium: str | None = None
    deadline: str | None = None
    doc: str | None = None
    trigger: str | None = None  # "message", "timer", "terminate" for events
    timer: Timer | None = None
    attached_to: str | None = None
    interrupting: bool = True
    boundary_at: float = 0.75
    label_side: str | None = None  # force an event/gateway label: "below", "above", "below-left", "below-right"


@dataclass
class Flow:
    """A sequence flow. ``label`` names the branch; ``condition`` is the rule in words.

    ``exit``/``entry`` force the side of the source/target the edge uses ("left",
    "right", "top", "bottom"); otherwise the router chooses.
    """

    source: str
    target: str
    label: str | None = None
    condition: str | None = None
    default: bool = False
    exit: str | None = None
    entry: str | None = None
    id: str | None = None


@dataclass
class MessageFlow:
    """A message flow between a node (or pool) and another pool (or node)."""

    source: str
    target: str
    label: str | None = None
    id: str | None = None
    col: float | None = None  # for pool-to-pool flows: where the vertical line runs


@dataclass
class LaneSpec:
    id: str
    name: str
    rows: int = 1
    row_height: float | None = None  # default: the grid's row height


@dataclass
class External:
    """A collapsed pool (a participant without a process), drawn as a band."""

    id: str
    name: str
    side: str = "top"  # "top" or "bottom"; several on one side stack outwards in order


@dataclass
class Grid:
    col_width: float = 150.0
    row_height: float = 130.0
    margin_left: float = 30.0  # between the lane header and column 0
    margin_right: float = 30.0


@dataclass
class Metadata:
    identifier: str
    title: str
    version: str
    valid_from: str
    owner: str
    category: str
    description: str


@dataclass
class Change:
    """One difference a careful diff should report between a local variant and its standard."""

    category: str
    standard_elements: list[str]
    local_elements: list[str]
    note: str


@dataclass
class ProcessSpec:
    """A whole sample file: one collaboration, one expanded pool with lanes, collapsed
    pools for the external parties."""

    file: str  # path below sample_processes/, without ".bpmn"
    process_id: str
    pool_id: str
    pool_name: str
    metadata: Metadata
    lanes: list[LaneSpec]
    nodes: list[Node]
    flows: list[Flow]
    messages: list[MessageFlow] = field(default_factory=list)
    externals: list[External] = field(default_factory=list)
    grid: Grid = field(default_factory=Grid)
    documentation: str | None = None
    #: For local variants: the standard they are compared with and the expected changes.
    standard: str | None = None
    changes: list[Change] = field(default_factory=list)


# --- helpers for the process modules ---------------------------------------------------------


def _node(kind: str, id: str, label: str, lane: str, col: float, row: float = 0, **kw) -> Node:
    return Node(id=id, kind=kind, label=label, lane=lane, col=col, row=row, **kw)


def start(
    id: str, label: str, lane: str, col: float, row: float = 0, *,
    message: bool = False, timer: Timer | None = None, **kw,
) -> Node:
    trigger = "message" if message else "timer" if timer else None
    return _node("start", id, label, lane, col, row, trigger=trigger, timer=timer, **kw)


def end(id: str, label: str, lane: str, col: float, row: float = 0, **kw) -> Node:
    return _node("end", id, label, lane, col, row, **kw)


def catch(
    id: str, label: str, lane: str, col: float, row: float = 0, *,
    message: bool = False, timer: Timer | None = None, **kw,
) -> Node:
    trigger = "message" if message else "timer" if timer else None
    return _node("catch", id, label, lane, col, row, trigger=trigger, timer=timer, **kw)


def boundary(id: str, label: str, host: str, *, timer: Timer, interrupting: bool, at: float = 0.75, **kw) -> Node:
    return Node(id=id, kind="boundary", label=label, trigger="timer", timer=timer, attached_to=host,
                interrupting=interrupting, boundary_at=at, **kw)


def task(id: str, label: str, lane: str, col: float, row: float = 0, *, kind: str = "userTask", **kw) -> Node:
    assert kind in TASK_KINDS, kind
    return _node(kind, id, label, lane, col, row, **kw)


def xor(id: str, label: str, lane: str, col: float, row: float = 0, **kw) -> Node:
    return _node("xor", id, label, lane, col, row, **kw)


def par(id: str, lane: str, col: float, row: float = 0, label: str = "", **kw) -> Node:
    return _node("and", id, label, lane, col, row, **kw)


def evgw(id: str, label: str, lane: str, col: float, row: float = 0, **kw) -> Node:
    return _node("event", id, label, lane, col, row, **kw)


def flow(
    source: str, target: str, label: str | None = None, *, cond: str | None = None, default: bool = False, **kw
) -> Flow:
    return Flow(source=source, target=target, label=label, condition=cond, default=default, **kw)


def chain(*ids: str) -> list[Flow]:
    """Unlabelled sequence flows linking ``ids`` in order."""
    return [Flow(a, b) for a, b in zip(ids, ids[1:], strict=False)]


def msg(source: str, target: str, label: str | None = None, **kw) -> MessageFlow:
    return MessageFlow(source=source, target=target, label=label, **kw)


def change(category: str, standard: list[str], local: list[str], note: str) -> Change:
    assert category in CHANGE_CATEGORIES, category
    return Change(category, list(standard), list(local), note)


def duration(value: str) -> Timer:
    return Timer(duration=value)


def cycle(value: str) -> Timer:
    return Timer(cycle=value)
