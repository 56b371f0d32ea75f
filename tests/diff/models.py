"""Small BPMN models written inline, and large generated ones, for the diff tests."""

from __future__ import annotations

import random
from xml.sax.saxutils import quoteattr

from process_mapper.core.model import BpmnDocument
from process_mapper.core.xmlio import read_bpmn_bytes

Node = tuple[str, str, str]
"""(id, BPMN type such as ``task`` or ``startEvent``, name)."""


def model(nodes: list[Node], flows: list[tuple[str, str]], lanes: dict[str, list[str]] | None = None) -> BpmnDocument:
    """A one-process document: ``nodes`` joined by sequence ``flows``, optionally in lanes."""
    lane_xml = ""
    if lanes:
        lane_xml = "<laneSet id='LaneSet_1'>" + "".join(
            f"<lane id='Lane_{n}' name={quoteattr(name)}>"
            + "".join(f"<flowNodeRef>{ref}</flowNodeRef>" for ref in refs)
            + "</lane>"
            for n, (name, refs) in enumerate(lanes.items())
        ) + "</laneSet>"
    node_xml = "".join(f"<{kind} id='{ident}' name={quoteattr(name)}/>" for ident, kind, name in nodes)
    flow_xml = "".join(
        f"<sequenceFlow id='Flow_{n}' sourceRef='{s}' targetRef='{t}'/>" for n, (s, t) in enumerate(flows)
    )
    xml = (
        "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL' id='D' targetNamespace='urn:t'>"
        f"<process id='Process_1'>{lane_xml}{node_xml}{flow_xml}</process></definitions>"
    )
    return read_bpmn_bytes(xml.encode("utf-8"), "inline")


def chain(labels: list[str], prefix: str = "T", start: bool = True) -> BpmnDocument:
    """Start event, one task per label in sequence, end event."""
    ids = [f"{prefix}{n}" for n in range(len(labels))]
    nodes: list[Node] = [(i, "task", label) for i, label in zip(ids, labels, strict=True)]
    if start:
        nodes = [(f"{prefix}_start", "startEvent", ""), *nodes, (f"{prefix}_end", "endEvent", "")]
        ids = [f"{prefix}_start", *ids, f"{prefix}_end"]
    return model(nodes, list(zip(ids, ids[1:], strict=False)))


_VERBS = ["check", "send", "receive", "assess", "register", "book", "sign", "archive", "scan", "review"]
_OBJECTS = ["referral", "invoice", "order", "certificate", "answer", "request", "report", "booking", "letter",
            "record", "payment", "claim", "contract", "schedule", "result"]


def generated(size: int, seed: int, prefix: str) -> BpmnDocument:
    """A reproducible model of about ``size`` steps: a chain with XOR branches in 4 lanes.

    Two calls with the same ``size`` and ``seed`` but another ``prefix`` draw the same
    process under other ids.
    """
    rng = random.Random(seed)
    nodes: list[Node] = [(f"{prefix}s", "startEvent", "")]
    flows: list[tuple[str, str]] = []
    previous = f"{prefix}s"
    n = 0
    while len(nodes) < size - 1:
        if rng.random() < 0.15:
            split, join = f"{prefix}g{n}", f"{prefix}j{n}"
            left, right = f"{prefix}l{n}", f"{prefix}r{n}"
            nodes += [(split, "exclusiveGateway", ""),
                      (left, "task", f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {n}"),
                      (right, "task", f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {n}"),
                      (join, "exclusiveGateway", "")]
            flows += [(previous, split), (split, left), (split, right), (left, join), (right, join)]
            previous = join
        else:
            task = f"{prefix}t{n}"
            nodes.append((task, "task", f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {n}"))
            flows.append((previous, task))
            previous = task
        n += 1
    nodes.append((f"{prefix}e", "endEvent", ""))
    flows.append((previous, f"{prefix}e"))
    roles = ["Nurse", "Doctor", "Secretary", "Patient"]
    lanes = {
        role: [ident for k, (ident, _, _) in enumerate(nodes) if (k // 7) % 4 == r] for r, role in enumerate(roles)
    }
    return model(nodes, flows, lanes)
