"""The shipped sample processes (``sample_processes/``) are valid, complete and drawn cleanly.

Every file validates against the OMG schema, round-trips byte for byte, has diagram
interchange for every element, keeps nodes inside their lanes and edges out of shapes,
and carries our ``system``/``medium`` properties and metadata. Every local variant's
``<name>.expected.json`` names existing elements with the allowed categories, and agrees
with the files: an element only one side has, and a difference between two elements with
the same id, is named by some expected change (and nothing is claimed that is not there).
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest
from lxml import etree

from process_mapper.core.model import (
    BoundaryEvent,
    Bounds,
    BpmnDocument,
    Edge,
    EndEvent,
    FlowNode,
    Gateway,
    MessageFlow,
    Participant,
    SequenceFlow,
    Shape,
    Task,
)
from process_mapper.core.model.extensions import metadata, properties
from process_mapper.core.model.semantic import Event, TimerEventDefinition
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.schema import schema_issues

ROOT = Path(__file__).resolve().parents[2] / "sample_processes"
STANDARD_FILES = sorted((ROOT / "standard").glob("*.bpmn"))
LOCAL_FILES = sorted((ROOT / "local").glob("*.bpmn"))
ALL_FILES = STANDARD_FILES + LOCAL_FILES
EXPECTED_FILES = sorted((ROOT / "local").glob("*.expected.json"))
CATEGORIES = {
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
}
#: Changes between two matched elements; with lists of equal length they pair up by position.
PAIR_CATEGORIES = {"renamed_step", "role_change", "medium_change"}

_documents: dict[Path, BpmnDocument] = {}


def load(path: Path) -> BpmnDocument:
    if path not in _documents:
        _documents[path] = read_bpmn(path)
    return _documents[path]


def file_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def standard_by_identifier() -> dict[str, Path]:
    return {metadata(load(p).processes[0]).identifier: p for p in STANDARD_FILES}


def bounds_of(document: BpmnDocument, element_id: str) -> Bounds:
    shape = document.shape_of(element_id)
    assert shape is not None and shape.bounds is not None, f"no shape for {element_id}"
    return shape.bounds


@pytest.mark.slow
def test_the_files_are_what_the_generator_makes():
    """The .bpmn and .expected.json files are generated (``python -m tools.sample_processes``)."""
    from tools.sample_processes import all_specs, expected_json, render_bpmn

    for spec in all_specs():
        assert (ROOT / f"{spec.file}.bpmn").read_bytes() == render_bpmn(spec), spec.file
        if spec.standard:
            assert (ROOT / f"{spec.file}.expected.json").read_bytes() == expected_json(spec), spec.file


def test_the_library_is_all_there():
    assert {p.stem for p in STANDARD_FILES} >= {"STD-REM-IN", "STD-INTYG-FK7804", "STD-REM-UT"}
    assert len(STANDARD_FILES) >= 5
    assert {p.stem for p in LOCAL_FILES} == {"A-V1", "A-V2", "B-V1", "B-V2", "C-V1", "C-V2"}
    assert {p.name.removesuffix(".expected.json") for p in EXPECTED_FILES} == {p.stem for p in LOCAL_FILES}


# --- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_schema_valid(path: Path):
    assert [issue.message for issue in schema_issues(etree.parse(str(path)))] == []


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_reads_without_findings_and_round_trips_byte_for_byte(path: Path):
    document = read_bpmn(path)
    assert document.issues == []
    assert document.integrity_issues() == []
    first = to_bytes(document)
    second = to_bytes(read_bpmn_bytes(first))
    assert first == second
    assert first == path.read_bytes(), "the file is not in the writer's canonical form; regenerate it"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_one_collaboration_with_one_expanded_pool_and_collapsed_external_pools(path: Path):
    document = load(path)
    assert len(document.collaborations) == 1 and len(document.processes) == 1
    participants = document.collaborations[0].participants
    expanded = [p for p in participants if p.process_ref]
    assert [p.process_ref for p in expanded] == [document.processes[0].id]
    assert len(participants) > 1, "external parties are collapsed pools"
    lanes = document.lanes()
    assert len(lanes) >= 2
    for node in document.flow_nodes():
        assert document.lane_of(node.id) is not None, f"{node.id} is in no lane"
    for flow in document.collaborations[0].message_flows:
        ends = [document.get(flow.source_ref), document.get(flow.target_ref)]
        assert all(e is not None for e in ends)
        assert any(isinstance(e, Participant) and not e.process_ref for e in ends) or all(
            isinstance(e, FlowNode) for e in ends
        )


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_metadata_on_collaboration_and_process(path: Path):
    document = load(path)
    data = [metadata(document.collaborations[0]), metadata(document.processes[0])]
    assert data[0] == data[1] and data[0] is not None
    meta = data[0]
    assert meta.category in ("referral", "certificate")
    assert meta.title and meta.version and meta.owner and meta.description
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.valid_from)
    if path.parent.name == "standard":
        assert meta.identifier == path.stem and meta.identifier.startswith("STD-")
    else:
        assert meta.identifier == f"LOK-{path.stem}"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_every_task_has_system_and_medium(path: Path):
    document = load(path)
    for node in document.flow_nodes():
        if isinstance(node, Task):
            props = properties(node)
            assert props.get("system") and props.get("medium"), f"{node.id} lacks system/medium"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_timers_have_iso_8601_values_and_deadlines_are_durations(path: Path):
    duration = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?")
    cycle = re.compile(r"R\d*/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/" + duration.pattern)
    document = load(path)
    for node in document.flow_nodes():
        if "deadline" in properties(node):
            assert duration.fullmatch(properties(node)["deadline"]), node.id
        for definition in getattr(node, "event_definitions", []):
            if isinstance(definition, TimerEventDefinition):
                if definition.time_duration is not None:
                    assert duration.fullmatch(definition.time_duration.body), node.id
                else:
                    assert definition.time_cycle is not None and cycle.fullmatch(definition.time_cycle.body), node.id
        if isinstance(node, BoundaryEvent):
            host = document.get(node.attached_to_ref)
            assert properties(host).get("deadline"), f"{host.id} has a timer but no deadline property"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_gateway_branches_are_labelled(path: Path):
    document = load(path)
    flows = [e for e in document.iter_flow_elements() if isinstance(e, SequenceFlow)]
    for gateway in document.flow_nodes():
        if isinstance(gateway, Gateway) and type(gateway).__name__ == "ExclusiveGateway" and len(gateway.outgoing) > 1:
            for flow in flows:
                if flow.source_ref == gateway.id:
                    assert flow.name, f"unlabelled branch {flow.id}"


# --- diagram interchange ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_everything_is_drawn(path: Path):
    document = load(path)
    drawn = [e for e in document.diagrams[0].plane.elements]
    drawn_ids = {e.bpmn_element for e in drawn}
    semantic = [*document.flow_nodes(), *document.lanes(), *document.collaborations[0].participants]
    semantic += [e for e in document.iter_flow_elements() if isinstance(e, SequenceFlow)]
    semantic += document.collaborations[0].message_flows
    assert sorted(e.id for e in semantic if e.id not in drawn_ids) == []
    for element in semantic:
        drawing = document.drawing_of(element.id)
        if isinstance(element, (SequenceFlow, MessageFlow)):
            assert isinstance(drawing, Edge) and len(drawing.waypoints) >= 2
        else:
            assert isinstance(drawing, Shape) and drawing.bounds is not None
        if isinstance(element, (Event, Gateway)) and element.name:
            assert drawing.label is not None and drawing.label.bounds is not None, f"{element.id} has no label bounds"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_bpmn_io_sizes_and_no_overlapping_nodes(path: Path):
    document = load(path)
    nodes = document.flow_nodes()
    for node in nodes:
        b = bounds_of(document, node.id)
        expected = (100, 80) if isinstance(node, Task) else (50, 50) if isinstance(node, Gateway) else (36, 36)
        assert (b.width, b.height) == expected, node.id
    for a, b in combinations(nodes, 2):
        if (isinstance(a, BoundaryEvent) and a.attached_to_ref == b.id
                or isinstance(b, BoundaryEvent) and b.attached_to_ref == a.id):
            continue
        assert not bounds_of(document, a.id).intersects(bounds_of(document, b.id)), f"{a.id} overlaps {b.id}"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_nodes_lie_inside_their_lane_and_lanes_fill_the_pool(path: Path):
    document = load(path)
    for node in document.flow_nodes():
        lane = document.lane_of(node.id)
        assert bounds_of(document, lane.id).contains(bounds_of(document, node.id)), f"{node.id} outside {lane.id}"
        if isinstance(node, BoundaryEvent):
            host, b = bounds_of(document, node.attached_to_ref), bounds_of(document, node.id)
            assert b.y + b.height / 2 == host.bottom and host.x <= b.x + b.width / 2 <= host.right
    pool = bounds_of(document, next(p.id for p in document.collaborations[0].participants if p.process_ref))
    lanes = sorted((bounds_of(document, lane.id) for lane in document.lanes()), key=lambda b: b.y)
    assert lanes[0].y == pool.y and lanes[-1].bottom == pool.bottom
    for upper, lower in zip(lanes, lanes[1:], strict=False):
        assert upper.bottom == lower.y
    for lane in lanes:
        assert lane.x == pool.x + 30 and lane.right == pool.right
    for participant in document.collaborations[0].participants:
        band = bounds_of(document, participant.id)
        assert band.x == pool.x and band.width == pool.width, "collapsed pools are full-width bands"
        if not participant.process_ref:
            assert band.bottom <= pool.y or band.y >= pool.bottom


def _segments(edge: Edge) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    points = [(w.x, w.y) for w in edge.waypoints]
    return list(zip(points, points[1:], strict=False))


def _crosses(a: tuple[float, float], b: tuple[float, float], box: Bounds) -> bool:
    (x1, x2), (y1, y2) = sorted((a[0], b[0])), sorted((a[1], b[1]))
    if x1 == x2:
        return box.x < x1 < box.right and y1 < box.bottom and y2 > box.y
    return box.y < y1 < box.bottom and x1 < box.right and x2 > box.x


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_edges_are_orthogonal_start_and_end_on_their_shapes_and_pass_no_other_shape(path: Path):
    document = load(path)
    nodes = document.flow_nodes()
    connections = [e for e in document.iter_flow_elements() if isinstance(e, SequenceFlow)]
    connections += document.collaborations[0].message_flows
    for connection in connections:
        edge = document.edge_of(connection.id)
        for a, b in _segments(edge):
            assert a[0] == b[0] or a[1] == b[1], f"{connection.id} is not orthogonal"
        for point, end in ((edge.waypoints[0], connection.source_ref), (edge.waypoints[-1], connection.target_ref)):
            box = bounds_of(document, end)
            on_x = point.x in (box.x, box.right) and box.y <= point.y <= box.bottom
            on_y = point.y in (box.y, box.bottom) and box.x <= point.x <= box.right
            assert on_x or on_y, f"{connection.id} does not end on the border of {end}"
        ends = {connection.source_ref, connection.target_ref}
        for end in ends:
            box = bounds_of(document, end)
            assert not any(_crosses(a, b, box) for a, b in _segments(edge)), f"{connection.id} runs through {end}"
        for node in nodes:
            if node.id in ends or (isinstance(node, BoundaryEvent) and node.attached_to_ref in ends):
                continue
            if any(isinstance(document.get(e), BoundaryEvent) and document.get(e).attached_to_ref == node.id
                   for e in ends):
                continue
            box = bounds_of(document, node.id)
            assert not any(_crosses(a, b, box) for a, b in _segments(edge)), f"{connection.id} passes through {node.id}"


def _overlap(s1, s2) -> float:
    (a, b), (c, d) = s1, s2
    if a[0] == b[0] == c[0] == d[0]:
        lo, hi = max(min(a[1], b[1]), min(c[1], d[1])), min(max(a[1], b[1]), max(c[1], d[1]))
        return max(0.0, hi - lo)
    if a[1] == b[1] == c[1] == d[1]:
        lo, hi = max(min(a[0], b[0]), min(c[0], d[0])), min(max(a[0], b[0]), max(c[0], d[0]))
        return max(0.0, hi - lo)
    return 0.0


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_edges_do_not_run_on_top_of_each_other(path: Path):
    """Only branches leaving the same node or merging into the same node may share a stretch."""
    document = load(path)
    connections = [e for e in document.iter_flow_elements() if isinstance(e, SequenceFlow)]
    connections += document.collaborations[0].message_flows
    for a, b in combinations(connections, 2):
        if isinstance(a, SequenceFlow) and isinstance(b, SequenceFlow):
            if a.source_ref == b.source_ref or a.target_ref == b.target_ref:
                continue
        shared = sum(
            _overlap(s, t) for s in _segments(document.edge_of(a.id)) for t in _segments(document.edge_of(b.id))
        )
        assert shared <= 1, f"{a.id} and {b.id} run on top of each other"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_labels_are_not_cramped(path: Path):
    """Labels overlap no shape and no other label, no line runs through them, none straddles a lane border."""
    document = load(path)
    drawings = document.diagrams[0].plane.elements
    labels = [(d.bpmn_element, d.label.bounds) for d in drawings if d.label is not None and d.label.bounds is not None]
    node_boxes = [(n.id, bounds_of(document, n.id)) for n in document.flow_nodes()]
    lane_boxes = [bounds_of(document, lane.id) for lane in document.lanes()]
    edges = [d for d in drawings if isinstance(d, Edge)]
    for (a, box_a), (b, box_b) in combinations(labels, 2):
        assert not box_a.intersects(box_b), f"labels of {a} and {b} overlap"
    for owner, box in labels:
        for node_id, node_box in node_boxes:
            assert not box.intersects(node_box), f"label of {owner} covers {node_id}"
        for edge in edges:
            if edge.bpmn_element != owner:
                crossing = any(_crosses(p, q, box) for p, q in _segments(edge))
                assert not crossing, f"{edge.bpmn_element} crosses the label of {owner}"
        if any(box.intersects(lane) for lane in lane_boxes):
            assert any(lane.contains(box) for lane in lane_boxes), f"label of {owner} straddles a lane border"


# --- expected changes ------------------------------------------------------------------------


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _local_for(expected_path: Path) -> Path:
    return expected_path.with_name(expected_path.name.removesuffix(".expected.json") + ".bpmn")


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.name)
def test_expected_changes_name_existing_elements_with_allowed_categories(path: Path):
    data = _expected(path)
    assert set(data) == {"standard", "changes"}
    standards = standard_by_identifier()
    assert data["standard"] in standards
    standard, local = load(standards[data["standard"]]), load(_local_for(path))
    assert data["changes"]
    for change in data["changes"]:
        assert set(change) == {"category", "standard_elements", "local_elements", "note"}
        assert change["category"] in CATEGORIES
        assert change["note"].strip()
        assert change["standard_elements"] or change["local_elements"]
        for element_id in change["standard_elements"]:
            assert standard.get(element_id) is not None, f"{element_id} not in {data['standard']}"
        for element_id in change["local_elements"]:
            assert local.get(element_id) is not None, f"{element_id} not in {path.name}"
        if change["category"] == "missing_step":
            assert not change["local_elements"]
        if change["category"] == "extra_step":
            assert not change["standard_elements"]


_ROLE_SYNONYMS = {"medicinsk sekreterare": "vårdadministratör", "sekreterare": "vårdadministratör"}


def _role(document: BpmnDocument, node_id: str) -> str:
    name = re.sub(r"\s*\(.*?\)\s*", " ", document.lane_of(node_id).name or "").strip().lower()
    return _ROLE_SYNONYMS.get(name, name)


def _timer(node) -> str | None:
    for definition in getattr(node, "event_definitions", []):
        if isinstance(definition, TimerEventDefinition):
            expr = definition.time_duration or definition.time_cycle or definition.time_date
            return expr.body
    return None


def _named_nodes(document: BpmnDocument) -> dict[str, FlowNode]:
    """Flow nodes a diff reports; unnamed gateways only route the flow."""
    return {n.id: n for n in document.flow_nodes() if not (isinstance(n, Gateway) and not n.name)}


def _message_flows(document: BpmnDocument) -> dict[tuple[str, str], MessageFlow]:
    return {(f.source_ref, f.target_ref): f for f in document.collaborations[0].message_flows}


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.name)
def test_expected_changes_agree_with_the_files(path: Path):
    data = _expected(path)
    standard, local = load(standard_by_identifier()[data["standard"]]), load(_local_for(path))
    named: dict[str, tuple[set[str], set[str]]] = {c: (set(), set()) for c in CATEGORIES}
    pairs: dict[str, set[tuple[str, str]]] = {c: set() for c in CATEGORIES}
    for change in data["changes"]:
        std, loc = change["standard_elements"], change["local_elements"]
        named[change["category"]][0].update(std)
        named[change["category"]][1].update(loc)
        if len(std) == len(loc):
            pairs[change["category"]].update(zip(std, loc, strict=True))
    any_std = set().union(*(s for s, _ in named.values()))
    any_loc = set().union(*(names for _, names in named.values()))
    std_nodes, loc_nodes = _named_nodes(standard), _named_nodes(local)

    # elements only one side has are named
    assert sorted(set(std_nodes) - set(loc_nodes) - any_std) == [], "standard elements missing locally but not named"
    assert sorted(set(loc_nodes) - set(std_nodes) - any_loc) == [], "local elements not in the standard but not named"

    # elements with the same id: every difference is named, on both sides (the lane of an
    # end event or a gateway is no role: nobody performs it)
    for node_id in sorted(set(std_nodes) & set(loc_nodes)):
        a, b = std_nodes[node_id], loc_nodes[node_id]
        assert type(a) is type(b), f"{node_id} changes its BPMN type"
        pa, pb = properties(a), properties(b)
        checks = {
            "renamed_step": a.name != b.name and not isinstance(a, Gateway),
            "medium_change": (pa.get("system"), pa.get("medium")) != (pb.get("system"), pb.get("medium")),
            "deadline_change": (pa.get("deadline"), _timer(a)) != (pb.get("deadline"), _timer(b)),
            "role_change": _role(standard, node_id) != _role(local, node_id) and not isinstance(a, (Gateway, EndEvent)),
        }
        for category, differs in checks.items():
            if differs:
                assert node_id in named[category][0] and node_id in named[category][1], (
                    f"{category} of {node_id} not named"
                )
        if isinstance(a, Gateway) and a.name != b.name:
            assert node_id in named["decision_change"][0] | named["renamed_step"][0], f"gateway {node_id} relabelled"

    # claimed pairwise differences really are there
    for std_id, loc_id in pairs["renamed_step"]:
        assert standard.get(std_id).name != local.get(loc_id).name, f"renamed_step {std_id}/{loc_id} has equal labels"
    for std_id, loc_id in pairs["medium_change"]:
        pa, pb = properties(standard.get(std_id)), properties(local.get(loc_id))
        assert (pa.get("system"), pa.get("medium")) != (pb.get("system"), pb.get("medium")), f"{std_id}/{loc_id}"
    for std_id, loc_id in pairs["role_change"]:
        assert _role(standard, std_id) != _role(local, loc_id), f"role_change {std_id}/{loc_id} in the same role"

    # message flows between elements both sides have
    std_flows, loc_flows = _message_flows(standard), _message_flows(local)
    messages_named = named["message_change"][0] | named["message_change"][1]
    std_ids = set(std_nodes) | {p.id for p in standard.collaborations[0].participants}
    loc_ids = set(loc_nodes) | {p.id for p in local.collaborations[0].participants}
    for ends, flow in std_flows.items():
        if set(ends) <= loc_ids and (ends not in loc_flows or loc_flows[ends].name != flow.name):
            assert flow.id in messages_named, f"message flow {flow.id} changes but is not named"
    for ends, flow in loc_flows.items():
        if set(ends) <= std_ids and ends not in std_flows:
            assert flow.id in messages_named, f"message flow {flow.id} is new but not named"
