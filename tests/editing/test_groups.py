"""Groups: created with a category value of their own, renamed through it, moved, resized, deleted."""

from __future__ import annotations

import re

import pytest

from process_mapper.core.editing import Clipboard, EditRefused
from process_mapper.core.model import BpmnDocument, Category, CategoryValue, Collaboration, Group, Process
from tests.editing.support import assert_saves_valid, bounds, editor_for, triad


def _new_group(document: BpmnDocument, name: str | None = "Remisshantering") -> Group:
    edit = editor_for(document).create_group((500, 400), name)
    edit.apply()
    return next(record for record in document.definitions.iter_tree() if isinstance(record, Group))


def _label_box(document: BpmnDocument, group_id: str) -> tuple[float, float, float, float] | None:
    label = document.shape_of(group_id).label
    if label is None:
        return None
    box = label.bounds
    return (box.x, box.y, box.width, box.height)


def test_a_group_in_a_pool_diagram_goes_into_the_collaboration_with_a_category_of_its_own(editor, referral):
    # when
    edit = editor.create_group((500, 400), "Remisshantering")
    triad(edit)
    # then the group is written as bpmn.io writes it
    (collaboration,) = referral.collaborations
    group = collaboration.artifacts[-1]
    assert isinstance(group, Group) and re.fullmatch(r"Group_[0-9a-z]{7}", group.id)
    category = referral.definitions.root_elements[-1]
    assert isinstance(category, Category) and category.id.startswith("Category_")
    (value,) = category.category_values
    assert value.id == group.category_value_ref and value.value == "Remisshantering"
    # and drawn at bpmn.io's size with its label inside the top edge
    assert bounds(referral, group.id) == (350.0, 250.0, 300.0, 300.0)
    label = _label_box(referral, group.id)
    assert label is not None and label[1] == 255.0 and label[0] + label[2] / 2 == pytest.approx(500, abs=1)
    assert edit.name == {"en": "Add Group", "sv": "Lägg till grupp"}
    assert_saves_valid(referral)


def test_a_group_in_a_process_diagram_goes_into_the_process():
    # given
    document = BpmnDocument.new("Ny process")
    # when
    edit = editor_for(document).create_group((300, 200))
    triad(edit)
    # then
    (process,) = document.processes
    (group,) = process.artifacts
    value = document.resolve(group.category_value_ref)
    assert isinstance(value, CategoryValue) and value.value is None
    assert document.shape_of(group.id).label is None
    assert_saves_valid(document)


def test_renaming_a_group_changes_its_category_value_and_its_label(referral):
    # given
    group = _new_group(referral)
    editor = editor_for(referral, seed=8)
    old_label = _label_box(referral, group.id)
    # when
    edit = editor.rename(group.id, "Bedömning och beslut om vårdnivå")
    triad(edit)
    # then
    assert referral.resolve(group.category_value_ref).value == "Bedömning och beslut om vårdnivå"
    new_label = _label_box(referral, group.id)
    assert new_label[3] > old_label[3] and new_label[1] == old_label[1]  # wrapped onto more lines
    assert new_label[0] + new_label[2] / 2 == pytest.approx(old_label[0] + old_label[2] / 2, abs=1)
    assert edit.name == {"en": "Rename Group", "sv": "Byt namn på grupp"}
    assert_saves_valid(referral)


def test_naming_a_group_without_a_category_value_gives_it_one(referral):
    # given a group as some tools write it: no categoryValueRef
    group = _new_group(referral, None)
    group.category_value_ref = None
    referral.invalidate()
    categories = len([r for r in referral.definitions.root_elements if isinstance(r, Category)])
    # when
    edit = editor_for(referral, seed=8).rename(group.id, "Uppföljning")
    triad(edit)
    # then
    value = referral.resolve(group.category_value_ref)
    assert isinstance(value, CategoryValue) and value.value == "Uppföljning"
    assert len([r for r in referral.definitions.root_elements if isinstance(r, Category)]) == categories + 1
    assert_saves_valid(referral)


def test_a_moved_group_takes_its_label_along_and_a_resized_one_keeps_it_centred_on_top(referral):
    # given
    group = _new_group(referral)
    editor = editor_for(referral, seed=8)
    label_before = _label_box(referral, group.id)
    # when moved
    triad(editor.move([group.id], (40, 20)))
    # then
    assert bounds(referral, group.id) == (390.0, 270.0, 300.0, 300.0)
    assert _label_box(referral, group.id)[:2] == (label_before[0] + 40, label_before[1] + 20)
    # when resized from the left and the top
    triad(editor.resize(group.id, (290.0, 230.0, 400.0, 340.0)))
    # then the label is centred on the new top edge
    label = _label_box(referral, group.id)
    assert label[1] == 235.0 and label[0] + label[2] / 2 == pytest.approx(490, abs=1)


