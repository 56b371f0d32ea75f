"""The Compare with Standard dialog suggests the standard that fits the local process best."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from process_mapper.core.library import StandardLibrary
from process_mapper.core.xmlio import read_bpmn
from process_mapper.gui.compare import CompareDialog

from ..conftest import SAMPLES


def _dialog(qtbot: QtBot, open_files: list[Path] | None = None) -> CompareDialog:
    dialog = CompareDialog(StandardLibrary(), open_files or [])
    qtbot.addWidget(dialog)
    return dialog


def _expected_standard(local: Path) -> str:
    return str(json.loads(local.with_name(f"{local.stem}.expected.json").read_text(encoding="utf-8"))["standard"])


def test_the_standards_are_listed_with_their_versions_and_none_is_suggested_yet(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    texts = [dialog.standard_list.item(row).text() for row in range(dialog.standard_list.count())]
    assert texts[0] == "Inkommande remiss, handläggning (1.0)" and len(texts) == 5
    assert dialog.suggestion_label.isHidden() and dialog.chosen() is None


def test_choosing_a_local_process_selects_the_standard_that_fits_it_and_says_why(qtbot: QtBot) -> None:
    # given the dialog, when the local variant C-V1 is chosen
    local = SAMPLES / "local" / "C-V1.bpmn"
    dialog = _dialog(qtbot)
    dialog.set_local(local)
    # then its standard (per its expected changes) is selected, marked and explained in one line
    standard, chosen_local = dialog.chosen() or (None, None)
    assert standard == SAMPLES / "standard" / f"{_expected_standard(local)}.bpmn" and chosen_local == local
    assert dialog.standard_list.currentItem().font().bold()
    assert sum(dialog.standard_list.item(row).font().bold() for row in range(dialog.standard_list.count())) == 1
    (suggestion,) = StandardLibrary().suggest(read_bpmn(local), top=1)
    assert dialog.suggestion_label.text() == (
        f"Fits best: {suggestion.entry.title} — {suggestion.matched_steps} of {suggestion.local_steps} "
        "local steps have a counterpart")
    assert dialog.suggestion_label.isVisibleTo(dialog)


@pytest.mark.parametrize("name", ["A-V1", "B-V2"])
def test_a_local_process_open_in_the_main_window_gets_its_standard_at_once(qtbot: QtBot, name: str) -> None:
    local = SAMPLES / "local" / f"{name}.bpmn"
    dialog = _dialog(qtbot, [local])
    assert dialog.chosen() == (SAMPLES / "standard" / f"{_expected_standard(local)}.bpmn", local)
    assert dialog.suggestion_label.text().startswith("Fits best: ")


def test_a_local_process_that_cannot_be_read_gets_no_suggestion(qtbot: QtBot, tmp_path: Path) -> None:
    damaged = tmp_path / "trasig.bpmn"
    damaged.write_text("<definitions", encoding="utf-8")
    dialog = _dialog(qtbot)
    dialog.set_local(damaged)
    assert dialog.suggestion_label.text() == (
        "No suggestion: the local process cannot be read. The file ends before its XML is complete; it may be cut off.")
    assert not any(dialog.standard_list.item(row).font().bold() for row in range(dialog.standard_list.count()))
