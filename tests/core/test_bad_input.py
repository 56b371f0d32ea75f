"""Broken, hostile and foreign input is refused with one clear sentence, and nothing is written.

Each case runs the flow of ``process-mapper convert``: read the input, then write it to a
target that already exists. A refused read must leave the target (and its folder) as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

from process_mapper.core.model import BpmnDocument, Severity
from process_mapper.core.xmlio import BpmnReadError, read_bpmn, read_bpmn_bytes, to_bytes, write_bpmn
from process_mapper.core.xmlio import reader as reader_module
from process_mapper.core.xmlio.safe_xml import MAX_FILE_BYTES

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bpmn-miwg"
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
ORIGINAL = b"<original target, must survive/>\n"


def bpmn(body: str, prolog: str = "") -> bytes:
    """A small BPMN document with ``body`` inside ``<definitions>``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}\n'
        f'<definitions xmlns="{BPMN_NS}" id="Definitions_1" targetNamespace="urn:test">{body}</definitions>'
    ).encode()


def convert(source: Path, target: Path) -> BpmnDocument:
    """What ``convert`` does: read, then save over the target."""
    document = read_bpmn(source)
    write_bpmn(document, target)
    return document


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """``(input folder, existing target)``, in separate folders so leftovers are easy to spot."""
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    target = outbox / "target.bpmn"
    target.write_bytes(ORIGINAL)
    return inbox, target


def refused(source: Path, target: Path) -> str:
    """Run the convert flow, expect a BpmnReadError; check its form and that nothing was written."""
    before = sorted(target.parent.iterdir())
    with pytest.raises(BpmnReadError) as caught:
        convert(source, target)
    message = str(caught.value)
    assert message.strip(), "empty message"
    assert "\n" not in message, f"message is not one line: {message!r}"
    assert source.name in message, f"message does not name the file: {message!r}"
    assert "Traceback" not in message and "lxml" not in message
    assert target.read_bytes() == ORIGINAL
    assert sorted(target.parent.iterdir()) == before
    return message


# --- not XML at all ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "keywords"),
    [
        pytest.param(b"", ["empty"], id="empty-file"),
        pytest.param(b" \n\t\r\n  \n", ["empty"], id="whitespace-only"),
        pytest.param(os.urandom(4096) + b"\x00garbage\x00", ["not an XML file"], id="binary-garbage"),
        pytest.param(
            b"<\x00\x01\x02\xff\xfe" + bytes(range(256)) * 8, ["not an XML file"], id="binary-starting-with-lt"
        ),
        pytest.param(b"PK\x03\x04" + bytes(200), ["not an XML file"], id="zip-archive"),
        pytest.param(b"Task A -> Task B\n", ["not an XML file"], id="plain-text"),
    ],
)
def test_input_that_is_not_xml_is_refused(
    workspace: tuple[Path, Path], content: bytes, keywords: list[str]
) -> None:
    # given a file with no XML in it
    inbox, target = workspace
    source = inbox / "input.bpmn"
    source.write_bytes(content)
    # when it is converted
    message = refused(source, target)
    # then the message says what is wrong
    for word in keywords:
        assert word in message


def _reference_params() -> list:
    if not CORPUS.is_dir():
        skip = pytest.mark.skip(reason=f"BPMN MIWG corpus not found at {CORPUS}")
        return [pytest.param(None, id="no-corpus", marks=skip)]
    return [pytest.param(p.name, id=p.stem) for p in sorted((CORPUS / "reference").glob("*.bpmn"))]


