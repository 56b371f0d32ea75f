"""The comparison file: saved and reopened as it was; BPMN files changed, moved or missing
underneath; damaged or foreign files give messages, never a crash."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from process_mapper.core.comparison import (
    FORMAT,
    Comparison,
    ComparisonFileError,
    Decision,
    load_comparison,
    save_comparison,
)
from process_mapper.core.diff import Category
from process_mapper.core.editing import DocumentEditor
from process_mapper.core.xmlio import read_bpmn, write_bpmn

from .samples import PAIRS, copy_pair


def _workshop(comparison: Comparison) -> None:
    """What a workshop does: a link, an unlink and three decisions."""
    matches = comparison.result().matches.matches
    comparison.unlink(*next(iter(matches[-1].pairs())))
    comparison.link(matches[0].a_ids[0], matches[1].b_ids[0])
    changes = comparison.ordered_changes()
    comparison.decide(changes[0].id, Decision.ADOPT, owner="Enhetschef", due_date=date(2026, 6, 1),
                      comment="Rutinen skrivs om före sommaren.")
    comparison.decide(changes[1].id, Decision.KEEP, justification="Lokala förutsättningar: ingen e-tjänst.")
    comparison.decide(changes[-1].id, Decision.INVESTIGATE, owner="Åsa Öberg")


# --- save and reopen ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAIRS)
def test_a_saved_comparison_reopens_exactly_as_it_was(name: str, tmp_path: Path) -> None:
    # given
    comparison = Comparison.create(*copy_pair(name, tmp_path))
    _workshop(comparison)
    target = tmp_path / "workshop" / f"{name}.pmcompare"
    target.parent.mkdir()
    # when
    save_comparison(comparison, target)
    reopened = load_comparison(target)
    # then
    assert reopened.record == comparison.record
    assert reopened.result().to_json() == comparison.result().to_json()
    assert reopened.rows("sv") == comparison.rows("sv")
    assert reopened.summary() == comparison.summary()
    assert reopened.changed_files == () and reopened.moved_files == ()
    assert reopened.unplaced_decisions == () and reopened.unplaced_links == ()
    assert reopened.path == comparison.path == target.resolve()


def test_the_file_is_utf8_json_with_format_version_and_relative_paths(tmp_path: Path) -> None:
    # given
    standard, local = copy_pair("A-V1", tmp_path)
    comparison = Comparison.create(standard, local)
    _workshop(comparison)
    target = tmp_path / "A-V1.pmcompare"
    # when
    save_comparison(comparison, target)
    # then
    raw = target.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert (data["format"], data["version"]) == (FORMAT, "1.0")
    assert data["standard"]["path"] == "standard/STD-REM-IN.bpmn" and data["local"]["path"] == "local/A-V1.bpmn"
    assert data["standard"]["absolute_path"] == str(standard.resolve())
    assert (data["standard"]["identifier"], data["standard"]["version"]) == ("STD-REM-IN", "1.0")
    assert "Åsa Öberg".encode() in raw  # written as UTF-8, not as \\u escapes
    assert [d["change"] for d in data["decisions"]] == sorted(d["change"] for d in data["decisions"])
    assert not list(tmp_path.glob(".A-V1.pmcompare.*"))  # no temporary file left behind


def test_saving_where_nothing_can_be_written_says_so(tmp_path: Path) -> None:
    # given
    comparison = Comparison.create(*copy_pair("C-V1", tmp_path))
    # when / then
    with pytest.raises(ComparisonFileError, match="Cannot save"):
        save_comparison(comparison, tmp_path / "no such folder" / "x.pmcompare")
    assert comparison.path is None


# --- the BPMN files change underneath ---------------------------------------------------------


def test_an_edited_local_file_keeps_every_decision_and_lists_the_one_it_cannot_place(tmp_path: Path) -> None:
    # given: decisions on a renamed step, a role change and the extra step 'Skanna remiss till journal' (UM_T02)
    standard, local = copy_pair("A-V1", tmp_path)
    comparison = Comparison.create(standard, local)
    changes = comparison.result().changes

    def change_on(category: Category, element: str) -> str:
        return next(c.id for c in changes if c.category is category and element in c.local_elements)

    renamed, role, extra = (change_on(Category.RENAMED_STEP, "A_T17"), change_on(Category.ROLE_CHANGE, "UM_T04"),
                            change_on(Category.EXTRA_STEP, "UM_T02"))
    comparison.decide(renamed, Decision.ADOPT, owner="Anna")
    comparison.decide(role, Decision.KEEP, justification="Teamet bedömer tillsammans.")
    scanned = comparison.decide(extra, Decision.INVESTIGATE, comment="Behövs skanningen?")
    comparison.link("A_T02", "UM_T02")
    comparison.remove_link("A_T02", "UM_T02")
    comparison.unlink("A_T03", "UM_T02")
    target = tmp_path / "A-V1.pmcompare"
    save_comparison(comparison, target)
    # when: the unit renames a step and deletes the scanning step, in the modeller's core
    document = read_bpmn(local)
    editor = DocumentEditor(document)
    editor.rename("A_T17", "Boka tid per telefon").apply()
    editor.delete(["UM_T02"]).apply()
    write_bpmn(document, local)
    reopened = load_comparison(target)
    # then
    assert reopened.changed_files == ("local",) and reopened.moved_files == ()
    assert reopened.local.sha256 != comparison.local.sha256
    current = {c.id: c for c in reopened.result().changes}
    assert renamed in current and role in current and extra not in current
    assert "Boka tid per telefon" in current[renamed].summary["sv"]
    assert reopened.decision(renamed) == comparison.decision(renamed)
    assert reopened.decision(role) == comparison.decision(role)
    assert reopened.unplaced_decisions == (scanned,)
    assert scanned.local_elements == ("UM_T02",) and "Skanna remiss till journal" in scanned.summary["sv"]
    assert reopened.unplaced_links == (("unlink", ("A_T03", "UM_T02")),)
    unplaced_row = reopened.unplaced_rows("sv")[0]
    assert (unplaced_row.local_step, unplaced_row.comment) == ("UM_T02", "Behövs skanningen?")
    # when: saved again and reopened
    save_comparison(reopened, target)
    again = load_comparison(target)
    # then: nothing recorded is lost
    assert again.unplaced_decisions == (scanned,)
    assert again.unplaced_links == (("unlink", ("A_T03", "UM_T02")),)
    assert again.record == reopened.record and again.changed_files == ()


def test_a_changed_standard_is_reported_as_changed(tmp_path: Path) -> None:
    # given
    standard, local = copy_pair("B-V2", tmp_path)
    target = tmp_path / "B-V2.pmcompare"
    save_comparison(Comparison.create(standard, local), target)
    document = read_bpmn(standard)
    DocumentEditor(document).rename("B_T01", "Ny benämning").apply()
    write_bpmn(document, standard)
    # when
    reopened = load_comparison(target)
    # then
    assert reopened.changed_files == ("standard",)
    status = reopened.file_status[0]
    assert status.side == "standard" and status.changed and status.recorded.sha256 != reopened.standard.sha256


# --- moved and missing files --------------------------------------------------------------------


def test_a_folder_moved_as_a_whole_is_found_through_the_relative_paths(tmp_path: Path) -> None:
    # given
    comparison = Comparison.create(*copy_pair("C-V2", tmp_path / "before"))
    _workshop(comparison)
    save_comparison(comparison, tmp_path / "before" / "C-V2.pmcompare")
    shutil.move(tmp_path / "before", tmp_path / "after")
    # when
    reopened = load_comparison(tmp_path / "after" / "C-V2.pmcompare")
    # then
    assert reopened.moved_files == ("standard", "local") and reopened.changed_files == ()
    assert reopened.local.path == (tmp_path / "after" / "local" / "C-V2.bpmn").resolve()
    assert reopened.record.decisions == comparison.record.decisions
    assert reopened.result().to_json() == comparison.result().to_json()


def test_a_comparison_file_moved_alone_finds_the_files_at_their_absolute_paths(tmp_path: Path) -> None:
    # given
    comparison = Comparison.create(*copy_pair("B-V1", tmp_path / "models"))
    save_comparison(comparison, tmp_path / "models" / "B-V1.pmcompare")
    (tmp_path / "elsewhere").mkdir()
    shutil.move(tmp_path / "models" / "B-V1.pmcompare", tmp_path / "elsewhere" / "B-V1.pmcompare")
    # when
    reopened = load_comparison(tmp_path / "elsewhere" / "B-V1.pmcompare")
    # then
    assert reopened.moved_files == () and reopened.record == comparison.record


def test_a_missing_file_is_named_and_can_be_located(tmp_path: Path) -> None:
    # given
    standard, local = copy_pair("A-V2", tmp_path)
    target = tmp_path / "A-V2.pmcompare"
    save_comparison(Comparison.create(standard, local), target)
    (tmp_path / "renamed.bpmn").write_bytes(local.read_bytes())
    local.unlink()
    # when
    with pytest.raises(ComparisonFileError) as raised:
        load_comparison(target)
    # then
    assert raised.value.side == "local"
    assert "A-V2.bpmn" in str(raised.value) and "local process" in str(raised.value)
    assert "den lokala processen" in raised.value.text("sv")
    # when: the user points at where it went
    reopened = load_comparison(target, local=tmp_path / "renamed.bpmn")
    # then
    assert reopened.moved_files == ("local",) and reopened.changed_files == ()


def test_an_unreadable_bpmn_file_is_named(tmp_path: Path) -> None:
    # given
    standard, local = copy_pair("A-V2", tmp_path)
    target = tmp_path / "A-V2.pmcompare"
    save_comparison(Comparison.create(standard, local), target)
    standard.write_text("<html>not bpmn</html>", encoding="utf-8")
    # when / then
    with pytest.raises(ComparisonFileError, match="standard process") as raised:
        load_comparison(target)
    assert raised.value.side == "standard"


# --- damaged and foreign files ------------------------------------------------------------------


def _valid(tmp_path: Path) -> dict[str, Any]:
    comparison = Comparison.create(*copy_pair("C-V1", tmp_path))
    _workshop(comparison)
    save_comparison(comparison, tmp_path / "valid.pmcompare")
    data: dict[str, Any] = json.loads((tmp_path / "valid.pmcompare").read_text(encoding="utf-8"))
    return data


def _first_decision(data: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = data["decisions"][0]
    return first


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text"),
    (b'{"format": "process-mapper-comparison", "version": "1.0",', "invalid JSON at line 1"),
    (b"[1, 2, 3]", "not a Process Mapper comparison file"),
    (b'{"name": "my-package", "version": "1.0.0"}', "not a Process Mapper comparison file"),
    (b'{"format": "process-mapper-comparison", "version": "2.0"}', "version 2.0 of the comparison format"),
    (b'{"format": "process-mapper-comparison", "version": "1.0"}', "standard is missing"),
])
def test_a_file_that_is_no_comparison_says_so(content: bytes, message: str, tmp_path: Path) -> None:
    # given
    path = tmp_path / "odd.pmcompare"
    path.write_bytes(content)
    # when
    with pytest.raises(ComparisonFileError, match=message) as raised:
        load_comparison(path)
    # then
    assert "odd.pmcompare" in str(raised.value) and raised.value.side is None
    assert raised.value.text("sv") and raised.value.text("sv") != raised.value.text("en")


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: d.pop("decisions"), "decisions is missing"),
    (lambda d: d.update(links=[["A", "B"]]), r"links\[0\] is not an object"),
    (lambda d: d["local"].update(size="big"), "local.size is not a whole number"),
    (lambda d: _first_decision(d).update(due_date="1 juni"), r"decisions\[0\].due_date is not a date"),
    (lambda d: _first_decision(d).update(decision="maybe"), r"decisions\[0\].decision is not a known decision"),
    (lambda d: _first_decision(d).update(decision="keep", justification=""),
     r"decisions\[0\] keeps a local deviation without a justification"),
    (lambda d: _first_decision(d).update(local_elements=[1]),
     r"decisions\[0\].local_elements holds something other than text"),
    (lambda d: d.update(unlinks=d["links"]), "links and unlinks both hold the pair"),
    (lambda d: d.update(decisions=[_first_decision(d)] * 2), "decisions has two decisions on"),
])
def test_a_damaged_file_says_where(damage: Callable[[dict[str, Any]], object], message: str, tmp_path: Path) -> None:
    # given
    data = _valid(tmp_path)
    damage(data)
    path = tmp_path / "damaged.pmcompare"
    path.write_text(json.dumps(data), encoding="utf-8")
    # when / then
    with pytest.raises(ComparisonFileError, match=f"damaged.pmcompare is damaged: {message}"):
        load_comparison(path)


def test_a_comparison_file_that_does_not_exist_says_so(tmp_path: Path) -> None:
    # when / then
    with pytest.raises(ComparisonFileError, match="does not exist"):
        load_comparison(tmp_path / "nothing.pmcompare")


def test_keys_of_a_later_minor_version_are_ignored(tmp_path: Path) -> None:
    # given
    data = _valid(tmp_path)
    data["version"] = "1.4"
    data["facilitator"] = "Regionens processledare"
    path = tmp_path / "newer.pmcompare"
    path.write_text(json.dumps(data), encoding="utf-8")
    # when
    reopened = load_comparison(path)
    # then
    assert len(reopened.decisions) == 3
