"""``process-mapper match`` and ``process-mapper diff``, run as real processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_failure, run_cli

STANDARD = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <process id="P" isExecutable="false">
    <startEvent id="S"/>
    <task id="T1" name="Ta emot remiss"/>
    <task id="T2" name="Bedöma remiss"/>
    <task id="T3" name="Skicka remissbekräftelse"/>
    <endEvent id="E"/>
    <sequenceFlow id="f1" sourceRef="S" targetRef="T1"/>
    <sequenceFlow id="f2" sourceRef="T1" targetRef="T2"/>
    <sequenceFlow id="f3" sourceRef="T2" targetRef="T3"/>
    <sequenceFlow id="f4" sourceRef="T3" targetRef="E"/>
  </process>
</definitions>
"""
#: The unit does not confirm, keeps an Excel list, and words the assessment its own way.
LOCAL = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <process id="P" isExecutable="false">
    <startEvent id="s"/>
    <task id="t1" name="Ta emot remiss"/>
    <task id="t2" name="Registrera i Excel-lista"/>
    <task id="t3" name="Bedöma inkommande remiss"/>
    <endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
    <sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
    <sequenceFlow id="f3" sourceRef="t2" targetRef="t3"/>
    <sequenceFlow id="f4" sourceRef="t3" targetRef="e"/>
  </process>
</definitions>
"""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    standard, local = tmp_path / "standard.bpmn", tmp_path / "local.bpmn"
    standard.write_text(STANDARD, encoding="utf-8")
    local.write_text(LOCAL, encoding="utf-8")
    return standard, local


def test_match_json(files: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("match", *files, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"matches"}
    assert all(set(row) == {"a", "b", "score", "reason"} for row in data["matches"])
    assert {(row["a"], row["b"]) for row in data["matches"]} >= {("T1", "t1"), ("T2", "t3")}


def test_match_text_table(files: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("match", *files, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["A", "step", "B", "step", "score", "reason"]
    assert set(rule) <= {"-", " "}
    assert any(row.startswith("Ta emot remiss (T1)") and "Ta emot remiss (t1)" in row for row in rows)
    assert any("Skicka remissbekräftelse (T3)" in row and "no counterpart" in row for row in rows)


def test_match_with_a_user_thesaurus(files: tuple[Path, Path], tmp_path: Path) -> None:
    thesaurus = tmp_path / "mine.txt"
    thesaurus.write_text("skicka remissbekräftelse = registrera i excel-lista\n", encoding="utf-8")
    result = run_cli("match", *files, "--format", "json", "--thesaurus", thesaurus, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert {(r["a"], r["b"]) for r in json.loads(result.stdout)["matches"]} >= {("T3", "t2")}


def test_diff_json_is_the_documented_contract(files: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("diff", *files, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"matches", "changes"}
    assert all(set(row) == {"standard", "local", "score", "reason"} for row in data["matches"])
    found = {(c["category"], c["severity"], tuple(c["standard_elements"]), tuple(c["local_elements"]))
             for c in data["changes"]}
    assert found == {
        ("missing_step", "must", ("T3",), ()),
        ("extra_step", "review", (), ("t2",)),
        ("renamed_step", "info", ("T2",), ("t3",)),
    }
    assert all(set(c["summary"]) == {"sv", "en"} for c in data["changes"])


@pytest.mark.parametrize(("language", "heading", "sentence"), [
    ("sv", "MÅSTE ÄNDRAS (1)", "Enheten saknar steget 'Skicka remissbekräftelse' som standarden kräver."),
    ("en", "MUST CHANGE (1)", "The unit does not perform 'Skicka remissbekräftelse', which the standard requires."),
])
def test_diff_text_is_grouped_by_severity(
    files: tuple[Path, Path], tmp_path: Path, language: str, heading: str, sentence: str
) -> None:
    result = run_cli("diff", *files, "--lang", language, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line.endswith(")") and line.isupper()]
    assert headings[0] == heading and len(headings) == 3
    assert any(line.endswith(sentence) for line in lines)


def test_diff_forced_and_forbidden_pairs(files: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("diff", *files, "--format", "json", "--force", "T3=t2", "--forbid", "T2=t3", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    pairs = {(row["standard"], row["local"]) for row in data["matches"]}
    assert ("T3", "t2") in pairs and ("T2", "t3") not in pairs
    reasons = {row["reason"] for row in data["matches"] if row["standard"] == "T3"}
    assert reasons == {"forced by the user"}


def test_identical_files_have_no_changes(files: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("diff", files[0], files[0], "--lang", "en", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "No practice changes.")


@pytest.mark.parametrize("arguments", [
    ["diff", "missing.bpmn", "standard.bpmn"],
    ["match", "standard.bpmn", "missing.bpmn"],
    ["diff", "standard.bpmn", "local.bpmn", "--force", "T3"],
    ["diff", "standard.bpmn", "local.bpmn", "--force", "NOPE=t1"],
    ["diff", "standard.bpmn", "local.bpmn", "--thesaurus", "bad.txt"],
])
def test_unreadable_input_is_one_line_and_exit_2(
    files: tuple[Path, Path], tmp_path: Path, arguments: list[str]
) -> None:
    (tmp_path / "bad.txt").write_text("this line is neither synonyms nor an abbreviation\n", encoding="utf-8")
    assert_one_line_failure(run_cli(*arguments, cwd=tmp_path))


def test_not_xml_is_one_line_and_exit_2(files: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "broken.bpmn").write_bytes(b"\x00\x01 not xml")
    assert_one_line_failure(run_cli("diff", "broken.bpmn", files[1], cwd=tmp_path))
