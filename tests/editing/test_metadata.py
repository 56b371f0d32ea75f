"""metadata.set: the standard library's metadata of a process, one field per undoable edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from process_mapper.core.editing import EditRefused
from process_mapper.core.library import merged_metadata
from process_mapper.core.model import BpmnDocument
from process_mapper.core.model.extensions import metadata, properties
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes
from tests.editing.support import assert_saves_valid, editor_for, triad

STANDARD = Path(__file__).resolve().parents[2] / "sample_processes" / "standard" / "STD-REM-IN.bpmn"


def test_a_new_document_gets_a_metadata_block_on_its_process_that_the_library_reads():
    # given
    document = BpmnDocument.new("Ny process")
    editor = editor_for(document)
    # when
    edits = []
    for field_name, value in (("title", "Utgående remiss"), ("valid_from", "2026-03-01"), ("category", "referral")):
        edits.append(editor.set_metadata(field_name, value))
        triad(edits[-1])
    # then
    data, has_block = merged_metadata(read_bpmn_bytes(to_bytes(document)))
    assert has_block and (data.title, data.valid_from, data.category) == ("Utgående remiss", "2026-03-01", "referral")
    assert metadata(document.processes[0]) == data
    assert edits[0].kind == "metadata.set"
    assert edits[0].name == {"en": "Change Title", "sv": "Ändra titel"}
    assert edits[1].name == {"en": "Change Valid-From Date", "sv": "Ändra giltighetsdatum"}
    assert_saves_valid(document)


def test_a_field_is_changed_in_every_block_that_states_it_and_other_extensions_stay():
    # given the standard repeats its block on the collaboration and the process
    document = read_bpmn(STANDARD)
    process = document.get("STD-REM-IN")
    process_properties = properties(process)
    # when
    triad(editor_for(document).set_metadata("version", "1.1"))
    # then
    versions = [metadata(e).version for e in (*document.collaborations, *document.processes) if metadata(e)]
    assert versions == ["1.1", "1.1"]
    assert metadata(process).title == "Inkommande remiss, handläggning"
    assert properties(process) == process_properties
    assert_saves_valid(document)


def test_clearing_a_field_removes_it_from_every_block_and_the_last_field_the_block():
    # given
    document = read_bpmn(STANDARD)
    editor = editor_for(document)
    # when
    edit = editor.set_metadata("owner", "  ")
    triad(edit)
    # then
    assert merged_metadata(document)[0].owner == ""
    assert edit.name == {"en": "Remove Owner", "sv": "Ta bort ägare"}
    # given a document whose only field is the title
    fresh = BpmnDocument.new()
    fresh_editor = editor_for(fresh)
    fresh_editor.set_metadata("title", "Intyg").apply()
    # when
    triad(fresh_editor.set_metadata("title", None))
    # then
    assert metadata(fresh.processes[0]) is None and fresh.processes[0].extension_elements is None


def test_setting_a_field_to_what_it_holds_changes_nothing():
    document = read_bpmn(STANDARD)
    assert editor_for(document).set_metadata("identifier", "STD-REM-IN").is_empty


@pytest.mark.parametrize("text", ["1 mars 2026", "2026-3-1", "2026-02-30", "20260301", "2026-03-01T10:00"])
def test_a_valid_from_date_that_is_no_iso_date_is_refused_with_the_form_to_use(text: str):
    # given
    document = BpmnDocument.new()
    # when
    with pytest.raises(EditRefused) as refused:
        editor_for(document).set_metadata("valid_from", text)
    # then
    assert "2026-03-01" in refused.value.reason["en"] and "år-månad-dag" in refused.value.reason["sv"]


def test_a_category_is_a_referral_or_a_certificate():
    with pytest.raises(EditRefused):
        editor_for(BpmnDocument.new()).set_metadata("category", "remiss")
