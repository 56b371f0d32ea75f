"""Auto-layout with Graphviz (core layer, plain pytest, no Qt).

Every MIWG reference model is laid out with its diagram interchange stripped, and so are
the IBM BlueWorks Live and IBM Process Designer exports, which never had any. Each result
must have a shape per flow node, no overlapping flow nodes, every node inside its lane's
band, orthogonal sequence flows, and (where the input was valid) validate against the XSD.
"""

from __future__ import annotations

import csv
import shutil
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from lxml import etree

from process_mapper.core.layout import (
    GraphvizNotFoundError,
    LayoutOptions,
    apply_layout,
    auto_layout,
    layout_document,
)
from process_mapper.core.model import (
    BoundaryEvent,
    BpmnDocument,
    Edge,
    FlowNode,
    Participant,
    SequenceFlow,
    Shape,
    SubProcess,
)
from process_mapper.core.model.namespaces import BPMNDI, DC, DI
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.schema import schema_issues

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bpmn-miwg"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "layout" / "nested_lanes.bpmn"
WITHOUT_DI = ("IBM BlueWorks Live April 2014", "IBM Process Designer 8.0.1")

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz 'dot'")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"MIWG corpus not found at {CORPUS}")


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    files = sorted((CORPUS / "reference").glob("*.bpmn"))
    for folder in WITHOUT_DI:
        files += sorted((CORPUS / "vendors" / folder).glob("*.bpmn"))
    return files


