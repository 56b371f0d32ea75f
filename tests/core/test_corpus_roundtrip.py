"""Every BPMN file of the MIWG interoperability corpus loads and round-trips without loss.

The corpus (``../shared/corpora/bpmn-miwg``, see its README.md) holds the 21 reference
models and 322 exports from 17 modelling tools, broken files included. Each test reads
its corpus file once.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from lxml import etree

from process_mapper.core.model import BpmnDocument, Severity
from process_mapper.core.xmlio import read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.safe_xml import parse_xml
from process_mapper.core.xmlio.schema import schema_issues
from tests.support.xml_compare import differences

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bpmn-miwg"
SIGNAVIO = "vendors/SAP Signavio Process Manager 19.9.0"
GENMYMODEL = "vendors/GenMyModel 0.47"
IBM_PD = "vendors/IBM Process Designer 8.0.1"
IGRAFX_FC = "vendors/iGrafx FlowCharter 2013 15.1.1.1580"
IBO = "vendors/ibo Prometheus 3.9.0.0"


def _file_id(relative: str) -> str:
    """A readable test id: ``reference/A.1.0`` or ``bpmn.io (Camunda Modeler) 18.6.1/C.9.0-roundtrip``."""
    return relative.removeprefix("vendors/").removesuffix(".bpmn")


def corpus_params(*patterns: str) -> list:
    """One ``pytest.param`` per corpus file matching ``patterns`` (relative paths, sorted).

    Without the corpus, a single skipped param says where it was looked for.
    """
    if not CORPUS.is_dir():
        skip = pytest.mark.skip(reason=f"BPMN MIWG corpus not found at {CORPUS}")
        return [pytest.param(None, id="no-corpus", marks=skip)]
    files = sorted({p.relative_to(CORPUS).as_posix() for pattern in patterns for p in CORPUS.glob(pattern)})
    return [pytest.param(f, id=_file_id(f)) for f in files]


ALL_FILES = corpus_params("reference/*.bpmn", "vendors/*/*.bpmn")


def load(relative: str) -> tuple[bytes, BpmnDocument]:
    """Read a corpus file once; imports are resolved from its folder, as ``read_bpmn`` does."""
    path = CORPUS / relative
    data = path.read_bytes()
    return data, read_bpmn_bytes(data, path.name, path.parent)


def codes(document: BpmnDocument) -> set[str]:
    return {issue.code for issue in document.issues}


# --- every file -----------------------------------------------------------------------------


def test_corpus_is_complete(corpus_dir: Path) -> None:
    # given the staged corpus
    # when its BPMN files are listed
    references = list(corpus_dir.glob("reference/*.bpmn"))
    exports = list(corpus_dir.glob("vendors/*/*.bpmn"))
    # then the counts match its README (a missing file would silently shrink the suite)
    assert (len(references), len(exports)) == (21, 322)


@pytest.mark.parametrize("relative", ALL_FILES)
def test_file_loads(relative: str) -> None:
    # given a BPMN file written by some tool, possibly broken
    # when it is read
    _, document = load(relative)
    # then it gives a document, and every finding is one line of text
    assert document.definitions is not None
    for issue in document.issues:
        assert issue.message and "\n" not in issue.message, issue


@pytest.mark.parametrize("relative", ALL_FILES)
def test_parents_noted_while_reading_are_those_of_the_tree(relative: str) -> None:
    # given a file as read (the reader notes each record's holder on the way)
    _, document = load(relative)
    records = list(document.definitions.iter_tree())
    noted = [document.parent_of(record) for record in records]
    # when the lookups are built again from a walk of the tree
    document.invalidate()
    walked = [document.parent_of(record) for record in records]
    # then every record has the same holder
    assert all(a is b for a, b in zip(noted, walked, strict=True))
    assert noted[0] is None and all(parent is not None for parent in noted[1:])


@pytest.mark.parametrize("relative", ALL_FILES)
def test_round_trip_loses_nothing(relative: str) -> None:
    # given a file as read by the safe parser (which also repairs the Latin-1 files)
    data, document = load(relative)
    original = parse_xml(data, relative).root
    # when the document is written back
    written = etree.fromstring(to_bytes(document))
    # then the output is the same XML: same elements, attributes, texts and namespaces
    assert differences(original, written) == []


@pytest.mark.parametrize("relative", ALL_FILES)
def test_second_round_trip_is_byte_identical(relative: str) -> None:
    # given the output of a first round trip
    _, document = load(relative)
    first = to_bytes(document)
    # when that output is read and written again
    second = to_bytes(read_bpmn_bytes(first, relative, (CORPUS / relative).parent))
    # then nothing changes any more (saving is idempotent)
    assert second == first


def _xsd_valid_params() -> list:
    """The files MANIFEST.tsv marks valid against the BPMN 2.0 XSD (column 7, ``xsd_valid``)."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return ALL_FILES  # the single skipped param
    valid = set()
    with open(manifest, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            if row["xsd_valid"] == "yes":
                valid.add(row["staged_path"].removeprefix(CORPUS.name + "/"))
    return [param for param in ALL_FILES if param.values[0] in valid]


@pytest.mark.parametrize("relative", _xsd_valid_params())
def test_output_is_schema_valid_when_input_is(relative: str) -> None:
    # given a file the MIWG manifest records as valid against the BPMN 2.0 XSD
    _, document = load(relative)
    # when it is written back
    output = etree.fromstring(to_bytes(document))
    # then the output is valid too
    assert [f"line {i.line}: {i.message}" for i in schema_issues(output)] == []


def test_schema_valid_inputs_are_selected(corpus_manifest: dict[str, dict[str, str]]) -> None:
    # given the manifest (read here through the shared fixture)
    expected = {
        path for path, row in corpus_manifest.items() if path.endswith(".bpmn") and row["xsd_valid"] == "yes"
    }
    # then the parametrisation above covers exactly the valid inputs (21 + 246)
    assert {p.values[0] for p in _xsd_valid_params()} == expected
    assert len(expected) == 267


# --- quirks the corpus README lists -----------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    corpus_params(f"{GENMYMODEL}/C.1.0-*.bpmn", f"{GENMYMODEL}/C.1.1-*.bpmn"),
)
def test_latin1_bytes_declared_as_utf8_are_repaired(relative: str) -> None:
    # given a GenMyModel export that declares UTF-8 but holds Latin-1 bytes ("kl\xe4ren")
    data, document = load(relative)
    assert b"Rechnung kl\xe4ren" in data
    # when it is read
    # then it is read as Latin-1 with a warning
    repaired = [i for i in document.issues if i.code == "encoding-repaired"]
    assert len(repaired) == 1 and repaired[0].severity is Severity.WARNING
    # and the task name has its proper 'ä'
    names = {getattr(r, "name", None) for r in document.definitions.iter_tree()}
    assert "Rechnung klären" in names
    # and the output is proper UTF-8
    assert "Rechnung klären".encode() in to_bytes(document)


