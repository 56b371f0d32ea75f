"""What Process Mapper writes opens cleanly in bpmn-moddle, the reader behind bpmn.io and Camunda.

All files go to one Node.js process (``tests/node/moddle_check.mjs``): the outputs, and the
inputs too, because some corpus files already make bpmn-moddle warn. For those, the output
may not warn more than its input, and the input's warnings are listed below as known.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from process_mapper.core.editing import DocumentEditor, Edit
from process_mapper.core.layout import auto_layout
from process_mapper.core.model import BpmnDocument, FlowNode, Participant
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes, write_bpmn
from process_mapper.core.xmlio.schema import schema_issues

node_support = pytest.importorskip("tests.core.node_support", reason="tests/core/node_support.py is missing")

pytestmark = [
    pytest.mark.node,
    pytest.mark.skipif(not node_support.moddle_available(), reason="needs node and `npm ci` in tests/node"),
]

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bpmn-miwg"
PATTERNS = (
    "reference/*.bpmn",
    "vendors/bpmn.io (Camunda Modeler) 18.6.1/*.bpmn",
    "vendors/SAP Signavio Process Manager 19.9.0/*.bpmn",
)
SAMPLES = Path(__file__).resolve().parents[2] / "sample_processes"
SIGNAVIO = "vendors/SAP Signavio Process Manager 19.9.0"

#: Inputs that already make bpmn-moddle 10.3.1 warn, by warning kind. Each is a defect of the
#: input that Process Mapper deliberately keeps (lossless round trip), except the encoding one,
#: which disappears because we always write UTF-8.
KNOWN_INPUT_WARNINGS: dict[str, dict[str, int]] = {
    # the file declares ISO-8859-1, which bpmn-moddle does not support (it reads UTF-8)
    "reference/A.1.0.bpmn": {"unsupported document encoding": 1},
    "reference/A.2.0.bpmn": {"unsupported document encoding": 1},
    "reference/A.3.0.bpmn": {"unsupported document encoding": 1},
    "reference/A.4.0.bpmn": {"unsupported document encoding": 1},
    "reference/B.1.0.bpmn": {"unsupported document encoding": 1},
    "reference/B.2.0.bpmn": {"unsupported document encoding": 1},
    # <outMessageRef>triso:unspecified</outMessageRef> in operations: a Trisotech placeholder
    "reference/C.8.1.bpmn": {"unresolved reference": 3},
    # references to elements Signavio did not export (its own dangling references)
    f"{SIGNAVIO}/B.1.0-export.bpmn": {"unresolved reference": 4},
    f"{SIGNAVIO}/B.2.0-export.bpmn": {"unresolved reference": 12},
    f"{SIGNAVIO}/C.8.1-roundtrip.bpmn": {"unresolved reference": 11},
    # a globalTask with a process's id: moddle drops the second element, so references to it dangle
    f"{SIGNAVIO}/B.1.0-roundtrip.bpmn": {"duplicate ID": 1, "unresolved reference": 6},
    f"{SIGNAVIO}/B.2.0-roundtrip.bpmn": {"duplicate ID": 1, "unresolved reference": 32},
    # an ioSpecification repeated with the same ids
    f"{SIGNAVIO}/C.5.0-roundtrip.1.bpmn": {"duplicate ID": 1},
}


def normalised(warning: str) -> str:
    """The warning without its line and column, which differ between input and output."""
    return re.sub(r"\s*line: \d+\s*column: \d+", "", warning).strip()


def kind(warning: str) -> str:
    for known in ("duplicate ID", "unresolved reference", "unsupported document encoding"):
        if known in warning:
            return known
    return normalised(warning)


def _files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted({p.relative_to(CORPUS).as_posix() for pattern in PATTERNS for p in CORPUS.glob(pattern)})


def _params() -> list:
    files = _files()
    if not files:
        skip = pytest.mark.skip(reason=f"BPMN MIWG corpus not found at {CORPUS}")
        return [pytest.param(None, id="no-corpus", marks=skip)]
    return [pytest.param(f, id=f.removeprefix("vendors/").removesuffix(".bpmn")) for f in files]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """``relative path -> (verdict on the input, verdict on our output)``, from one Node.js run.

    Each corpus file is read once, written once, and both files are checked together.
    """
    out_dir = tmp_path_factory.mktemp("moddle")
    files = _files()
    inputs, outputs = [], []
    for number, relative in enumerate(files):
        source = CORPUS / relative
        document = read_bpmn_bytes(source.read_bytes(), source.name, source.parent)
        target = out_dir / f"{number:03d}-{source.name}"
        write_bpmn(document, target)
        inputs.append(source)
        outputs.append(target)
    results = node_support.moddle_check([*inputs, *outputs])
    return {relative: (results[i], results[len(files) + i]) for i, relative in enumerate(files)}


@pytest.mark.parametrize("relative", _params())
def test_output_opens_in_bpmn_moddle_without_new_warnings(
    relative: str, verdicts: dict[str, tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    # given a corpus file and what Process Mapper wrote after reading it
    before, after = verdicts[relative]
    # when bpmn-moddle reads both
    # then our output parses
    assert after["ok"], after["error"]
    assert after["root"] == "bpmn:Definitions"
    known = KNOWN_INPUT_WARNINGS.get(relative)
    if known is None:
        # and, when the input is clean, the output is too
        assert before["warnings"] == [], "the input warns: add it to KNOWN_INPUT_WARNINGS"
        assert after["warnings"] == []
    else:
        # and, when the input already warns, it warns as listed, and the output warns no more
        assert dict(Counter(kind(w) for w in before["warnings"])) == known
        extra = Counter(normalised(w) for w in after["warnings"]) - Counter(normalised(w) for w in before["warnings"])
        assert extra == Counter()


def test_known_warnings_are_all_in_the_selection() -> None:
    # given the list of inputs known to warn
    files = set(_files())
    if not files:
        pytest.skip(f"BPMN MIWG corpus not found at {CORPUS}")
    # then each is a file the test above checks (a typo would silently relax nothing)
    assert set(KNOWN_INPUT_WARNINGS) <= files


def test_new_document_opens_in_bpmn_moddle_without_warnings(tmp_path: Path) -> None:
    # given the empty document a modeller starts from, saved
    target = tmp_path / "new.bpmn"
    write_bpmn(BpmnDocument.new(name="Referral"), target)
    # when bpmn-moddle reads it
    (verdict,) = node_support.moddle_check([target])
    # then it parses without any warning
    assert verdict["ok"], verdict["error"]
    assert verdict["warnings"] == []
    assert verdict["root"] == "bpmn:Definitions"


def test_moddle_harness_reports_warnings(tmp_path: Path) -> None:
    # given a file with a reference to nothing (so the harness has something to report)
    target = tmp_path / "dangling.bpmn"
    target.write_bytes(
        to_bytes(BpmnDocument.new()).replace(
            b'<bpmn:process id="Process_1" isExecutable="false"/>',
            b'<bpmn:process id="Process_1" isExecutable="false">'
            b'<bpmn:sequenceFlow id="f" sourceRef="nowhere"/></bpmn:process>',
        )
    )
    # when bpmn-moddle reads it
    (verdict,) = node_support.moddle_check([target])
    # then the warning comes through (the clean verdicts above are not a broken harness)
    assert any("unresolved reference <nowhere>" in w for w in verdict["warnings"])


def _drawn_referral() -> BpmnDocument:
    """A referral process drawn from an empty document with the core's edits, as the modeller does."""
    document = BpmnDocument.new(name="Remiss")
    editor = DocumentEditor(document)

    def added(edit: Edit, kind: type) -> str:
        (new,) = [i for i in edit.apply().added if isinstance(document.index.get(i), kind)]
        return new

    pool = added(editor.create_pool((400, 200), "Mottagningen"), Participant)
    editor.add_lane(pool, name="Vårdadministratör").apply()
    editor.add_lane(pool, name="Läkare").apply()
    editor.resize(pool, (100.0, 75.0, 1000.0, 500.0)).apply()
    steps = [added(editor.create_shape(kind, pool, (x, y), name), FlowNode) for kind, x, y, name in (
        ("startEvent:message", 200, 150, "Remiss mottagen"), ("userTask", 320, 150, "Registrera remiss"),
        ("userTask", 480, 380, "Bedöma remiss"), ("exclusiveGateway", 640, 380, "Anta?"),
        ("userTask", 780, 380, "Boka tid"), ("endEvent", 920, 380, "Klar"))]
    for source, target in pairwise(steps):
        editor.connect(source, target).apply()
    editor.set_deadline(steps[2], "P3D").apply()
    return document


def test_drawn_and_auto_laid_out_diagrams_open_in_bpmn_moddle_without_warnings(tmp_path: Path) -> None:
    # given a process drawn from scratch with the editor's operations, and a standard whose
    # diagram was thrown away and laid out again by the core's auto-layout
    drawn = _drawn_referral()
    standard = read_bpmn(SAMPLES / "standard" / "STD-REM-IN.bpmn")
    standard.definitions.diagrams = []
    standard.invalidate()
    auto_layout(standard)
    targets = [tmp_path / "drawn.bpmn", tmp_path / "laid-out.bpmn"]
    for document, target in zip((drawn, standard), targets, strict=True):
        write_bpmn(document, target)
    # when bpmn-moddle reads them
    verdicts = node_support.moddle_check(targets)
    # then both are schema-valid, parse without any warning and carry their diagram
    for target, verdict in zip(targets, verdicts, strict=True):
        assert schema_issues(etree.fromstring(target.read_bytes())) == [], target.name
        assert verdict["ok"], verdict["error"]
        assert verdict["warnings"] == [], target.name
        assert b"bpmndi:BPMNShape" in target.read_bytes() and b"bpmndi:BPMNEdge" in target.read_bytes()