def _xsd_valid() -> set[str]:
    """Staged paths (relative to the corpus) that MANIFEST.tsv marks valid against the XSD."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return set()
    with manifest.open(newline="", encoding="utf-8") as stream:
        rows = csv.DictReader(stream, delimiter="\t")
        return {row["staged_path"].removeprefix("bpmn-miwg/") for row in rows if row["xsd_valid"] == "yes"}


def _stripped(path: Path) -> BpmnDocument:
    document = read_bpmn(path)
    document.definitions.diagrams.clear()
    document.invalidate()
    return document


def _inside_expanded(document: BpmnDocument, inner: FlowNode, outer: FlowNode) -> bool:
    """True when ``inner`` is (at any depth) content of the sub-process ``outer``."""
    parent = document.parent_of(inner)
    while parent is not None:
        if parent is outer:
            return True
        parent = document.parent_of(parent)
    return False


def _exempt(document: BpmnDocument, a: FlowNode, b: FlowNode) -> bool:
    """Pairs allowed to overlap: a boundary event and its host, a sub-process and its content."""
    for first, second in ((a, b), (b, a)):
        if isinstance(first, BoundaryEvent) and document.resolve(first.attached_to_ref) is second:
            return True
        if isinstance(second, SubProcess) and _inside_expanded(document, first, second):
            return True
    return False


def _check_layout(document: BpmnDocument) -> None:
    """Assert every property auto-layout promises on a laid-out document."""
    nodes = [node for node in document.flow_nodes() if node.id]
    shapes: dict[str, Shape] = {}
    for node in nodes:
        shape = document.shape_of(node.id)  # type: ignore[arg-type]
        assert shape is not None and shape.bounds is not None, f"flow node {node.id} has no shape"
        shapes[node.id] = shape  # type: ignore[index]
    diagram_of = {e.bpmn_element: i for i, d in enumerate(document.diagrams) for e in d.plane.elements}  # type: ignore
    for a, b in combinations(nodes, 2):
        if diagram_of[a.id] != diagram_of[b.id]:
            continue  # each diagram has its own coordinates
        bounds_a, bounds_b = shapes[a.id].bounds, shapes[b.id].bounds  # type: ignore[index]
        if bounds_a.intersects(bounds_b) and not _exempt(document, a, b):  # type: ignore[union-attr,arg-type]
            pytest.fail(f"shapes of {a.id} and {b.id} overlap")
    for node in nodes:
        lane = document.lane_of(node.id)  # type: ignore[arg-type]
        if lane is not None and lane.id:
            lane_shape = document.shape_of(lane.id)
            assert lane_shape is not None and lane_shape.bounds is not None, f"lane {lane.id} has no shape"
            assert lane_shape.bounds.contains(shapes[node.id].bounds), f"{node.id} is outside lane {lane.id}"  # type: ignore
    for flow in document.iter_flow_elements():
        if isinstance(flow, SequenceFlow) and flow.id:
            edge = document.edge_of(flow.id)
            assert edge is not None, f"sequence flow {flow.id} has no edge"
            points = [(p.x, p.y) for p in edge.waypoints]
            assert len(points) >= 2, f"sequence flow {flow.id} has {len(points)} waypoints"
            for (x1, y1), (x2, y2) in pairwise(points):
                assert x1 == x2 or y1 == y2, f"sequence flow {flow.id} has a slanted segment"


@needs_dot
@needs_corpus
@pytest.mark.slow
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name[:12]}/{p.name}")
def test_layout_of_corpus_file(path: Path) -> None:
    # given a MIWG model without diagram interchange
    document = _stripped(path)
    # when it is laid out and written
    result = layout_document(document)
    assert document.definitions.diagrams == [], "layout_document must not change the document"
    apply_layout(document, result)
    data = to_bytes(document)
    # then the layout keeps its promises, read back from the written file too
    assert result.diagrams
    _check_layout(document)
    _check_layout(read_bpmn_bytes(data, path.name))
    if str(path.relative_to(CORPUS)) in _xsd_valid():
        assert schema_issues(etree.fromstring(data)) == []


@needs_dot
def test_fixture_with_nested_lanes_and_black_box_pool() -> None:
    # given a collaboration with nested lanes and a participant without a process
    document = read_bpmn(FIXTURE)
    # when it is laid out
    result = auto_layout(document)
    # then lanes nest as bands, the black box is a pool shape and message flows are drawn
    assert result.warnings == []
    _check_layout(document)
    ward, nurse, doctor = (document.shape_of(i).bounds for i in ("Lane_ward", "Lane_nurse", "Lane_doctor"))  # type: ignore
    assert ward.contains(nurse) and ward.contains(doctor) and not nurse.intersects(doctor)
    assert nurse.x == doctor.x == ward.x + 30 and nurse.right == ward.right
    clinic, lab = document.shape_of("Participant_clinic"), document.shape_of("Participant_lab")
    assert clinic is not None and lab is not None and lab.is_horizontal
    assert lab.bounds.y >= clinic.bounds.bottom and lab.bounds.width == clinic.bounds.width  # type: ignore
    for flow_id in ("Flow_sample", "Flow_result", "Association_chart", "Association_note"):
        edge = document.edge_of(flow_id)
        assert edge is not None and len(edge.waypoints) >= 2
    # boundary event on the lower border of its host, labels below events and gateways
    host, timer = document.shape_of("Task_send").bounds, document.shape_of("Timer_late").bounds  # type: ignore
    assert timer.center[1] == host.bottom and host.x <= timer.center[0] <= host.right
    gateway = document.shape_of("Gateway_ok")
    assert gateway is not None and gateway.is_marker_visible and gateway.label.bounds.y > gateway.bounds.bottom  # type: ignore
    assert schema_issues(etree.fromstring(to_bytes(document))) == []


@needs_dot
@needs_corpus
def test_tidy_up_replaces_existing_diagram_interchange() -> None:
    # given a file drawn by another tool
    document = read_bpmn(CORPUS / "reference" / "A.4.0.bpmn")
    old = document.definitions.diagrams[0]
    old_ids = {e.id for e in old.plane.elements}  # type: ignore[union-attr]
    # when it is tidied up
    replaced = apply_layout(document, layout_document(document))
    # then the old drawing is gone, the diagram keeps its id and name, new ids are derived
    assert replaced == [old]
    [diagram] = document.definitions.diagrams
    assert (diagram.id, diagram.name) == (old.id, old.name)
    elements = diagram.plane.elements  # type: ignore[union-attr]
    assert not old_ids & {e.id for e in elements}
    assert all(e.id == f"{e.bpmn_element}_di" for e in elements if isinstance(e, Shape | Edge))
    ids = [r.id for r in document.definitions.iter_tree() if r.id]
    assert len(ids) == len(set(ids)), "new DI ids must not repeat existing ids"
    _check_layout(document)


@needs_dot
@needs_corpus
def test_one_diagram_per_collaboration_and_unpooled_processes_as_bands() -> None:
    # C.4.0 has four collaborations; A.4.0 a process no participant refers to
    multi = _stripped(CORPUS / "reference" / "C.4.0.bpmn")
    assert [d.plane.bpmn_element for d in layout_document(multi).diagrams] == [c.id for c in multi.collaborations]  # type: ignore
    document = _stripped(CORPUS / "reference" / "A.4.0.bpmn")
    auto_layout(document)
    pool = next(e for e in document.definitions.root_elements for e in e.iter_tree() if isinstance(e, Participant))
    loose = next(p for p in document.processes if p.id != pool.process_ref)
    pool_bounds = document.shape_of(pool.id).bounds  # type: ignore[union-attr]
    for node in document.flow_nodes(loose):
        assert document.shape_of(node.id).bounds.y >= pool_bounds.bottom  # type: ignore[arg-type,union-attr]


@needs_corpus
def test_missing_graphviz_is_a_clear_error(tmp_path: Path) -> None:
    document = _stripped(CORPUS / "reference" / "A.1.0.bpmn")
    with pytest.raises(GraphvizNotFoundError, match="Graphviz"):
        layout_document(document, LayoutOptions(dot_path=str(tmp_path / "no-such-dot")))


@needs_dot
@needs_corpus
def test_di_namespaces_are_declared_when_the_source_had_none() -> None:
    # given a file without diagram whose root does not declare the DI namespaces
    document = read_bpmn(CORPUS / "vendors" / WITHOUT_DI[0] / "A.2.0-export.bpmn")
    declared = document.definitions.namespace_declarations
    for prefix in [p for p, uri in declared.items() if uri in (BPMNDI, DC, DI)]:
        del declared[prefix]
    # when it is laid out and written
    auto_layout(document)
    root = etree.fromstring(to_bytes(document))
    # then the usual prefixes are declared on the root
    assert {root.nsmap.get("bpmndi"), root.nsmap.get("dc"), root.nsmap.get("di")} == {BPMNDI, DC, DI}
