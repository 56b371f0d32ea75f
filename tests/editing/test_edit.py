"""The Edit contract: one apply per revert, atomic on failure, composite names and kinds."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import Edit, EditStateError
from process_mapper.core.editing.changes import Change, ElementChanges, SetValue
from process_mapper.core.model.equality import model_differences
from tests.editing.support import snapshot


class _Failing(Change):
    """A change that breaks, standing in for a bug in a behaviour."""

    def apply(self) -> None:
        raise RuntimeError("broken")

    def revert(self) -> None:
        raise AssertionError("never applied")

    def effect(self) -> ElementChanges:
        return ElementChanges()


def test_an_edit_is_applied_and_reverted_in_turn(editor):
    # given
    edit = editor.rename("register", "Registrera")
    # then
    with pytest.raises(EditStateError):
        edit.revert()
    edit.apply()
    with pytest.raises(EditStateError):
        edit.apply()
    assert edit.applied


def test_a_failing_change_leaves_the_tree_as_it_was(referral):
    # given
    before = snapshot(referral)
    heard: list[ElementChanges] = []
    changes = [SetValue(referral.get("register"), "name", "Ny"), _Failing()]
    edit = Edit("element.rename", {"en": "Rename", "sv": "Byt namn"}, changes, referral, heard.append)
    # when
    with pytest.raises(RuntimeError):
        edit.apply()
    # then
    assert model_differences(before, referral.definitions) == []
    assert not edit.applied and heard == []


def test_every_operation_names_itself_in_both_languages(editor):
    edits = [
        editor.create_shape("startEvent:timer", "pool_clinic", (1200, 150)),
        editor.connect("escalate", "end_rejected"),
        editor.delete(["note"]),
        editor.move(["note"], (5, 0)),
        editor.resize("escalate", (900.0, 360.0, 120.0, 80.0)),
        editor.rename("escalate", "Skicka påminnelse"),
        editor.change_type("escalate", "serviceTask"),
        editor.add_lane("pool_clinic"),
        editor.remove_lane("lane_doctor"),
        editor.move_lane("lane_doctor", 0),
        editor.set_property("escalate", "system", "Cosmic"),
        editor.set_documentation("escalate", "Efter 14 dagar."),
        editor.set_deadline("escalate", "P1D"),
        editor.paste(editor.copy(["escalate"]), "pool_clinic", (10, 10)),
    ]
    assert [edit.kind for edit in edits] == [
        "shape.create", "connection.create", "elements.delete", "shape.move", "shape.resize", "element.rename",
        "element.change_type", "lane.add", "lane.remove", "lane.move", "property.set", "documentation.set",
        "deadline.set", "elements.paste",
    ]  # fmt: skip
    assert [edit.name["sv"] for edit in edits] == [
        "Lägg till starthändelse med timer", "Lägg till sekvensflöde", "Ta bort textanteckning",
        "Flytta textanteckning", "Ändra storlek på aktivitet", "Byt namn på aktivitet",
        "Ändra till tjänsteaktivitet", "Lägg till simbana", "Ta bort simbana", "Flytta simbana",
        "Ange egenskapen 'system'", "Ändra dokumentation", "Ange tidsgräns", "Klistra in aktivitet",
    ]  # fmt: skip
    assert all(edit.name["en"] and not edit.applied for edit in edits)
