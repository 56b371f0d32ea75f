"""The ``process-mapper`` command line, run as a real process (cli layer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from process_mapper import __version__
from process_mapper.core.xmlio import read_bpmn
from tests.support.xml_compare import differences

#: A small valid model: start event, task, end event.
VALID = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <process id="P" isExecutable="false">
    <startEvent id="S" name="Referral received"/>
    <task id="T" name="Assess referral"/>
    <endEvent id="E" name="Referral assessed"/>
    <sequenceFlow id="f1" sourceRef="S" targetRef="T"/>
    <sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
  </process>
</definitions>
"""
#: The same model with a sequence flow whose source is no element.
DANGLING = VALID.replace('sourceRef="S"', 'sourceRef="Nowhere"').encode()
NO_DIAGRAM = "vendors/IBM BlueWorks Live April 2014/A.1.0-export.bpmn"


def run_cli(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m process_mapper`` with ``args`` in ``cwd`` (and ``env``, if given)."""
    return subprocess.run(
        [sys.executable, "-m", "process_mapper", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_failure(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 2, nothing on stdout, one human line on stderr and no traceback."""
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("process-mapper: ")


#: Inputs no command can read, by name: (file content, what the message must say).
UNREADABLE: dict[str, tuple[bytes | None, str]] = {
    "empty": (b"", "is empty"),
    "binary": (bytes(range(256)) * 4, "is not an XML file"),
    "truncated": (VALID[: VALID.index("<task")].encode(), "ends before it is complete"),
    "not-bpmn": (b'<?xml version="1.0"?>\n<catalog><book id="1"/></catalog>\n', "is XML but not BPMN"),
    "wrong-namespace": (b'<definitions xmlns="http://example.com/not-bpmn" id="D"/>\n', "is not BPMN 2.0"),
    "missing": (None, "does not exist"),
}


def _write_input(tmp_path: Path, name: str) -> Path:
    content, _ = UNREADABLE[name]
    path = tmp_path / f"{name}.bpmn"
    if content is not None:
        path.write_bytes(content)
    return path


# --- general --------------------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"process-mapper {__version__}"


def test_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# --- validate -------------------------------------------------------------------------------


def test_validate_a_valid_file_as_text(tmp_path: Path) -> None:
    # given
    (tmp_path / "valid.bpmn").write_text(VALID, encoding="utf-8")
    # when
    result = run_cli("validate", "valid.bpmn", cwd=tmp_path)
    # then
    assert result.returncode == 0, result.stderr
    assert result.stdout == "valid.bpmn: valid (0 errors, 0 warnings, 0 info)\n"
    assert result.stderr == ""


def test_validate_reports_warnings_but_exits_0(tmp_path: Path, corpus_dir: Path) -> None:
    # given the MIWG's A.2.0, whose split gateway labels none of its branches
    path = corpus_dir / "reference" / "A.2.0.bpmn"
    # when
    result = run_cli("validate", path, cwd=tmp_path)
    # then
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[0].startswith("warning unlabelled-branch _f1478fb7-98c4-4c01-8c15-68bd04c91535: sequence flow ")
    assert lines[-1] == f"{path}: valid (0 errors, 3 warnings, 0 info)"


def test_validate_an_invalid_file_as_text(tmp_path: Path) -> None:
    # given a file with a dangling sourceRef
    (tmp_path / "dangling.bpmn").write_bytes(DANGLING)
    # when
    result = run_cli("validate", "dangling.bpmn", cwd=tmp_path)
    # then
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0].startswith("error dangling-reference ")
    assert "sourceRef 'Nowhere' refers to no element" in lines[0]
    assert lines[-1].startswith("dangling.bpmn: not valid (1 error, ")
    assert result.stderr == ""


def test_validate_as_json(tmp_path: Path) -> None:
    # given
    (tmp_path / "dangling.bpmn").write_bytes(DANGLING)
    # when
    result = run_cli("validate", "--format", "json", "dangling.bpmn", cwd=tmp_path)
    # then
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert set(report) == {"file", "valid", "counts", "issues"}
    assert report["file"] == "dangling.bpmn"
    assert report["valid"] is False
    assert set(report["counts"]) == {"error", "warning", "info"}
    assert report["counts"]["error"] == sum(i["severity"] == "error" for i in report["issues"]) >= 1
    assert report["issues"][0]["code"] == "dangling-reference"
    assert set(report["issues"][0]) == {"code", "severity", "message", "element_id", "source", "line"}


def test_validate_a_valid_file_as_json(tmp_path: Path) -> None:
    (tmp_path / "valid.bpmn").write_text(VALID, encoding="utf-8")
    result = run_cli("validate", "valid.bpmn", "--format", "json", "--no-schema", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "file": "valid.bpmn",
        "valid": True,
        "counts": {"error": 0, "warning": 0, "info": 0},
        "issues": [],
    }


def test_validate_shows_schema_lines_of_the_file(tmp_path: Path) -> None:
    # given a file whose 4th line holds an element BPMN does not have
    path = tmp_path / "bogus.bpmn"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">\n'
        '  <process id="P">\n'
        '    <bogus id="X"/>\n'
        "  </process>\n"
        "</definitions>\n",
        encoding="utf-8",
    )
    # when
    result = run_cli("validate", path.name, cwd=tmp_path)
    # then
    assert result.returncode == 1
    schema_lines = [line for line in result.stdout.splitlines() if line.startswith("error schema -: ")]
    assert len(schema_lines) == 1 and schema_lines[0].endswith("(line 4)")