@pytest.mark.parametrize("name", _reference_params())
def test_truncated_file_is_refused(workspace: tuple[Path, Path], name: str) -> None:
    # given a reference model cut in half, as an interrupted download leaves it
    inbox, target = workspace
    data = (CORPUS / "reference" / name).read_bytes()
    source = inbox / name
    source.write_bytes(data[: len(data) // 2])
    # when it is converted
    message = refused(source, target)
    # then the message says it cannot be read, and where
    assert "cannot be read" in message
    assert "line" in message


def test_truncated_file_is_called_truncated(workspace: tuple[Path, Path]) -> None:
    # given a file that ends in the middle of a start tag
    inbox, target = workspace
    source = inbox / "cut.bpmn"
    source.write_bytes(bpmn('<process id="p"><task id="t1"/><task id="t2" name="Che'))
    # when it is converted
    message = refused(source, target)
    # then the message points at the likely cause, and gives the line once
    assert "truncated" in message
    assert message.count("line") == 1


# --- XML, but not BPMN 2.0 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "keywords"),
    [
        pytest.param(
            b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>'
            b"</head><body><p>Process</p></body></html>",
            ["not BPMN", "<html>", "http://www.w3.org/1999/xhtml"],
            id="xhtml",
        ),
        pytest.param(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>',
            ["not BPMN", "<svg>"],
            id="svg",
        ),
        pytest.param(b"<process><task id='a'/></process>", ["not BPMN", "<process>"], id="no-namespace"),
        pytest.param(
            b'<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0" id="d" targetNamespace="x">'
            b'<process id="p"><task id="t"/></process></definitions>',
            ["not BPMN 2.0", "http://schema.omg.org/spec/BPMN/2.0", BPMN_NS],
            id="bpmn-2.0-beta-namespace",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://www.wfmc.org/2008/XPDL2.1" Id="pkg">'
            b"<WorkflowProcesses><WorkflowProcess Id='wp'/></WorkflowProcesses></Package>",
            ["not BPMN 2.0", "<Package>", "XPDL"],
            id="xpdl-package",
        ),
        pytest.param(
            f'<process xmlns="{BPMN_NS}" id="p"><task id="t"/></process>'.encode(),
            ["not a BPMN document", "<process>", "<definitions>"],
            id="bpmn-fragment",
        ),
    ],
)
def test_xml_that_is_not_bpmn_2_is_refused(workspace: tuple[Path, Path], content: bytes, keywords: list[str]) -> None:
    # given an XML document of another kind
    inbox, target = workspace
    source = inbox / "other.xml"
    source.write_bytes(content)
    # when it is converted
    message = refused(source, target)
    # then the message names what it found instead
    for word in keywords:
        assert word in message


# --- hostile XML ----------------------------------------------------------------------------------


def everything_in(document: BpmnDocument) -> str:
    """All text a document holds: typed values, carried attributes and carried XML."""
    parts: list[str] = []
    for record in document.definitions.iter_tree():
        for bound in type(record).xml_fields:
            value = getattr(record, bound.name)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list):
                parts.extend(v for v in value if isinstance(v, str))
        parts.extend(record.extra_attributes.values())
        parts.extend(record.original_text.values())
        for _, node in record.foreign:
            parts.append(etree.tostring(node, encoding="unicode"))
            if isinstance(node.tag, str):
                parts.extend(v for sub in node.iter() for v in sub.attrib.values())
                parts.extend(sub.text or "" for sub in node.iter())
    parts.extend(issue.message for issue in document.issues)
    return "\n".join(parts)


SECRET = "TOP-SECRET-4f1c9e"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _xxe_cases(secret: Path, dtd_folder: Path) -> dict[str, bytes]:
    uri = secret.as_uri()
    (dtd_folder / "external.dtd").write_text(
        f'<!ENTITY leak SYSTEM "{uri}">\n<!ENTITY copy "{SECRET}">\n', encoding="utf-8"
    )
    dtd_uri = (dtd_folder / "external.dtd").as_uri()
    return {
        "system-entity-in-text": bpmn(
            '<process id="p"><documentation>&leak;</documentation></process>',
            f'\n<!DOCTYPE definitions [<!ENTITY leak SYSTEM "{uri}">]>',
        ),
        "system-entity-in-extension": bpmn(
            '<process id="p"><extensionElements><v:x xmlns:v="urn:v">&leak;</v:x></extensionElements></process>',
            f'\n<!DOCTYPE definitions [<!ENTITY leak SYSTEM "{uri}">]>',
        ),
        "parameter-entity": bpmn(
            '<process id="p"/>',
            f'\n<!DOCTYPE definitions [<!ENTITY % leak SYSTEM "{uri}"> %leak;]>',
        ),
        "external-dtd-entity-in-text": bpmn(
            '<process id="p"><documentation>a&leak;b</documentation></process>',
            f'\n<!DOCTYPE definitions SYSTEM "{dtd_uri}">',
        ),
        "external-dtd-entity-in-extension": bpmn(
            '<process id="p"><extensionElements><v:x xmlns:v="urn:v">&leak;</v:x></extensionElements></process>',
            f'\n<!DOCTYPE definitions SYSTEM "{dtd_uri}">',
        ),
        "external-dtd-entity-in-attribute": bpmn(
            '<process id="p" name="&copy;"/>',
            f'\n<!DOCTYPE definitions SYSTEM "{dtd_uri}">',
        ),
        "external-dtd-is-the-secret": bpmn('<process id="p"/>', f'\n<!DOCTYPE definitions SYSTEM "{uri}">'),
    }



