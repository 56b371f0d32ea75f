"""element.rename, element.change_type, property.set, documentation.set, deadline.set."""

from __future__ import annotations

import pytest

from process_mapper.core.diff.durations import parse_duration
from process_mapper.core.diff.facts import collect_facts
from process_mapper.core.diff.steps import build_graph
from process_mapper.core.editing import EditRefused
from process_mapper.core.model import (
    BoundaryEvent,
    MessageEventDefinition,
    ParallelGateway,
    StartEvent,
    SubProcess,
    TimerEventDefinition,
    UserTask,
)
from process_mapper.core.model.extensions import properties
from process_mapper.core.validation import validate
from tests.editing.support import assert_saves_valid, bounds, lane_refs, triad


def test_renaming_an_event_resizes_its_label_around_its_centre(editor, referral):
    # when
    edit = editor.rename("start", "Ny remiss")
    triad(edit)
    # then
    assert referral.get("start").name == "Ny remiss"
    label = referral.shape_of("start").label.bounds
    assert (label.x + label.width / 2, label.y, label.height) == (198.0, 175.0, 14.0)
    assert edit.kind == "element.rename" and edit.name == {
        "en": "Rename Start Event",
        "sv": "Byt namn på starthändelse",
    }
    assert_saves_valid(referral)


def test_clearing_a_name_removes_the_label(editor, referral):
    triad(editor.rename("decide", ""))
    assert referral.get("decide").name is None and referral.shape_of("decide").label is None


def test_renaming_an_annotation_changes_its_text(editor, referral):
    triad(editor.rename("note", "Via 1177"))
    assert referral.get("note").text == "Via 1177"


def test_renaming_a_flow_gives_it_a_label(editor, referral):
    triad(editor.rename("flow_default", "Ja"))
    assert referral.get("flow_default").name == "Ja" and referral.edge_of("flow_default").label is not None


def test_changing_a_task_to_a_user_task_keeps_id_flows_drawing_and_lanes(editor, referral):
    # given
    drawing = referral.shape_of("assess")
    # when
    edit = editor.change_type("assess", "userTask")
    triad(edit)
    # then
    task = referral.get("assess")
    assert isinstance(task, UserTask) and task.name == "Bedöma remiss"
    assert (task.incoming, task.outgoing) == (["flow_default"], ["flow_assess_review"])
    assert referral.shape_of("assess") is drawing
    assert "assess" in lane_refs(referral)["lane_doctor"]
    assert edit.name == {"en": "Change to User Task", "sv": "Ändra till användaraktivitet"}
    assert_saves_valid(referral)


def test_changing_an_exclusive_gateway_to_parallel_drops_the_default(editor, referral):
    triad(editor.change_type("decide", "parallelGateway"))
    gateway = referral.get("decide")
    assert isinstance(gateway, ParallelGateway) and not hasattr(gateway, "default")
    assert gateway.outgoing == ["flow_default", "flow_incomplete"]
    assert_saves_valid(referral)


def test_changing_an_event_trigger_replaces_the_definition(editor, referral):
    # when
    triad(editor.change_type("hospital_start", "startEvent:message"))
    # then
    event = referral.get("hospital_start")
    assert isinstance(event, StartEvent)
    (definition,) = event.event_definitions
    assert isinstance(definition, MessageEventDefinition) and definition.id.startswith("MessageEventDefinition_")
    assert_saves_valid(referral)


def test_changing_a_boundary_timer_to_a_message_keeps_it_attached(editor, referral):
    triad(editor.change_type("deadline_assess", "boundaryEvent:message"))
    event = referral.get("deadline_assess")
    assert isinstance(event, BoundaryEvent) and event.attached_to_ref == "assess"
    assert isinstance(event.event_definitions[0], MessageEventDefinition)