@pytest.mark.parametrize("name", UNREADABLE)
def test_validate_unreadable_input(tmp_path: Path, name: str) -> None:
    # given
    path = _write_input(tmp_path, name)
    # when
    result = run_cli("validate", path.name, cwd=tmp_path)
    # then
    assert_one_line_failure(result)
    assert UNREADABLE[name][1] in result.stderr


# --- convert --------------------------------------------------------------------------------


def test_convert_round_trips_a_reference_file(tmp_path: Path, corpus_dir: Path) -> None:
    # given the MIWG's B.1.0, with pools, lanes, data and message flows
    path = corpus_dir / "reference" / "B.1.0.bpmn"
    # when
    result = run_cli("convert", path, "out.bpmn", cwd=tmp_path)
    # then the output says the same as the input and is valid
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    original = etree.parse(str(path)).getroot()
    written = etree.parse(str(tmp_path / "out.bpmn")).getroot()
    assert differences(original, written) == []
    assert run_cli("validate", "out.bpmn", cwd=tmp_path).returncode == 0


def test_convert_refuses_input_with_errors(tmp_path: Path) -> None:
    # given a file with a dangling sourceRef and an existing OUT
    (tmp_path / "dangling.bpmn").write_bytes(DANGLING)
    out = tmp_path / "out.bpmn"
    out.write_bytes(b"keep me")
    # when
    result = run_cli("convert", "dangling.bpmn", "out.bpmn", cwd=tmp_path)
    # then
    assert_one_line_failure(result)
    assert "sourceRef 'Nowhere' refers to no element" in result.stderr
    assert "--lenient" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.bpmn", "out.bpmn"]


def test_convert_lenient_writes_input_with_errors(tmp_path: Path) -> None:
    # given
    (tmp_path / "dangling.bpmn").write_bytes(DANGLING)
    # when
    result = run_cli("convert", "--lenient", "dangling.bpmn", "out.bpmn", cwd=tmp_path)
    # then the dangling reference is written as it was
    assert result.returncode == 0, result.stderr
    assert [i.code for i in read_bpmn(tmp_path / "out.bpmn").issues] == ["dangling-reference"]


@pytest.mark.parametrize("name", UNREADABLE)
def test_convert_unreadable_input_leaves_out_untouched(tmp_path: Path, name: str) -> None:
    # given an unreadable input and an existing OUT
    path = _write_input(tmp_path, name)
    out = tmp_path / "out.bpmn"
    out.write_bytes(b"keep me")
    # when
    result = run_cli("convert", path.name, out.name, cwd=tmp_path)
    # then
    assert_one_line_failure(result)
    assert UNREADABLE[name][1] in result.stderr
    assert out.read_bytes() == b"keep me"
    assert {p.name for p in tmp_path.iterdir()} <= {path.name, out.name}


@pytest.mark.parametrize("name", ["truncated", "missing"])
def test_convert_unreadable_input_creates_no_out(tmp_path: Path, name: str) -> None:
    path = _write_input(tmp_path, name)
    result = run_cli("convert", path.name, "out.bpmn", cwd=tmp_path)
    assert_one_line_failure(result)
    assert not (tmp_path / "out.bpmn").exists()


def test_convert_into_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "valid.bpmn").write_text(VALID, encoding="utf-8")
    result = run_cli("convert", "valid.bpmn", tmp_path / "no" / "such" / "out.bpmn", cwd=tmp_path)
    assert_one_line_failure(result)
    assert "cannot write" in result.stderr


def _layout_available() -> bool:
    try:
        from process_mapper.core.layout import auto_layout  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _layout_available(), reason="process_mapper.core.layout has no auto_layout yet")
def test_convert_with_layout_draws_a_file_without_diagram(tmp_path: Path, corpus_dir: Path) -> None:
    # given an IBM BlueWorks export, which has no diagram at all
    path = corpus_dir / NO_DIAGRAM
    assert read_bpmn(path).diagrams == []
    # when
    result = run_cli("convert", "--layout", path, "out.bpmn", cwd=tmp_path)
    # then every flow node has a shape
    assert result.returncode == 0, result.stderr
    document = read_bpmn(tmp_path / "out.bpmn")
    assert all(document.shape_of(node.id or "") is not None for node in document.flow_nodes())


@pytest.mark.skipif(not _layout_available(), reason="process_mapper.core.layout has no auto_layout yet")
def test_convert_with_layout_but_without_graphviz_writes_nothing(tmp_path: Path) -> None:
    # given a PATH on which there is no Graphviz 'dot', and an existing OUT
    (tmp_path / "valid.bpmn").write_text(VALID, encoding="utf-8")
    out = tmp_path / "out.bpmn"
    out.write_bytes(b"keep me")
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    # when
    result = run_cli("convert", "--layout", "valid.bpmn", "out.bpmn", cwd=tmp_path, env=env)
    # then
    assert_one_line_failure(result)
    assert "cannot lay out valid.bpmn" in result.stderr and "Graphviz" in result.stderr
    assert out.read_bytes() == b"keep me"