@pytest.mark.parametrize(
    "case",
    [
        "system-entity-in-text",
        "system-entity-in-extension",
        "parameter-entity",
        "external-dtd-entity-in-text",
        "external-dtd-entity-in-extension",
        "external-dtd-entity-in-attribute",
        "external-dtd-is-the-secret",
    ],
)
def test_external_entities_never_read_local_files(
    workspace: tuple[Path, Path], secret_file: Path, case: str
) -> None:
    # given a file whose entities point at a secret file on this machine
    inbox, target = workspace
    source = inbox / f"{case}.bpmn"
    source.write_bytes(_xxe_cases(secret_file, inbox)[case])
    # when it is converted
    try:
        document = convert(source, target)
    except BpmnReadError as error:
        # then either the read is refused, without quoting the secret and without writing
        message = str(error)
        assert SECRET not in message
        assert "\n" not in message and source.name in message
        assert target.read_bytes() == ORIGINAL
        return
    # or the entity is not expanded: the secret is nowhere in the model or the output
    assert SECRET not in everything_in(document)
    assert SECRET.encode() not in target.read_bytes()
    assert target.read_bytes() != ORIGINAL  # the convert did happen


def test_internal_entities_are_refused_with_a_reason(workspace: tuple[Path, Path]) -> None:
    # given a file declaring a harmless internal entity
    inbox, target = workspace
    source = inbox / "entity.bpmn"
    source.write_bytes(bpmn('<process id="p" name="&n;"/>', '\n<!DOCTYPE definitions [<!ENTITY n "Name">]>'))
    # when it is converted
    message = refused(source, target)
    # then the message says entities are refused
    assert "entities" in message and "DOCTYPE" in message


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return bpmn(
        '<process id="p" name="&lol9;"><documentation>&lol9;</documentation></process>',
        "\n<!DOCTYPE definitions [\n" + "\n".join(entities) + "\n]>",
    )


def test_billion_laughs_is_refused_fast_and_small(workspace: tuple[Path, Path]) -> None:
    # given an entity bomb that expands to 3 GB
    inbox, target = workspace
    source = inbox / "lol.bpmn"
    source.write_bytes(_billion_laughs())
    # when it is converted
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = refused(source, target)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # then it is refused within 2 s, using little memory, for the right reason
    assert elapsed < 2.0
    assert peak < 50 * 1024 * 1024
    assert "entities" in message


@pytest.mark.skipif(sys.platform != "linux", reason="peak RSS (ru_maxrss in KiB) is measured the Linux way")
def test_billion_laughs_peak_memory_of_a_fresh_process(tmp_path: Path) -> None:
    # given the entity bomb, and a fresh interpreter (tracemalloc cannot see libxml2's memory)
    source = tmp_path / "lol.bpmn"
    source.write_bytes(_billion_laughs())
    script = textwrap.dedent(
        """
        import resource, sys, time
        from process_mapper.core.xmlio import BpmnReadError, read_bpmn
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        try:
            read_bpmn(sys.argv[1])
        except BpmnReadError:
            pass
        elapsed = time.perf_counter() - started
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, elapsed)
        """
    )
    # when it is read there
    result = subprocess.run(
        [sys.executable, "-c", script, str(source)], capture_output=True, text=True, timeout=60, check=True
    )
    growth_kib, elapsed = result.stdout.split()
    # then the process grew by less than 50 MB and took less than 2 s
    assert int(growth_kib) < 50 * 1024
    assert float(elapsed) < 2.0


