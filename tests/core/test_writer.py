"""Saving: atomic and permission-preserving, schema-valid, faithful to the source's spelling."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from process_mapper.core.model import (
    Association,
    Bounds,
    BpmnDocument,
    Collaboration,
    ConditionExpression,
    Definitions,
    Diagram,
    Documentation,
    Edge,
    EndEvent,
    ExclusiveGateway,
    Lane,
    LaneSet,
    Participant,
    Plane,
    Point,
    Process,
    SequenceFlow,
    Shape,
    StartEvent,
    Task,
    TextAnnotation,
    UserTask,
)
from process_mapper.core.model.equality import model_differences
from process_mapper.core.model.namespaces import BPMN, DEFAULT_PREFIXES, XSI
from process_mapper.core.xmlio import atomic_write_bytes, read_bpmn, read_bpmn_bytes, to_bytes, write_bpmn
from process_mapper.core.xmlio.schema import schema_issues
from tests.support.xml_compare import differences

NS = {"bpmn": BPMN, "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI", "dc": "http://www.omg.org/spec/DD/20100524/DC"}
ORIGINAL = b"<original/>\n"


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def schema_errors(data: bytes) -> list[str]:
    return [f"line {i.line}: {i.message}" for i in schema_issues(etree.fromstring(data))]


# --- atomic save ------------------------------------------------------------------------------


@pytest.fixture
def existing_target(tmp_path: Path) -> Path:
    target = tmp_path / "model.bpmn"
    target.write_bytes(ORIGINAL)
    return target


def test_failed_rename_leaves_target_and_folder_as_they_were(
    existing_target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an existing file, and a rename that fails (target on a full or read-only disk)
    document = BpmnDocument.new()
    before = folder_listing(existing_target.parent)

    def failing_replace(src: Any, dst: Any) -> None:
        raise OSError(errno.EACCES, "simulated rename failure")

    monkeypatch.setattr(os, "replace", failing_replace)
    # when the document is saved over it
    with pytest.raises(OSError, match="simulated rename failure"):
        write_bpmn(document, existing_target)
    # then the target is untouched, no temporary file is left, and the document was not "saved"
    assert existing_target.read_bytes() == ORIGINAL
    assert folder_listing(existing_target.parent) == before
    assert document.path is None


class _FailingStream:
    """Wraps the temp file: writes half of the data, then the disk is full."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _FailingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def test_failure_in_the_middle_of_writing_leaves_target_intact(
    existing_target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an existing file, and a disk that fills up halfway through the write
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FailingStream(real_fdopen(*a, **k)))
    before = folder_listing(existing_target.parent)
    # when a document is saved over it
    with pytest.raises(OSError) as caught:
        write_bpmn(BpmnDocument.new(), existing_target)
    # then the error is the disk's, the target is untouched and the half-written temp file is gone
    assert caught.value.errno == errno.ENOSPC
    assert existing_target.read_bytes() == ORIGINAL
    assert folder_listing(existing_target.parent) == before


def test_interrupt_during_save_leaves_no_temporary_file(existing_target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given a save interrupted by Ctrl+C while flushing to disk
    def interrupted_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    before = folder_listing(existing_target.parent)
    # when the bytes are saved
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(existing_target, b"<new/>")
    # then the interrupt goes through, the target is untouched, and nothing is left behind
    assert existing_target.read_bytes() == ORIGINAL
    assert folder_listing(existing_target.parent) == before


def test_successful_save_replaces_target_and_leaves_nothing_else(existing_target: Path) -> None:
    # given an existing file
    document = BpmnDocument.new()
    # when a document is saved over it
    write_bpmn(document, existing_target)
    # then the target holds exactly the serialised document, and the folder holds nothing more
    assert existing_target.read_bytes() == to_bytes(document)
    assert folder_listing(existing_target.parent) == [existing_target.name]
    assert document.path == existing_target


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444], ids=oct)
def test_save_keeps_the_permission_bits_of_the_target(existing_target: Path, mode: int) -> None:
    # given an existing file with particular permissions
    os.chmod(existing_target, mode)
    # when a document is saved over it
    write_bpmn(BpmnDocument.new(), existing_target)
    # then the new file has the same permissions
    assert stat.S_IMODE(existing_target.stat().st_mode) == mode


def test_save_to_a_new_file_creates_it(tmp_path: Path) -> None:
    # given a target that does not exist yet
    target = tmp_path / "new.bpmn"
    # when a document is saved there
    write_bpmn(BpmnDocument.new(), target)
    # then it exists, readable by its owner, and nothing else was left
    assert stat.S_IMODE(target.stat().st_mode) & 0o600 == 0o600
    assert folder_listing(tmp_path) == ["new.bpmn"]


# --- schema-valid output of documents made in code -------------------------------------------------