def test_all_four_latin1_files_are_covered() -> None:
    # given the GenMyModel files of the README's "wrong encoding" quirk
    params = corpus_params(f"{GENMYMODEL}/C.1.0-*.bpmn", f"{GENMYMODEL}/C.1.1-*.bpmn")
    if params[0].values[0] is None:
        pytest.skip(f"BPMN MIWG corpus not found at {CORPUS}")
    # then there are exactly four
    assert len(params) == 4


@pytest.mark.parametrize("relative", corpus_params(f"{IBM_PD}/A.3.0-*.bpmn"))
def test_namespace_uri_with_spaces_is_repaired(relative: str) -> None:
    # given an IBM Process Designer file declaring xmlns:Process="http://A.3.0/Initial Import/Process"
    data, document = load(relative)
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(data)  # libxml2 alone refuses it
    # when it is read
    # then it loads with a namespace-repaired warning
    assert "namespace-repaired" in codes(document)
    # and the output is namespace-well-formed again
    etree.fromstring(to_bytes(document))


@pytest.mark.parametrize("relative", corpus_params("reference/C.9.0.bpmn", "reference/C.9.2.bpmn"))
def test_import_of_another_bpmn_file_is_resolved(relative: str) -> None:
    # given a reference model that imports C.9.1.bpmn from the same folder
    _, document = load(relative)
    # when it is read
    # then the imported document is loaded under the import's namespace
    imported = document.imported.get("http://bpmn.io/schema/bpmn/Definitions_1")
    assert imported is not None and imported.path is not None and imported.path.name == "C.9.1.bpmn"
    assert imported.get("requestDocument_en") is not None  # C.9.1's process
    assert "import-not-found" not in codes(document)