def test_file_over_the_size_limit_is_refused_before_parsing(
    workspace: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a 100 MB file: a valid start, then padding inside a documentation element
    inbox, target = workspace
    source = inbox / "huge.bpmn"
    head = bpmn('<process id="p"><documentation>').removesuffix(b"</definitions>")
    chunk = b" " * (1 << 20)
    with open(source, "wb") as stream:
        stream.write(head)
        for _ in range(100):
            stream.write(chunk)
        stream.write(b"</documentation></process></definitions>")
    assert source.stat().st_size > 100 * 1024 * 1024 > MAX_FILE_BYTES

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(reader_module, "parse_xml", no_parsing)
    # when it is converted
    started = time.perf_counter()
    message = refused(source, target)
    # then it is refused at once, with the sizes
    assert time.perf_counter() - started < 1.0
    assert "100 MB" in message and f"{MAX_FILE_BYTES // 1048576} MB" in message


def test_bytes_over_the_size_limit_are_refused_before_parsing() -> None:
    # given more bytes than the limit, already in memory
    data = b"<" + bytes(MAX_FILE_BYTES)
    # when they are read
    with pytest.raises(BpmnReadError) as caught:
        read_bpmn_bytes(data, "pasted.bpmn")
    # then the size is the reason
    assert "pasted.bpmn" in str(caught.value) and "MB" in str(caught.value)


def _nested(depth: int) -> bytes:
    """``depth`` vendor elements nested inside the process's extensionElements."""
    inner = '<v:n xmlns:v="urn:vendor">' + "<v:n>" * (depth - 1) + "</v:n>" * depth
    return bpmn(f'<process id="p"><extensionElements>{inner}</extensionElements></process>')


def test_deep_nesting_is_refused_with_a_clear_reason(workspace: tuple[Path, Path]) -> None:
    # given 10,000 nested elements inside extensionElements
    inbox, target = workspace
    source = inbox / "deep.bpmn"
    source.write_bytes(_nested(10_000))
    # when it is converted (a RecursionError would escape pytest.raises(BpmnReadError))
    message = refused(source, target)
    # then the message talks about nesting depth
    assert "nested" in message and "deep" in message


def test_nesting_below_the_limit_loads_and_round_trips(tmp_path: Path) -> None:
    # given 200 nested vendor elements: deep, but under the 256 levels libxml2 allows
    source = tmp_path / "deep-ok.bpmn"
    source.write_bytes(_nested(200))
    # when it is read and written
    document = read_bpmn(source)
    output = etree.fromstring(to_bytes(document))
    # then all the levels are still there
    assert sum(1 for _ in output.iter("{urn:vendor}n")) == 200


# --- readable, with problems ----------------------------------------------------------------------


def test_dangling_source_ref_loads_with_an_error(tmp_path: Path) -> None:
    # given a sequence flow whose source does not exist
    source = tmp_path / "dangling.bpmn"
    source.write_bytes(
        bpmn(
            '<process id="p"><task id="Task_B"/>'
            '<sequenceFlow id="Flow_1" sourceRef="Task_Missing" targetRef="Task_B"/></process>'
        )
    )
    # when it is read
    document = read_bpmn(source)
    # then it loads, with an ERROR naming the flow and the missing id
    dangling = [i for i in document.issues if i.code == "dangling-reference"]
    assert len(dangling) == 1
    issue = dangling[0]
    assert issue.severity is Severity.ERROR
    assert issue.element_id == "Flow_1"
    assert "Flow_1" in issue.message and "Task_Missing" in issue.message and "sourceRef" in issue.message


def test_latin1_declared_as_utf8_is_repaired_and_saved_as_utf8(workspace: tuple[Path, Path]) -> None:
    # given a file that says UTF-8 but holds the Latin-1 bytes of 'å ä ö'
    inbox, target = workspace
    source = inbox / "svenska.bpmn"
    source.write_bytes(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<definitions xmlns="{BPMN_NS}" id="d" targetNamespace="urn:test">'
        '<process id="p" name="Bedöm vårdbehov"><task id="t" name="å ä ö"/></process></definitions>'.encode("latin-1")
    )
    # when it is converted
    document = convert(source, target)
    # then it loaded with a warning and the right characters
    repaired = [i for i in document.issues if i.code == "encoding-repaired"]
    assert len(repaired) == 1 and repaired[0].severity is Severity.WARNING
    assert "svenska.bpmn" in repaired[0].message
    assert document.get("t").name == "å ä ö"  # type: ignore[union-attr]
    assert document.processes[0].name == "Bedöm vårdbehov"
    # and it was written as valid UTF-8 that reads back cleanly
    text = target.read_bytes().decode("utf-8")  # strict: raises on any non-UTF-8 byte
    assert "å ä ö" in text and "Bedöm vårdbehov" in text
    again = read_bpmn(target)
    assert again.issues == [] and again.get("t").name == "å ä ö"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "usage",
    [
        pytest.param('<process id="p" v:colour="red"/>', id="vendor-attribute"),
        pytest.param('<process id="p"><extensionElements><v:x/></extensionElements></process>', id="vendor-element"),
    ],
)
def test_namespace_with_spaces_in_use_is_repaired_and_saved(workspace: tuple[Path, Path], usage: str) -> None:
    # given a vendor namespace URI with a space (as IBM Process Designer writes), used in the content
    inbox, target = workspace
    source = inbox / "spaces.bpmn"
    source.write_bytes(bpmn(usage).replace(b"<definitions ", b'<definitions xmlns:v="urn:vendor/Initial Import" ', 1))
    # when it is converted
    document = convert(source, target)
    # then it loaded with a warning, and was saved as namespace-well-formed XML keeping the vendor content
    assert [i.code for i in document.issues] == ["namespace-repaired"]
    output = etree.fromstring(target.read_bytes())
    assert any(
        "urn:vendor/Initial" in name
        for node in output.iter()
        for name in [node.tag, *node.keys()]
        if isinstance(name, str)
    )