def test_new_document_is_schema_valid_and_reads_back(tmp_path: Path) -> None:
    # given the empty document a modeller starts from
    document = BpmnDocument.new(name="Referral")
    target = tmp_path / "new.bpmn"
    # when it is saved
    write_bpmn(document, target)
    # then the file is valid against the BPMN 2.0 XSD, and reads back clean and the same
    assert schema_errors(target.read_bytes()) == []
    again = read_bpmn(target)
    assert again.issues == []
    assert model_differences(document.definitions, again.definitions) == []


def build_referral_document() -> BpmnDocument:
    """A small process made with the model classes: a pool, two lanes, tasks, a gateway, DI."""
    flows = [
        SequenceFlow(id="Flow_1", source_ref="Start_1", target_ref="Task_Triage"),
        SequenceFlow(id="Flow_2", source_ref="Task_Triage", target_ref="Gateway_Urgent"),
        SequenceFlow(
            id="Flow_3",
            name="yes",
            source_ref="Gateway_Urgent",
            target_ref="Task_Urgent",
            condition_expression=ConditionExpression(
                body="${urgent}", extra_attributes={f"{{{XSI}}}type": "bpmn:tFormalExpression"}
            ),
        ),
        SequenceFlow(id="Flow_4", name="no", source_ref="Gateway_Urgent", target_ref="Task_Routine"),
        SequenceFlow(id="Flow_5", source_ref="Task_Urgent", target_ref="End_1"),
        SequenceFlow(id="Flow_6", source_ref="Task_Routine", target_ref="End_1"),
    ]
    nodes = [
        StartEvent(id="Start_1", name="Referral received", outgoing=["Flow_1"]),
        UserTask(
            id="Task_Triage",
            name="Triage referral",
            documentation=[Documentation(text="Within 2 working days, å ä ö")],
            incoming=["Flow_1"],
            outgoing=["Flow_2"],
        ),
        ExclusiveGateway(
            id="Gateway_Urgent", name="Urgent?", incoming=["Flow_2"], outgoing=["Flow_3", "Flow_4"], default="Flow_4"
        ),
        Task(id="Task_Urgent", name="Book urgent visit", incoming=["Flow_3"], outgoing=["Flow_5"]),
        Task(id="Task_Routine", name="Book routine visit", incoming=["Flow_4"], outgoing=["Flow_6"]),
        EndEvent(id="End_1", name="Visit booked", incoming=["Flow_5", "Flow_6"]),
    ]
    lanes = LaneSet(
        id="LaneSet_1",
        lanes=[
            Lane(id="Lane_Nurse", name="Nurse", flow_node_refs=["Start_1", "Task_Triage", "Gateway_Urgent"]),
            Lane(id="Lane_Clerk", name="Clerk", flow_node_refs=["Task_Urgent", "Task_Routine", "End_1"]),
        ],
    )
    process = Process(
        id="Process_Referral",
        name="Referral",
        is_executable=False,
        lane_sets=[lanes],
        flow_elements=[*nodes, *flows],
        artifacts=[
            TextAnnotation(id="Note_1", text="Urgent = within 24 h"),
            Association(id="Assoc_1", source_ref="Gateway_Urgent", target_ref="Note_1"),
        ],
    )
    collaboration = Collaboration(
        id="Collaboration_1",
        participants=[Participant(id="Pool_Clinic", name="Clinic", process_ref="Process_Referral")],
    )

    def shape(element: str, x: float, y: float, w: float, h: float, **flags: Any) -> Shape:
        return Shape(id=f"{element}_di", bpmn_element=element, bounds=Bounds(x=x, y=y, width=w, height=h), **flags)

    def edge(element: str, *points: tuple[float, float]) -> Edge:
        return Edge(id=f"{element}_di", bpmn_element=element, waypoints=[Point(x=x, y=y) for x, y in points])

    plane = Plane(
        id="Plane_1",
        bpmn_element="Collaboration_1",
        elements=[
            shape("Pool_Clinic", 100, 50, 830, 260, is_horizontal=True),
            shape("Lane_Nurse", 130, 50, 800, 130, is_horizontal=True),
            shape("Lane_Clerk", 130, 180, 800, 130, is_horizontal=True),
            shape("Start_1", 180, 97, 36, 36),
            shape("Task_Triage", 260, 75, 100, 80),
            shape("Gateway_Urgent", 415, 90, 50, 50, is_marker_visible=True),
            shape("Task_Urgent", 520, 200, 100, 80),
            shape("Task_Routine", 680, 200, 100, 80),
            shape("End_1", 842, 222, 36, 36),
            shape("Note_1", 480, 60, 120, 30.5),
            edge("Flow_1", (216, 115), (260, 115)),
            edge("Flow_2", (360, 115), (415, 115)),
            edge("Flow_3", (440, 140), (440, 240), (520, 240)),
            edge("Flow_4", (465, 115), (730, 115), (730, 200)),
            edge("Flow_5", (620, 240), (650, 240), (650, 290), (860, 290), (860, 258)),
            edge("Flow_6", (780, 240), (842, 240)),
            edge("Assoc_1", (465, 105), (480, 75)),
        ],
    )
    definitions = Definitions(
        id="Definitions_Referral",
        target_namespace="urn:example:referral",
        exporter="Process Mapper",
        exporter_version="0.1.0",
        root_elements=[collaboration, process],
        diagrams=[Diagram(id="Diagram_1", name="Referral", plane=plane)],
    )
    definitions.namespace_declarations = {**DEFAULT_PREFIXES, "xsi": XSI}
    return BpmnDocument(definitions)


