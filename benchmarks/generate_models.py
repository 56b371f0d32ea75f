"""Generate realistic, schema-valid BPMN 2.0 models of any size for benchmarks.

:func:`generate` dresses a :func:`~benchmarks.process_plan.plan_process` plan as a
collaboration: a "Care provider" pool whose lanes hold the process, and a collapsed
"Patient" pool that exchanges a few messages with it. Every element has diagram
interchange: shapes in their grid cells, inside their lane's band, and edges with two to
four waypoints. Some activities carry documentation, a few carry extension elements.
The output validates against the OMG XSDs and bpmn-moddle reads it without a warning.

Command line::

    python -m benchmarks.generate_models N -o FILE [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from benchmarks.process_plan import LANE_NAMES, LANE_ROWS, Flow, Node, Plan, plan_process

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EXT = "urn:process-mapper:benchmark-extensions"
NSMAP = {"bpmn": MODEL, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "pm": EXT}

CELL_W, CELL_H = 150, 120
POOL_X, POOL_Y = 160, 80
HEADER_W = 30  # the band at a pool's or a lane's left edge that holds its name
CONTENT_X = POOL_X + 2 * HEADER_W + 20
EXTERNAL_GAP, EXTERNAL_H = 80, 60
LABEL_W, LABEL_H = 90, 27

Point = tuple[int, int]


@dataclass(frozen=True)
class _Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> int:
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        return self.y + self.h // 2

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


def _cell_left(col: int) -> int:
    return CONTENT_X + col * CELL_W


def _node_box(node: Node) -> _Box:
    if node.tag.endswith("Gateway"):
        w = h = 50
    elif node.tag.endswith("Event"):
        w = h = 36
    else:
        w, h = 100, 80
    cx = _cell_left(node.col) + CELL_W // 2
    cy = POOL_Y + node.row * CELL_H + CELL_H // 2
    return _Box(cx - w // 2, cy - h // 2, w, h)


def _route(flow: Flow, boxes: dict[str, _Box]) -> list[Point]:
    """Waypoints of a sequence flow, through cells the plan keeps empty."""
    s, t = boxes[flow.source.id], boxes[flow.target.id]
    if flow.source.row == flow.target.row:
        return [(s.right, s.cy), (t.x, t.cy)]
    if flow.source.direction == "Diverging":
        return [(s.cx, s.bottom if t.cy > s.cy else s.y), (s.cx, t.cy), (t.x, t.cy)]
    if flow.target.direction == "Converging":
        return [(s.right, s.cy), (t.cx, s.cy), (t.cx, t.bottom if s.cy > t.cy else t.y)]
    bend = _cell_left(flow.target.col)
    return [(s.right, s.cy), (bend, s.cy), (bend, t.cy), (t.x, t.cy)]


def _message_id(name: str) -> str:
    return "Message_" + "".join(word.capitalize() for word in name.split())


def _is_activity(node: Node) -> bool:
    return node.tag == "task" or node.tag.endswith("Task")


def _sample(rng: random.Random, nodes: list[Node], count: int) -> list[Node]:
    return rng.sample(nodes, min(len(nodes), count))


def _sub(
    parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: str | int | None
) -> etree._Element:
    """Append an element, leaving out the attributes whose value is None."""
    element = etree.SubElement(
        parent, f"{{{ns}}}{tag}", {k: str(v) for k, v in attrs.items() if v is not None}
    )
    element.text = text
    return element


def _formal_expression(parent: etree._Element, tag: str, text: str) -> None:
    _sub(parent, MODEL, tag, text).set(f"{{{XSI}}}type", "bpmn:tFormalExpression")


def _bounds(parent: etree._Element, box: _Box) -> None:
    _sub(parent, DC, "Bounds", x=box.x, y=box.y, width=box.w, height=box.h)


def _shape(plane: etree._Element, element_id: str, box: _Box, **attrs: str) -> etree._Element:
    shape = _sub(plane, BPMNDI, "BPMNShape", id=f"{element_id}_di", bpmnElement=element_id, **attrs)
    _bounds(shape, box)
    return shape


def _edge(plane: etree._Element, element_id: str, points: Sequence[Point]) -> etree._Element:
    edge = _sub(plane, BPMNDI, "BPMNEdge", id=f"{element_id}_di", bpmnElement=element_id)
    for x, y in points:
        _sub(edge, DI, "waypoint", x=x, y=y)
    return edge


class _ModelWriter:
    """Builds the XML tree of one plan; random picks decide the decorations."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan = plan
        activities = [node for node in plan.nodes if _is_activity(node)]
        self.documented = {n.id for n in _sample(rng, activities, max(3, len(activities) // 10))}
        self.extended = {n.id for n in _sample(rng, activities, max(2, len(plan.nodes) // 100))}
        # The start event always gets its message flow; a few more nodes get one too.
        start, *others = [node for node in plan.nodes if node.message and node.alone_in_column]
        extra = _sample(rng, others, 2 + len(plan.nodes) // 250)
        self.exchanging = sorted([start, *extra], key=lambda node: node.col)
        self.exchanging_ids = {node.id for node in self.exchanging}
        self.boxes = {node.id: _node_box(node) for node in plan.nodes}
        self.pool = _Box(
            POOL_X, POOL_Y, CONTENT_X - POOL_X + plan.columns * CELL_W + 20, plan.rows * CELL_H
        )
        self.external = _Box(POOL_X, self.pool.bottom + EXTERNAL_GAP, self.pool.w, EXTERNAL_H)

    def tree(self) -> etree._Element:
        definitions = etree.Element(
            f"{{{MODEL}}}definitions",
            nsmap=NSMAP,
            attrib={
                "id": "Definitions_1",
                "targetNamespace": "urn:process-mapper:benchmarks",
                "exporter": "Process Mapper benchmark generator",
                "exporterVersion": "1",
            },
        )
        for name in sorted({node.message for node in self.plan.nodes if node.message}):
            _sub(definitions, MODEL, "message", id=_message_id(name), name=name)
        self._collaboration(definitions)
        self._process(definitions)
        self._diagram(definitions)
        return definitions

    def _collaboration(self, definitions: etree._Element) -> None:
        collaboration = _sub(definitions, MODEL, "collaboration", id="Collaboration_1")
        _sub(
            collaboration,
            MODEL,
            "participant",
            id="Participant_CareProvider",
            name="Care provider",
            processRef="Process_1",
        )
        _sub(collaboration, MODEL, "participant", id="Participant_Patient", name="Patient")
        for index, node in enumerate(self.exchanging, 1):
            source, target = node.id, "Participant_Patient"
            if not node.sends:
                source, target = target, source
            _sub(
                collaboration,
                MODEL,
                "messageFlow",
                id=f"MessageFlow_{index:04d}",
                name=node.message,
                sourceRef=source,
                targetRef=target,
                messageRef=_message_id(node.message),
            )

    def _process(self, definitions: etree._Element) -> None:
        process = _sub(
            definitions,
            MODEL,
            "process",
            id="Process_1",
            name="Referral handling",
            isExecutable="false",
        )
        _sub(
            process,
            MODEL,
            "documentation",
            f"Benchmark model: {len(self.plan.nodes)} flow nodes in {self.plan.lanes} lanes.",
        )
        lane_set = _sub(process, MODEL, "laneSet", id="LaneSet_1")
        for lane in range(self.plan.lanes):
            element = _sub(
                lane_set, MODEL, "lane", id=f"Lane_{LANE_NAMES[lane]}", name=LANE_NAMES[lane]
            )
            for node in self.plan.nodes:
                if node.lane == lane:
                    _sub(element, MODEL, "flowNodeRef", node.id)
        for node in self.plan.nodes:
            self._flow_node(process, node)
        for flow in self.plan.flows:
            element = _sub(
                process,
                MODEL,
                "sequenceFlow",
                id=flow.id,
                name=flow.name or None,
                sourceRef=flow.source.id,
                targetRef=flow.target.id,
            )
            if flow.condition:
                _formal_expression(element, "conditionExpression", flow.condition)

    def _flow_node(self, process: etree._Element, node: Node) -> None:
        activity = _is_activity(node)
        element = _sub(
            process,
            MODEL,
            node.tag,
            id=node.id,
            name=node.name or None,
            gatewayDirection=node.direction,
            default=node.default,
            messageRef=_message_id(node.message) if node.message and activity else None,
            scriptFormat="javascript" if node.tag == "scriptTask" else None,
        )
        if node.id in self.documented:
            _sub(
                element,
                MODEL,
                "documentation",
                f"{node.name}: {LANE_NAMES[node.lane].lower()} staff, per the regional standard.",
            )
        if node.id in self.extended:
            properties = _sub(_sub(element, MODEL, "extensionElements"), EXT, "properties")
            _sub(properties, EXT, "property", name="owner", value=LANE_NAMES[node.lane])
            _sub(properties, EXT, "property", name="targetTime", value="P2D")
        for flow_id in node.incoming:
            _sub(element, MODEL, "incoming", flow_id)
        for flow_id in node.outgoing:
            _sub(element, MODEL, "outgoing", flow_id)
        if node.tag == "scriptTask":
            _sub(element, MODEL, "script", "checked = true;")
        if node.timer:
            _formal_expression(
                _sub(element, MODEL, "timerEventDefinition", id=f"{node.id}_timer"),
                "timeDuration",
                node.timer,
            )
        elif node.message and not activity:
            _sub(
                element,
                MODEL,
                "messageEventDefinition",
                id=f"{node.id}_message",
                messageRef=_message_id(node.message),
            )

    def _diagram(self, definitions: etree._Element) -> None:
        diagram = _sub(definitions, BPMNDI, "BPMNDiagram", id="BPMNDiagram_1")
        plane = _sub(diagram, BPMNDI, "BPMNPlane", id="BPMNPlane_1", bpmnElement="Collaboration_1")
        _shape(plane, "Participant_CareProvider", self.pool, isHorizontal="true")
        lane_h = LANE_ROWS * CELL_H
        for lane in range(self.plan.lanes):
            box = _Box(POOL_X + HEADER_W, POOL_Y + lane * lane_h, self.pool.w - HEADER_W, lane_h)
            _shape(plane, f"Lane_{LANE_NAMES[lane]}", box, isHorizontal="true")
        for node in self.plan.nodes:
            self._node_shape(plane, node)
        for flow in self.plan.flows:
            points = _route(flow, self.boxes)
            edge = _edge(plane, flow.id, points)
            if flow.name:
                (ax, ay), (bx, by) = points[-2:]
                _bounds(
                    _sub(edge, BPMNDI, "BPMNLabel"),
                    _Box((ax + bx) // 2 - 15, (ay + by) // 2 - 20, 30, 14),
                )
        _shape(plane, "Participant_Patient", self.external, isHorizontal="true", isExpanded="false")
        for index, node in enumerate(self.exchanging, 1):
            box = self.boxes[node.id]
            ends = [(box.cx, box.bottom), (box.cx, self.external.y)]
            _edge(plane, f"MessageFlow_{index:04d}", ends if node.sends else ends[::-1])

    def _node_shape(self, plane: etree._Element, node: Node) -> None:
        box = self.boxes[node.id]
        extra = {"isMarkerVisible": "true"} if node.tag == "exclusiveGateway" else {}
        shape = _shape(plane, node.id, box, **extra)
        if node.name and not _is_activity(node):
            _bounds(_sub(shape, BPMNDI, "BPMNLabel"), self._label_box(node, box))

    def _label_box(self, node: Node, box: _Box) -> _Box:
        """Place an event's or gateway's label where no flow passes."""
        if node.direction == "Diverging":  # branches leave by the top and bottom corners
            return _Box(box.cx + 5, box.y - LABEL_H - 5, LABEL_W, LABEL_H)
        if node.id in self.exchanging_ids:  # its message flow leaves by the bottom
            return _Box(box.cx - LABEL_W // 2, box.y - LABEL_H - 5, LABEL_W, LABEL_H)
        return _Box(box.cx - LABEL_W // 2, box.bottom + 5, LABEL_W, LABEL_H)


def generate(n_nodes: int, seed: int = 0) -> bytes:
    """Generate a BPMN 2.0 collaboration whose process has ``n_nodes`` flow nodes.

    Parameters
    ----------
    n_nodes
        Flow nodes in the process, start and end events included; at least 2.
    seed
        Seed of every random choice: the same arguments give the same bytes.

    Returns
    -------
    bytes
        The document, UTF-8 with an XML declaration.
    """
    rng = random.Random(seed)
    tree = _ModelWriter(plan_process(n_nodes, rng), rng).tree()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Write one generated model; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Generate a BPMN 2.0 benchmark model.")
    parser.add_argument("n_nodes", type=int, help="flow nodes in the process (at least 2)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n_nodes < 2:
        parser.error("n_nodes must be at least 2")
    args.output.write_bytes(generate(args.n_nodes, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