def test_utf16_file_loads_or_is_named_as_utf16(workspace: tuple[Path, Path]) -> None:
    # given a BPMN file saved as UTF-16 with a byte order mark (some Windows tools do)
    inbox, target = workspace
    source = inbox / "utf16.bpmn"
    source.write_bytes(bpmn('<process id="p" name="Bedöm"/>').decode().replace("UTF-8", "UTF-16").encode("utf-16"))
    # when it is converted
    try:
        document = convert(source, target)
    except BpmnReadError as error:
        # then either the message names the real reason
        assert "UTF-16" in str(error)
        return
    # or it is read correctly
    assert document.processes[0].name == "Bedöm"


# --- the kind of problem, for an interface that words it in its own language -------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"Task A -> Task B\n", "not-xml", id="not-xml"),
        pytest.param(bpmn("", '<!DOCTYPE d [<!ENTITY a "b">]>'), "unsafe-doctype", id="unsafe-doctype"),
        pytest.param(b"<a>" * 300 + b"</a>" * 300, "too-deep", id="too-deep"),
        pytest.param(bpmn("<process id='P'>")[:-40], "truncated", id="truncated"),
        pytest.param(b"<a><b></a>\n<c/>\n", "malformed", id="malformed"),
        pytest.param(b"<definitions xmlns='http://www.omg.org/bpmn20'/>", "not-bpmn-2", id="bpmn-draft"),
        pytest.param(f"<process xmlns='{BPMN_NS}'/>".encode(), "not-bpmn", id="bpmn-but-not-definitions"),
        pytest.param(b"<html/>", "not-bpmn", id="other-xml"),
    ],
)
def test_a_refusal_says_what_kind_of_problem_it_is(workspace: tuple[Path, Path], content: bytes, code: str) -> None:
    inbox, _ = workspace
    source = inbox / "input.bpmn"
    source.write_bytes(content)
    with pytest.raises(BpmnReadError) as caught:
        read_bpmn(source)
    assert caught.value.code == code, str(caught.value)


def test_a_missing_file_and_a_folder_have_their_own_kind(tmp_path: Path) -> None:
    with pytest.raises(BpmnReadError) as missing:
        read_bpmn(tmp_path / "saknas.bpmn")
    with pytest.raises(BpmnReadError) as folder:
        read_bpmn(tmp_path)
    assert (missing.value.code, folder.value.code) == ("not-found", "is-folder")