def test_document_built_in_code_is_schema_valid(tmp_path: Path) -> None:
    # given a process with a pool, lanes, tasks, a gateway, flows and DI, built with the model classes
    document = build_referral_document()
    target = tmp_path / "referral.bpmn"
    # when it is saved
    write_bpmn(document, target)
    # then the file is valid against the BPMN 2.0 XSD
    assert schema_errors(target.read_bytes()) == []


def test_document_built_in_code_reads_back_as_the_same_model(tmp_path: Path) -> None:
    # given the same process, saved
    document = build_referral_document()
    target = tmp_path / "referral.bpmn"
    write_bpmn(document, target)
    # when the file is read back
    again = read_bpmn(target)
    # then it has no findings and says exactly what was built
    assert again.issues == []
    assert model_differences(document.definitions, again.definitions) == []
    # and the lookups work on it
    assert again.lane_of("Task_Urgent").id == "Lane_Clerk"  # type: ignore[union-attr]
    assert again.shape_of("Gateway_Urgent").is_marker_visible is True  # type: ignore[union-attr]


def test_model_comparison_notices_a_change() -> None:
    # given two builds of the same process, one with a renamed task and a moved shape
    a, b = build_referral_document(), build_referral_document()
    b.get("Task_Urgent").name = "Book emergency visit"  # type: ignore[union-attr]
    b.shape_of("End_1").bounds.x = 843  # type: ignore[union-attr]
    # when they are compared
    found = model_differences(a.definitions, b.definitions)
    # then both changes are found (the helper the other tests rely on does compare)
    assert len(found) == 2
    assert any("Book emergency visit" in d for d in found) and any("843" in d for d in found)


# --- the source's spelling survives ----------------------------------------------------------------


