"""Random care-process graphs laid out on a grid, the skeleton of a generated model.

A plan is a start event, a shuffled run of segments and an end event. A segment is either
one activity or intermediate event, or a gateway block: a split, two or three branches of
one to three nodes each, and a join of the same type. Every segment owns its grid columns,
and the branches of a block sit in distinct rows, so no two nodes share a cell and every
edge can be routed through empty cells with two to four waypoints. Rows are grouped into
lanes, ``LANE_ROWS`` rows a lane.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

LANE_NAMES = ("Reception", "Nurse", "Physician", "Laboratory")
LANE_ROWS = 2

GATEWAY_SHARE = 0.15
EVENT_SHARE = 0.10
HANDOFF_CHANCE = 0.25
EXCLUSIVE_CHANCE = 0.6

TASK_KINDS = {
    "userTask": 35,
    "task": 15,
    "serviceTask": 15,
    "manualTask": 10,
    "sendTask": 8,
    "receiveTask": 7,
    "scriptTask": 5,
    "businessRuleTask": 5,
}
EVENT_KINDS = {"timerCatch": 45, "messageCatch": 35, "messageThrow": 20}

VERBS = (
    "Register",
    "Review",
    "Assess",
    "Prioritise",
    "Book",
    "Confirm",
    "Update",
    "Sign",
    "Archive",
    "Prepare",
    "Check",
    "Document",
    "Forward",
    "Approve",
    "Record",
)
OBJECTS = (
    "referral",
    "appointment",
    "lab order",
    "test results",
    "medical certificate",
    "patient record",
    "care plan",
    "consent",
    "prescription",
    "discharge summary",
    "triage notes",
    "sick-leave certificate",
    "follow-up visit",
)
MESSAGES = (
    "Referral",
    "Appointment letter",
    "Lab result",
    "Medical certificate",
    "Reminder",
    "Consent form",
    "Discharge summary",
)
QUESTIONS = (
    "Referral complete?",
    "Urgent?",
    "Results normal?",
    "Consent given?",
    "Follow-up needed?",
    "Certificate required?",
)
BRANCH_LABELS = ("Yes", "No", "Unclear")
# kind: (element, name template, sends the message)
_MESSAGE_LEAVES = {
    "messageCatch": ("intermediateCatchEvent", "{message} received", False),
    "messageThrow": ("intermediateThrowEvent", "{message} sent", True),
    "sendTask": ("sendTask", "Send {lower}", True),
    "receiveTask": ("receiveTask", "Receive {lower}", False),
}


@dataclass
class Node:
    """A flow node and its grid cell.

    Attributes
    ----------
    id, tag, name
        BPMN id, local element name (``"userTask"``, ``"exclusiveGateway"``…) and label.
    col, row
        Grid cell; the lane is ``row // LANE_ROWS``.
    alone_in_column
        Nothing else occupies the column, so a vertical message flow can reach it.
    message
        Name of the message it sends or receives, if any.
    sends
        True if the message goes out to the external participant.
    timer
        ISO 8601 duration of a timer event.
    direction
        ``gatewayDirection`` of a gateway.
    default
        Id of the default outgoing flow of an exclusive split.
    """

    id: str
    tag: str
    name: str
    col: int
    row: int
    alone_in_column: bool
    message: str = ""
    sends: bool = False
    timer: str | None = None
    direction: str | None = None
    default: str | None = None
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)

    @property
    def lane(self) -> int:
        """Index of the lane holding the node."""
        return self.row // LANE_ROWS


@dataclass
class Flow:
    """A sequence flow, optionally named and guarded by a condition."""

    id: str
    source: Node
    target: Node
    name: str = ""
    condition: str | None = None


@dataclass
class Plan:
    """A whole process: nodes in document order, flows, and the grid's size."""

    nodes: list[Node]
    flows: list[Flow]
    lanes: int
    columns: int

    @property
    def rows(self) -> int:
        """Number of grid rows."""
        return self.lanes * LANE_ROWS