def test_a_task_becomes_an_expanded_sub_process_around_its_centre(editor, referral):
    triad(editor.change_type("escalate", "subProcess:expanded"))
    assert isinstance(referral.get("escalate"), SubProcess)
    assert bounds(referral, "escalate") == (775.0, 300.0, 350.0, 200.0)
    assert referral.shape_of("escalate").is_expanded is True
    assert_saves_valid(referral)


def test_setting_and_removing_our_properties(editor, referral):
    # when
    set_edit = editor.set_property("register", "system", "e-remiss")
    triad(set_edit)
    # then
    assert properties(referral.get("register")) == {"system": "e-remiss"}
    assert set_edit.kind == "property.set"
    assert set_edit.name == {"en": "Set Property 'system'", "sv": "Ange egenskapen 'system'"}
    assert_saves_valid(referral)
    # when removed again
    remove_edit = editor.set_property("register", "system", None)
    triad(remove_edit)
    assert referral.get("register").extension_elements is None
    assert remove_edit.name["en"] == "Remove Property 'system'"


def test_setting_a_property_to_its_value_changes_nothing(editor):
    editor.set_property("register", "medium", "paper").apply()
    assert editor.set_property("register", "medium", "paper").is_empty


def test_setting_and_removing_documentation(editor, referral):
    triad(editor.set_documentation("assess", "Läkaren bedömer inom 14 dagar."))
    assert [d.text for d in referral.get("assess").documentation] == ["Läkaren bedömer inom 14 dagar."]
    edit = editor.set_documentation("assess", None)
    triad(edit)
    assert referral.get("assess").documentation == [] and edit.name["sv"] == "Ta bort dokumentation"
    assert_saves_valid(referral)


def test_a_deadline_adds_a_timer_boundary_event_in_the_activitys_lane(editor, referral):
    # when
    edit = editor.set_deadline("register", "P3D")
    triad(edit)
    # then
    event = referral.get("process_clinic").flow_elements[-1]
    assert isinstance(event, BoundaryEvent) and event.attached_to_ref == "register"
    assert event.cancel_activity is False  # a deadline marker: the step goes on when it passes
    assert event.event_definitions[0].time_duration.body == "P3D"
    assert bounds(referral, event.id) == (316.0, 172.0, 36.0, 36.0)
    assert event.id in lane_refs(referral)["lane_reception"]
    assert edit.kind == "deadline.set" and edit.name == {"en": "Set Deadline", "sv": "Ange tidsgräns"}
    assert_saves_valid(referral)


def test_a_deadline_on_a_clean_model_leaves_it_clean_and_the_diff_reads_it(editor, referral):
    # given
    assert validate(referral, schema=False) == []
    # when
    triad(editor.set_deadline("register", "P3D"))
    # then the validator has nothing to say, and the diff reads the limit as the step's deadline
    assert validate(referral, schema=False) == []
    facts = collect_facts(referral, build_graph(referral)).steps["register"]
    assert [(deadline.text, deadline.duration) for deadline in facts.deadlines] == [("P3D", parse_duration("P3D"))]


def test_a_second_deadline_replaces_the_duration(editor, referral):
    triad(editor.set_deadline("assess", "P7D"))
    definition = referral.get("deadline_assess").event_definitions[0]
    assert isinstance(definition, TimerEventDefinition) and definition.id == "deadline_assess_timer"
    assert definition.time_duration.body == "P7D"


def test_removing_the_deadline_deletes_the_timer_and_its_flow(editor, referral):
    edit = editor.set_deadline("assess", None)
    triad(edit)
    assert referral.get("deadline_assess") is None and referral.get("flow_escalate") is None
    assert edit.name["en"] == "Remove Deadline"
    assert_saves_valid(referral)


def test_a_deadline_needs_an_activity_and_an_iso_duration(editor):
    with pytest.raises(EditRefused):
        editor.set_deadline("decide", "P3D")
    with pytest.raises(EditRefused) as refused:
        editor.set_deadline("register", "tre dagar")
    assert refused.value.reason["en"] == "'tre dagar' is no ISO 8601 duration such as P14D."