@pytest.mark.parametrize(
    "relative", corpus_params(f"{SIGNAVIO}/B.1.0-roundtrip.bpmn", f"{SIGNAVIO}/B.2.0-roundtrip.bpmn")
)
def test_duplicate_ids_are_reported(relative: str) -> None:
    # given a Signavio round trip where a globalTask has the id of a process
    _, document = load(relative)
    # when it is read
    # then the repeated id is reported, and the file still loads
    duplicates = [i for i in document.issues if i.code == "duplicate-id"]
    assert [i.element_id for i in duplicates] == ["Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450"]
    assert duplicates[0].element_id in duplicates[0].message


@pytest.mark.parametrize(
    "relative", corpus_params(f"{SIGNAVIO}/C.5.0-roundtrip.1.bpmn", f"{IGRAFX_FC}/B.2.0-export.bpmn")
)
def test_other_duplicate_ids_are_reported(relative: str) -> None:
    # given a repeated ioSpecification (Signavio) or a sequence-flow id used twice (iGrafx)
    _, document = load(relative)
    # when it is read
    # then the repetition is reported, and the file still loads
    assert "duplicate-id" in codes(document)


@pytest.mark.parametrize("relative", corpus_params("reference/C.8.0.bpmn"))
def test_id_repeated_on_a_vendor_element_is_not_a_duplicate(relative: str) -> None:
    # given C.8.0, where a BOC extension element repeats the process id (not an xs:ID there)
    _, document = load(relative)
    # when it is read
    # then no duplicate id is reported
    assert "duplicate-id" not in codes(document)


@pytest.mark.parametrize("relative", corpus_params(f"{IGRAFX_FC}/B.2.0-roundtrip.bpmn"))
def test_dangling_diagram_references_are_reported(relative: str) -> None:
    # given an iGrafx round trip whose 192 shapes and edges draw elements that do not exist
    _, document = load(relative)
    # when it is read
    dangling = [i for i in document.issues if i.code == "dangling-diagram-reference"]
    # then each is a warning, the document still loads and keeps its diagrams
    assert all(i.severity is Severity.WARNING for i in dangling)
    assert sum(i.message.startswith(("BPMNShape", "BPMNEdge")) for i in dangling) == 192
    assert document.diagrams


@pytest.mark.parametrize("relative", corpus_params(f"{IBO}/*.bpmn"))
def test_files_with_a_byte_order_mark_load(relative: str) -> None:
    # given an ibo Prometheus file starting with a UTF-8 byte order mark
    data, document = load(relative)
    assert data.startswith(b"\xef\xbb\xbf")
    # when it is read
    # then it loads, and is written without the mark
    assert document.processes
    assert to_bytes(document).startswith(b"<?xml")


def test_all_eleven_ibo_files_are_covered() -> None:
    params = corpus_params(f"{IBO}/*.bpmn")
    if params[0].values[0] is None:
        pytest.skip(f"BPMN MIWG corpus not found at {CORPUS}")
    assert len(params) == 11
