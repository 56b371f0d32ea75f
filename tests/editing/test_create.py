"""shape.create: flow nodes, events with triggers, data, annotations and pools."""

from __future__ import annotations

import re

import pytest

from process_mapper.core.editing import DocumentEditor, EditRefused, ShapeKind
from process_mapper.core.model import (
    BpmnDocument,
    DataObject,
    DataObjectReference,
    ExclusiveGateway,
    Participant,
    Process,
    StartEvent,
    SubProcess,
    TextAnnotation,
    TimerEventDefinition,
    UserTask,
)
from tests.editing.support import assert_saves_valid, bounds, editor_for, lane_refs, triad


def _added(document: BpmnDocument, before_ids: set[str]) -> list[str]:
    return sorted(set(document.index) - before_ids)


def test_a_user_task_gets_a_bpmn_io_id_a_default_size_and_the_lane_under_it(editor, referral):
    # given
    known = set(referral.index)
    # when
    edit = editor.create_shape("userTask", "pool_clinic", (700, 150), "Ringa patienten")
    triad(edit)
    # then
    new_task, new_shape = _added(referral, known)
    assert re.fullmatch(r"Activity_[0-9a-z]{7}", new_task) and new_shape == f"{new_task}_di"
    task = referral.get(new_task)
    assert isinstance(task, UserTask) and task.name == "Ringa patienten"
    assert referral.parent_of(task) is referral.get("process_clinic")
    assert bounds(referral, new_task) == (650.0, 110.0, 100.0, 80.0)
    assert lane_refs(referral)["lane_reception"][-1] == new_task
    assert new_task not in lane_refs(referral)["lane_doctor"]
    assert edit.kind == "shape.create"
    assert edit.name == {"en": "Add User Task", "sv": "Lägg till användaraktivitet"}
    assert_saves_valid(referral)


def test_a_timer_event_carries_its_duration_as_a_formal_expression(editor, referral):
    # when
    edit = editor.create_shape("intermediateCatchEvent:timer", "pool_clinic", (1000, 150), "Vänta", duration="P2D")
    triad(edit)
    # then
    event = referral.get("process_clinic").flow_elements[-1]
    (definition,) = event.event_definitions
    assert isinstance(definition, TimerEventDefinition) and definition.id.startswith("TimerEventDefinition_")
    assert definition.time_duration.body == "P2D"
    assert definition.time_duration.extra_attributes == {
        "{http://www.w3.org/2001/XMLSchema-instance}type": "bpmn:tFormalExpression"
    }
    shape = referral.shape_of(event.id)
    assert (shape.bounds.width, shape.bounds.height) == (36.0, 36.0)
    assert shape.label is not None and shape.label.bounds.y == shape.bounds.bottom + 7
    assert edit.name == {
        "en": "Add Timer Intermediate Catch Event",
        "sv": "Lägg till mellanliggande mottagande händelse med timer",
    }
    assert_saves_valid(referral)


@pytest.mark.parametrize(
    ("kind", "record_class", "size"),
    [
        ("exclusiveGateway", ExclusiveGateway, (50.0, 50.0)),
        ("subProcess:expanded", SubProcess, (350.0, 200.0)),
        ("subProcess:collapsed", SubProcess, (100.0, 80.0)),
        ("startEvent:message", StartEvent, (36.0, 36.0)),
        ("textAnnotation", TextAnnotation, (100.0, 30.0)),
    ],
)
def test_each_kind_has_its_class_and_bpmn_io_size(editor, referral, kind, record_class, size):
    # given
    known = set(referral.index)
    # when
    triad(editor.create_shape(kind, "pool_clinic", (1200, 200), "X"))
    # then
    new_id = next(i for i in _added(referral, known) if not i.endswith("_di") and "Definition" not in i)
    assert type(referral.get(new_id)) is record_class
    assert bounds(referral, new_id)[2:] == size
    shape = referral.shape_of(new_id)
    if record_class is SubProcess:
        assert shape.is_expanded is ShapeKind.parse(kind).expanded
    if record_class is ExclusiveGateway:
        assert shape.is_marker_visible is True
    assert_saves_valid(referral)


def test_a_data_object_reference_comes_with_its_data_object(editor, referral):
    # when
    triad(editor.create_shape("dataObjectReference", "pool_clinic", (1200, 150), "Journal"))
    # then
    reference = next(
        r for r in referral.get("process_clinic").flow_elements[::-1] if isinstance(r, DataObjectReference)
    )
    data_object = referral.get(reference.data_object_ref)
    assert isinstance(data_object, DataObject) and data_object.id.startswith("DataObject_")
    assert reference.id not in [ref for refs in lane_refs(referral).values() for ref in refs]
    assert_saves_valid(referral)


def test_content_of_an_expanded_sub_process_is_in_no_lane(editor, referral):
    # when
    triad(editor.create_shape("task", "sub_review", (700, 410), "Signera"))
    # then
    task = referral.get("sub_review").flow_elements[-1]
    assert task.name == "Signera"
    assert task.id not in [ref for refs in lane_refs(referral).values() for ref in refs]


def test_creating_outside_the_pool_or_in_nothing_is_refused(editor, referral):
    with pytest.raises(EditRefused) as outside:
        editor.create_shape("task", "pool_clinic", (50, 50))
    assert outside.value.reason["en"] == "Place the element inside its pool or sub-process."
    with pytest.raises(EditRefused) as unknown:
        editor.create_shape("task", "nowhere", (300, 300))
    assert unknown.value.reason["sv"] == "Det finns ingen process eller delprocess 'nowhere'."


def test_the_first_pool_of_a_process_diagram_takes_over_the_process_and_wraps_its_content():
    # given a process diagram with one task
    document = BpmnDocument.new("Remiss")
    editor = editor_for(document)
    editor.create_shape("task", "Process_1", (300, 200), "Registrera").apply()
    # when
    edit = editor.create_pool((0, 0), "Vårdcentral")
    triad(edit)
    # then
    (collaboration,) = document.collaborations
    (participant,) = collaboration.participants
    assert participant.process_ref == "Process_1" and len(document.processes) == 1
    assert document.diagrams[0].plane.bpmn_element == collaboration.id
    assert bounds(document, participant.id) == (200.0, 140.0, 600.0, 250.0)
    assert document.diagrams[0].plane.elements[0].bpmn_element == participant.id
    assert edit.name == {"en": "Add Pool", "sv": "Lägg till pool"}
    assert_saves_valid(document)


def test_a_further_pool_gets_its_own_process(editor, referral):
    # when
    triad(editor.create_pool((800, 900), "Apotek"))
    # then
    participant = referral.collaborations[0].participants[-1]
    assert isinstance(participant, Participant) and participant.name == "Apotek"
    process = referral.get(participant.process_ref)
    assert isinstance(process, Process) and process.is_executable is False
    assert bounds(referral, participant.id) == (500.0, 775.0, 600.0, 250.0)
    assert_saves_valid(referral)


def test_building_an_edit_changes_nothing_until_it_is_applied(editor: DocumentEditor, referral):
    # given
    revision = referral.revision
    # when
    edit = editor.create_shape("task", "pool_clinic", (700, 150))
    # then
    assert referral.revision == revision and not edit.applied