class _Builder:
    """Accumulates nodes and flows, numbering ids per prefix."""

    def __init__(self, rng: random.Random, lanes: int) -> None:
        self.rng = rng
        self.rows = lanes * LANE_ROWS
        self.nodes: list[Node] = []
        self.flows: list[Flow] = []
        self._serial: Counter[str] = Counter()

    def new_id(self, prefix: str) -> str:
        self._serial[prefix] += 1
        return f"{prefix}_{self._serial[prefix]:04d}"

    def add(self, node: Node) -> Node:
        self.nodes.append(node)
        return node

    def connect(
        self, source: Node, target: Node, name: str = "", condition: str | None = None
    ) -> Flow:
        flow = Flow(self.new_id("Flow"), source, target, name, condition)
        source.outgoing.append(flow.id)
        target.incoming.append(flow.id)
        self.flows.append(flow)
        return flow

    def leaf(self, kind: str, col: int, row: int, alone: bool) -> Node:
        """Add an activity or intermediate event of ``kind``, a key of the kind tables."""
        rng = self.rng
        prefix = "Event" if kind in EVENT_KINDS else "Activity"
        node = Node(self.new_id(prefix), kind, "", col, row, alone)
        if kind == "timerCatch":
            amount, unit = rng.choice(((2, "hours"), (1, "day"), (3, "days"), (2, "weeks")))
            node.tag, node.name = "intermediateCatchEvent", f"Wait {amount} {unit}"
            node.timer = f"PT{amount}H" if unit == "hours" else f"P{amount}{unit[0].upper()}"
        elif kind in _MESSAGE_LEAVES:
            node.tag, template, node.sends = _MESSAGE_LEAVES[kind]
            node.message = rng.choice(MESSAGES)
            node.name = template.format(message=node.message, lower=node.message.lower())
        else:
            node.name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        return self.add(node)

    def block(
        self, before: Node, col: int, row: int, lengths: list[int], leaves: Iterator[str]
    ) -> Node:
        """Add a split at ``col``, one branch per length and a join; return the join."""
        rng = self.rng
        exclusive = rng.random() < EXCLUSIVE_CHANCE
        tag = "exclusiveGateway" if exclusive else "parallelGateway"
        split = self.add(
            Node(
                self.new_id("Gateway"),
                tag,
                rng.choice(QUESTIONS) if exclusive else "",
                col,
                row,
                True,
                direction="Diverging",
            )
        )
        join = Node(
            self.new_id("Gateway"),
            tag,
            "",
            col + max(lengths) + 1,
            row,
            True,
            direction="Converging",
        )
        self.connect(before, split)
        others = rng.sample([r for r in range(self.rows) if r != row], len(lengths) - 1)
        for index, (branch_row, length) in enumerate(zip([row, *others], lengths, strict=True)):
            label = BRANCH_LABELS[index] if exclusive else ""
            is_default = exclusive and index == len(lengths) - 1
            condition = f'answer == "{label.lower()}"' if exclusive and not is_default else None
            first = self.leaf(next(leaves), col + 1, branch_row, alone=False)
            flow = self.connect(split, first, label, condition)
            if is_default:
                split.default = flow.id
            previous = first
            for step in range(1, length):
                node = self.leaf(next(leaves), col + 1 + step, branch_row, alone=False)
                self.connect(previous, node)
                previous = node
            self.connect(previous, join)
        return self.add(join)


def _leaf_kinds(count: int, events: int, rng: random.Random) -> list[str]:
    kinds = rng.choices(list(EVENT_KINDS), weights=list(EVENT_KINDS.values()), k=events)
    kinds += rng.choices(list(TASK_KINDS), weights=list(TASK_KINDS.values()), k=count - events)
    rng.shuffle(kinds)
    return kinds


def _block_shapes(blocks: int, leaves: int, rng: random.Random) -> list[list[int]]:
    """Branch lengths of each block, using at most ``leaves`` nodes in all."""
    spare = leaves - 2 * blocks
    shapes = []
    for _ in range(blocks):
        lengths = [rng.randint(1, 3) for _ in range(rng.choice((2, 2, 3)))]
        if sum(lengths) - 2 > spare:
            lengths = [1, 1]
        spare -= sum(lengths) - 2
        shapes.append(lengths)
    return shapes


def plan_process(n_nodes: int, rng: random.Random) -> Plan:
    """Plan a process of exactly ``n_nodes`` flow nodes.

    Parameters
    ----------
    n_nodes
        Number of flow nodes, start and end events included; at least 2.
    rng
        Source of every random choice.

    Returns
    -------
    Plan
        About 70 % activities, 15 % gateways and 10 % intermediate events.
    """
    if n_nodes < 2:
        raise ValueError(f"a process needs at least a start and an end event, not {n_nodes} nodes")
    body = n_nodes - 2
    blocks = round(n_nodes * GATEWAY_SHARE / 2)
    while blocks and body < 4 * blocks:  # each block needs two nodes of its own
        blocks -= 1
    leaf_count = body - 2 * blocks
    leaves = iter(_leaf_kinds(leaf_count, min(round(n_nodes * EVENT_SHARE), leaf_count), rng))
    shapes = _block_shapes(blocks, leaf_count, rng)
    segments: list[list[int] | None] = [*shapes, *[None] * (leaf_count - sum(map(sum, shapes)))]
    rng.shuffle(segments)

    lanes = rng.choice((3, 4))
    builder = _Builder(rng, lanes)
    start = Node(builder.new_id("Event"), "startEvent", "Referral received", 0, 0, True)
    start.message = "Referral"
    previous = builder.add(start)
    col, row = 1, 0
    for lengths in segments:
        if lengths is None:
            if rng.random() < HANDOFF_CHANCE:
                row = rng.randrange(builder.rows)
            node = builder.leaf(next(leaves), col, row, alone=True)
            builder.connect(previous, node)
            previous, col = node, col + 1
        else:
            previous = builder.block(previous, col, row, lengths, leaves)
            col = previous.col + 1
    end = builder.add(Node(builder.new_id("Event"), "endEvent", "Referral handled", col, row, True))
    builder.connect(previous, end)
    return Plan(builder.nodes, builder.flows, lanes, col + 1)