def test_a_group_cannot_be_resized_to_nothing(referral):
    # given
    group = _new_group(referral)
    # when / then
    with pytest.raises(EditRefused):
        editor_for(referral, seed=8).resize(group.id, (350.0, 250.0, 20.0, 20.0))


def test_deleting_a_group_takes_its_category_along(referral):
    # given
    before = [r.id for r in referral.definitions.root_elements]
    group = _new_group(referral)
    # when
    edit = editor_for(referral, seed=8).delete([group.id])
    triad(edit)
    # then
    assert [r.id for r in referral.definitions.root_elements] == before
    assert referral.get(group.id) is None and referral.shape_of(group.id) is None
    assert edit.name == {"en": "Delete Group", "sv": "Ta bort grupp"}
    assert_saves_valid(referral)


def test_a_category_value_another_group_shows_stays_and_a_shared_category_keeps_its_other_values(referral):
    # given two groups sharing one value, and a second value in the same category
    group = _new_group(referral)
    value = referral.resolve(group.category_value_ref)
    category = referral.parent_of(value)
    category.category_values.append(CategoryValue(id="CategoryValue_other", value="Annat"))
    twin = Group(id="Group_twin", category_value_ref=value.id)
    collaboration = referral.collaborations[0]
    assert isinstance(collaboration, Collaboration)
    collaboration.artifacts.append(twin)
    referral.invalidate()
    editor = editor_for(referral, seed=8)
    # when one of the twins goes
    triad(editor.delete([group.id]))
    # then the value stays
    assert referral.get(value.id) is value
    # when the other goes too
    triad(editor.delete([twin.id]))
    # then the value goes but the category keeps its other value
    assert referral.get(value.id) is None
    assert [v.id for v in category.category_values] == ["CategoryValue_other"]
    assert referral.get(category.id) is category


def test_a_group_in_a_process_without_pools_is_deleted_with_its_category():
    # given
    document = BpmnDocument.new("Ny process")
    group = _new_group(document)
    # when
    triad(editor_for(document, seed=8).delete([group.id]))
    # then
    assert [type(r) for r in document.definitions.root_elements] == [Process]
    assert_saves_valid(document)


def test_a_pasted_group_gets_a_category_value_of_its_own_with_the_same_label(referral):
    # given a group copied in its document
    group = _new_group(referral)
    editor = editor_for(referral)
    clipboard = editor.copy([group.id])
    # when it is pasted in the same document
    edit = editor.paste(clipboard, "pool_clinic", (0, 200))
    triad(edit)
    # then the copy shows the same label through a category value of its own
    pasted = next(g for g in referral.definitions.iter_tree() if isinstance(g, Group) and g.id != group.id)
    assert pasted.category_value_ref != group.category_value_ref
    assert referral.resolve(pasted.category_value_ref).value == "Remisshantering"
    assert _label_box(referral, pasted.id) is not None
    # and renaming the copy leaves the original's label as it was
    editor.rename(pasted.id, "Bedömning").apply()
    assert referral.resolve(group.category_value_ref).value == "Remisshantering"
    assert referral.resolve(pasted.category_value_ref).value == "Bedömning"
    assert_saves_valid(referral)


def test_a_group_pasted_into_another_document_keeps_its_label():
    # given a group copied to the system clipboard from one document
    source = BpmnDocument.new()
    group = _new_group(source, "Intyg till Försäkringskassan")
    data = editor_for(source).copy([group.id]).to_bytes()
    target = BpmnDocument.new()
    # when it is pasted into another document
    editor_for(target, seed=5).paste(Clipboard.from_bytes(data), "Process_1", (40, 0)).apply()
    # then it arrives with its label, in a category of the target
    (pasted,) = [g for g in target.definitions.iter_tree() if isinstance(g, Group)]
    value = target.resolve(pasted.category_value_ref)
    assert isinstance(value, CategoryValue) and value.value == "Intyg till Försäkringskassan"
    assert any(isinstance(r, Category) and value in r.category_values for r in target.definitions.root_elements)
    assert_saves_valid(target)


def test_a_pasted_group_without_a_label_gets_no_category():
    # given a group without a name
    document = BpmnDocument.new()
    group = _new_group(document, None)
    editor = editor_for(document)
    categories = sum(isinstance(r, Category) for r in document.definitions.root_elements)
    # when it is copied and pasted
    editor.paste(editor.copy([group.id]), "Process_1", (40, 0)).apply()
    # then the copy refers to no category value, and no category was added
    pasted = [g for g in document.definitions.iter_tree() if isinstance(g, Group) and g.id != group.id]
    assert [g.category_value_ref for g in pasted] == [None]
    assert sum(isinstance(r, Category) for r in document.definitions.root_elements) == categories
