"""``process-mapper library``, run as a real process: listing as text and JSON, and --suggest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .builders import BROKEN, expected_standard, local_variants, shipped_standards, write_standard


def run_library(*args: str | Path, cwd: Path, shipped: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m process_mapper library`` with ``args``; ``shipped`` replaces the shipped folder."""
    env = dict(os.environ)
    if shipped is not None:
        env["PROCESS_MAPPER_STANDARDS"] = str(shipped)
    return subprocess.run(
        [sys.executable, "-m", "process_mapper", "library", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for the shipped folder (two versions of a referral standard and a certificate
    standard) and a regional folder (one more standard and a broken file)."""
    shipped, regional = tmp_path / "shipped", tmp_path / "regional"
    write_standard(shipped / "rem-1.bpmn", identifier="STD-REM-IN", title="Inkommande remiss", version="1.0",
                   valid_from="2025-01-01", owner="VGR", category="referral")
    write_standard(shipped / "rem-2.bpmn", identifier="STD-REM-IN", title="Inkommande remiss", version="2.0",
                   valid_from="2026-03-01", owner="VGR", category="referral")
    write_standard(shipped / "intyg.bpmn", ["Signera intyg"], identifier="STD-INTYG", title="Intyg", version="1.0",
                   category="certificate")
    write_standard(regional / "ut.bpmn", identifier="STD-REM-UT", title="Utgående remiss", category="referral")
    (regional / "broken.bpmn").write_bytes(BROKEN)
    return shipped, regional


def test_text_lists_the_newest_versions_as_a_table(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    # given
    shipped, regional = folders
    # when
    result = run_library("--folder", regional, cwd=tmp_path, shipped=shipped)
    # then
    assert result.returncode == 0, result.stderr
    header, rule, *rows, blank, summary = result.stdout.splitlines()
    assert header.split() == ["identifier", "title", "version", "valid", "from", "owner", "category", "file"]
    assert set(rule) == {"-", " "} and blank == ""
    assert [row.split()[0] for row in rows] == ["STD-INTYG", "STD-REM-IN", "STD-REM-UT"]
    assert rows[1].split() == ["STD-REM-IN", "Inkommande", "remiss", "2.0", "2026-03-01", "VGR", "referral",
                               str(Path("shipped", "rem-2.bpmn"))]
    assert rows[2].split()[3:6] == ["-", "-", "-"]  # no version, valid-from date or owner
    assert summary == "3 standard process(es), 1 unreadable file(s)"
    assert result.stderr.startswith(f"process-mapper: warning: {Path('regional', 'broken.bpmn')} is not listed: ")
    assert result.stderr.count("\n") == 1


def test_text_with_all_versions_and_a_category(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    # given
    shipped, _ = folders
    # when
    result = run_library("--all-versions", "--category", "referral", cwd=tmp_path, shipped=shipped)
    # then
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[2:-2]
    assert [(row.split()[0], row.split()[3]) for row in rows] == [("STD-REM-IN", "2.0"), ("STD-REM-IN", "1.0")]


def test_json_lists_metadata_unreadable_files_and_warnings(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    # given
    shipped, regional = folders
    missing = tmp_path / "network-share"
    # when
    result = run_library("--folder", regional, "--folder", missing, "--format", "json", "--all-versions",
                         cwd=tmp_path, shipped=shipped)
    # then
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(s["identifier"], s["version"]) for s in data["standards"]] == [
        ("STD-INTYG", "1.0"), ("STD-REM-IN", "2.0"), ("STD-REM-IN", "1.0"), ("STD-REM-UT", "")]
    assert data["standards"][1] == {
        "identifier": "STD-REM-IN", "title": "Inkommande remiss", "version": "2.0", "valid_from": "2026-03-01",
        "owner": "VGR", "category": "referral", "description": "", "file": str(shipped / "rem-2.bpmn"),
        "has_metadata": True}
    assert [u["file"] for u in data["unreadable"]] == [str(regional / "broken.bpmn")]
    assert data["warnings"] == [f"standard folder {missing} does not exist"]
    assert f"process-mapper: warning: standard folder {missing} does not exist" in result.stderr


def test_an_empty_library_says_so(tmp_path: Path) -> None:
    result = run_library(cwd=tmp_path, shipped=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No standard processes found.\n", "")


@pytest.mark.skipif(not local_variants(), reason="no local variants in sample_processes/local/ yet")
def test_suggest_as_text_and_json(tmp_path: Path) -> None:
    # given
    shipped_standards()
    local = local_variants()[0]
    # when
    text = run_library("--suggest", local, "--top", "2", cwd=tmp_path)
    as_json = run_library("--suggest", local, "--format", "json", cwd=tmp_path)
    # then
    assert text.returncode == 0 and as_json.returncode == 0, text.stderr + as_json.stderr
    header, _, first, second = text.stdout.splitlines()
    assert header.split() == ["rank", "identifier", "title", "version", "score", "matched", "reason"]
    assert first.split()[:2] == ["1", expected_standard(local)] and second.startswith("2 ")
    data = json.loads(as_json.stdout)
    assert data["local"] == str(local) and len(data["suggestions"]) == 3
    best = data["suggestions"][0]
    assert (best["rank"], best["identifier"]) == (1, expected_standard(local))
    assert set(best) == {"rank", "identifier", "title", "version", "file", "score", "matched_steps",
                         "local_steps", "standard_steps", "reason"}
    assert 0 < best["score"] <= 1 and best["matched_steps"] <= best["local_steps"]


def test_suggest_with_an_unreadable_local_file_fails_with_one_line(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    # given
    shipped, _ = folders
    broken = tmp_path / "local.bpmn"
    broken.write_bytes(BROKEN)
    # when
    results = [
        run_library("--suggest", path, cwd=tmp_path, shipped=shipped) for path in (broken, tmp_path / "none.bpmn")
    ]
    # then
    for result in results:
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith("process-mapper: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr


def test_top_must_be_positive(tmp_path: Path) -> None:
    result = run_library("--suggest", "x.bpmn", "--top", "0", cwd=tmp_path, shipped=tmp_path)
    assert result.returncode == 2 and "expected a whole number of at least 1" in result.stderr