def _with_shape(shape_attributes: str, bounds_attributes: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="{BPMN}" xmlns:bpmndi="{NS['bpmndi']}" xmlns:dc="{NS['dc']}"
    id="d" targetNamespace="urn:test">
  <bpmn:process id="p"><bpmn:subProcess id="sp"/></bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
    <bpmndi:BPMNShape id="S" bpmnElement="sp" {shape_attributes}><dc:Bounds {bounds_attributes}/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>""".encode()



@pytest.mark.parametrize(
    ("element", "name", "raw"),
    [
        ("Bounds", "x", "150"),
        ("Bounds", "x", "150.0"),
        ("Bounds", "y", "75.50"),
        ("Bounds", "y", "-0"),
        ("Bounds", "width", "1e2"),
        ("Bounds", "height", "080"),
        ("BPMNShape", "isExpanded", "true"),
        ("BPMNShape", "isExpanded", "false"),
        pytest.param("BPMNShape", "isExpanded", "1"),
        pytest.param("BPMNShape", "isExpanded", "0"),
        ("BPMNShape", "isHorizontal", " true "),
    ],
    ids=lambda v: v if isinstance(v, str) and v.strip() == v else repr(v),
)
def test_attribute_text_is_written_as_the_source_spelt_it(element: str, name: str, raw: str) -> None:
    # given a shape whose attribute is spelt in a particular way
    attributes = f'{name}="{raw}"'
    source = _with_shape(attributes, 'x="1" y="2" width="3" height="4"') if element == "BPMNShape" else _with_shape(
        "", attributes
    )
    # when it is read and written back unchanged
    output = etree.fromstring(to_bytes(read_bpmn_bytes(source, "spelling.bpmn")))
    # then the attribute keeps its exact text
    (node,) = output.iter(f"{{{NS['dc'] if element == 'Bounds' else NS['bpmndi']}}}{element}")
    assert node.get(name) == raw


def test_changed_value_is_written_in_canonical_form() -> None:
    # given a bounds written as x="150.0"
    document = read_bpmn_bytes(_with_shape('isExpanded="true"', 'x="150.0" y="10" width="100" height="80"'), "m.bpmn")
    shape = document.shape_of("sp")
    assert shape is not None and shape.bounds is not None
    # when the shape is moved, then moved back
    shape.bounds.x = 151.0
    moved = etree.fromstring(to_bytes(document))
    shape.bounds.x = 150.0
    back = etree.fromstring(to_bytes(document))
    # then the new value is written canonically, and the old value with the old spelling
    assert next(moved.iter(f"{{{NS['dc']}}}Bounds")).get("x") == "151"
    assert next(back.iter(f"{{{NS['dc']}}}Bounds")).get("x") == "150.0"


def test_missing_bounds_attribute_stays_missing() -> None:
    # given bounds without a height (the model defaults it to 0)
    output = to_bytes(read_bpmn_bytes(_with_shape("", 'x="1" y="2" width="3"'), "m.bpmn"))
    # when written back, then no height="0" was invented
    (bounds,) = etree.fromstring(output).iter(f"{{{NS['dc']}}}Bounds")
    assert bounds.get("height") is None


VENDOR_SOURCE = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="{BPMN}" xmlns:v="urn:vendor" xmlns:w="urn:other" id="d" targetNamespace="urn:test"
    v:first="1" exporter="X" w:second="2" v:third="3">
  <bpmn:process id="p" v:zeta="z" isExecutable="false" w:alpha="a" v:mid="m">
    <!-- before everything -->
    <bpmn:extensionElements>
      <v:b order="1"/>
      <w:a order="2"><w:nested/></w:a>
      <!-- between extensions -->
      <v:c order="3">text</v:c>
    </bpmn:extensionElements>
    <bpmn:task id="t1" name="A" v:colour="red"/>
    <!-- between A and flow -->
    <bpmn:sequenceFlow id="f" sourceRef="t1" targetRef="t2"/>
    <v:unknownFlowThing id="u1"/>
    <bpmn:task id="t2" name="B"/>
    <!-- after B -->
  </bpmn:process>
</bpmn:definitions>
""".encode()


def _output_of(source: bytes) -> etree._Element:
    return etree.fromstring(to_bytes(read_bpmn_bytes(source, "vendor.bpmn")))


def test_unknown_attributes_keep_their_order() -> None:
    # given elements with vendor attributes among the BPMN ones
    # when read and written back
    output = _output_of(VENDOR_SOURCE)
    process = output.find("bpmn:process", NS)
    # then the vendor attributes come in their original relative order
    unknown = [k for k in output.keys() if k.startswith("{urn:")]
    assert unknown == ["{urn:vendor}first", "{urn:other}second", "{urn:vendor}third"]
    unknown_in_process = [k for k in process.keys() if k.startswith("{urn:")]
    assert unknown_in_process == ["{urn:vendor}zeta", "{urn:other}alpha", "{urn:vendor}mid"]


def test_extension_elements_keep_their_order_and_content() -> None:
    # given extensionElements holding elements of two vendors and a comment
    # when read and written back
    output = _output_of(VENDOR_SOURCE)
    extensions = output.find("bpmn:process/bpmn:extensionElements", NS)
    # then the children come in their original order, with their content
    kinds = [c.tag if isinstance(c.tag, str) else "comment" for c in extensions]
    assert kinds == ["{urn:vendor}b", "{urn:other}a", "comment", "{urn:vendor}c"]
    assert extensions[1][0].tag == "{urn:other}nested" and extensions[3].text == "text"


def test_comments_and_unknown_elements_inside_process_content_stay_in_place() -> None:
    # given comments and a vendor element between the flow elements of a process
    # when read and written back
    output = _output_of(VENDOR_SOURCE)
    process = output.find("bpmn:process", NS)
    # then each is where it was
    sequence = [
        f"<!--{c.text.strip()}-->" if isinstance(c, etree._Comment) else etree.QName(c).localname for c in process
    ]
    assert sequence == [
        "<!--before everything-->",
        "extensionElements",
        "task",
        "<!--between A and flow-->",
        "sequenceFlow",
        "unknownFlowThing",
        "task",
        "<!--after B-->",
    ]
    assert differences(etree.fromstring(VENDOR_SOURCE), output) == []


@pytest.mark.parametrize(
    "content",
    [
        pytest.param('Intro <b xmlns="http://www.w3.org/1999/xhtml">bold</b> rest', id="xhtml-in-documentation"),
        pytest.param("first<!-- note -->second", id="comment-in-documentation"),
    ],
)
def test_text_after_carried_content_in_documentation_survives(content: str) -> None:
    # given documentation with mixed content
    source = (f'<definitions xmlns="{BPMN}" id="d" targetNamespace="x">'
              f'<process id="p"><documentation>{content}</documentation></process></definitions>')
    # when read and written back
    output = _output_of(source.encode())
    # then all of its text is still there
    text = "".join(output.find("bpmn:process/bpmn:documentation", NS).itertext())
    original = etree.fromstring(source).find("bpmn:process/bpmn:documentation", NS)
    assert text.split() == "".join(original.itertext()).split()
