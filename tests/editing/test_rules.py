"""Rules: each refusal with its reason, and what is allowed."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import (
    ConnectionKind,
    EditRefused,
    Refusal,
    ShapeKind,
    can_connect,
    can_create,
    can_delete,
    check_change_type,
    check_connect,
    check_create,
    check_delete,
    check_move,
    check_resize,
)
from process_mapper.core.model import Bounds, BpmnDocument
from tests.editing.support import editor_for


@pytest.mark.parametrize(
    ("source", "target", "english"),
    [
        ("assess", "start", "Nothing may flow into a start event."),
        ("end_done", "assess", "Nothing may flow out of an end event."),
        ("register", "deadline_assess", "Nothing may flow into a boundary event."),
        ("register", "sub_check", "Sequence flows stay within one process or sub-process level."),
        ("register", "register", "An element cannot connect to itself."),
        ("register", "lane_doctor", "This Lane cannot be connected."),
        ("decide", "receive_referral", "This Exclusive Gateway cannot send a message flow."),
        ("register", "hospital_end", "This End Event cannot receive a message flow."),
        ("note", "note", "An element cannot connect to itself."),
        ("register", "referral_doc", "Data associations are not supported yet."),
        ("register", "missing", "There is no element 'missing'."),
    ],
)
def test_each_connection_refusal_says_why(referral, source, target, english):
    # when
    verdict = check_connect(referral, source, target)
    # then
    assert isinstance(verdict, Refusal) and verdict.reason["en"] == english and verdict.reason["sv"]
    assert can_connect(referral, source, target) is None


def test_message_flows_need_different_pools(referral):
    # given a document where the task's process has no pool
    document = BpmnDocument.new()
    editor = editor_for(document)
    editor.create_shape("task", "Process_1", (100, 100)).apply()
    editor.create_shape("task", "Process_1", (300, 100)).apply()
    first, second = (node.id for node in document.flow_nodes())
    # then they connect with a sequence flow, and a refused pair says why
    assert can_connect(document, first, second) is ConnectionKind.SEQUENCE_FLOW
    assert check_connect(referral, "escalate", "assess") is ConnectionKind.SEQUENCE_FLOW
    verdict = check_connect(referral, "receive_referral", "pool_hospital")
    assert isinstance(verdict, Refusal) and verdict.reason["en"] == "Message flows connect different pools."


def test_an_event_based_gateway_leads_only_to_catch_events_and_receive_tasks(editor, referral):
    # given
    editor.create_shape("eventBasedGateway", "pool_clinic", (1200, 150)).apply()
    gateway = referral.get("process_clinic").flow_elements[-1].id
    # then
    verdict = check_connect(referral, gateway, "register")
    assert isinstance(verdict, Refusal) and "event-based gateway" in verdict.reason["en"]


@pytest.mark.parametrize(
    ("kind", "container", "english"),
    [
        (
            "boundaryEvent:timer",
            "process_clinic",
            "A boundary event is attached to an activity, not placed on its own.",
        ),
        ("intermediateCatchEvent", "process_clinic", "This Intermediate Catch Event needs a trigger."),
        ("startEvent:error", "process_clinic", "This Start Event cannot have the trigger Error."),
        ("userTask:timer", "process_clinic", "This User Task cannot have the trigger Timer."),
        ("startEvent:timer", "sub_review", "A sub-process starts with a plain start event."),
        ("task", "lane_doctor", "There is no process or sub-process 'lane_doctor'."),
    ],
)
def test_each_creation_refusal_says_why(referral, kind, container, english):
    refusal = check_create(referral, ShapeKind.parse(kind), container)
    assert refusal is not None and refusal.reason["en"] == english
    assert not can_create(referral, ShapeKind.parse(kind), container)


def test_creation_is_allowed_in_a_pool_and_a_sub_process(referral):
    assert can_create(referral, ShapeKind.parse("endEvent:terminate"), "pool_clinic")
    assert can_create(referral, ShapeKind.parse("startEvent"), "sub_review")


def test_deleting_refuses_lanes_processes_and_unknown_ids(referral):
    assert check_delete(referral, ["lane_doctor"]).reason["en"] == "Remove a lane with Remove Lane."
    assert check_delete(referral, ["process_clinic"]).reason["en"] == "This Process cannot be deleted here."
    assert check_delete(referral, ["ghost"]).reason["sv"] == "Det finns inget element 'ghost'."
    assert can_delete(referral, ["assess", "message_referral", "pool_hospital", "note"])


def test_moving_keeps_shapes_in_their_pool_and_boundary_events_on_their_activity(referral):
    assert (
        check_move(referral, ["register"], (0, 1000)).reason["en"]
        == "Place the element inside its pool or sub-process."
    )
    assert (
        check_move(referral, ["sub_check"], (400, 0)).reason["en"]
        == "Place the element inside its pool or sub-process."
    )
    assert (
        check_move(referral, ["deadline_assess"], (10, 0)).reason["en"] == "A boundary event moves with its activity."
    )
    assert check_move(referral, ["lane_doctor"], (0, 10)).reason["en"] == "Reorder lanes with Move Lane."
    assert check_move(referral, ["flow_default"], (0, 10)).reason["en"] == "This Sequence Flow cannot be moved."
    assert check_move(referral, ["register", "pool_clinic"], (0, 1000)) is None


def test_resizing_refuses_fixed_size_shapes_and_tiny_boxes(referral):
    assert (
        check_resize(referral, "start", Bounds(x=0, y=0, width=50, height=50)).reason["en"]
        == "This Start Event keeps its size."
    )
    assert (
        check_resize(referral, "assess", Bounds(x=0, y=0, width=20, height=80)).reason["en"]
        == "This Task cannot be that small."
    )
    assert check_resize(referral, "pool_clinic", Bounds(x=0, y=0, width=1000, height=600)) is None


@pytest.mark.parametrize(
    ("element", "kind", "english"),
    [
        ("assess", "exclusiveGateway", "This Task cannot be changed to Exclusive Gateway."),
        ("assess", "task", "The element is already of type Task."),
        ("sub_review", "task", "The sub-process has content; it stays an expanded sub-process."),
        ("end_done", "startEvent", "A start event has no incoming flows."),
        ("start", "endEvent", "An end event has no outgoing flows."),
        ("deadline_assess", "startEvent:timer", "This Timer Boundary Event cannot be changed to Timer Start Event."),
        ("escalate", "startEvent", "This Task cannot be changed to Start Event."),
        ("receive_referral", "exclusiveGateway", "This Receive Task cannot be changed to Exclusive Gateway."),
    ],
)
def test_each_type_change_refusal_says_why(referral, element, kind, english):
    refusal = check_change_type(referral, element, ShapeKind.parse(kind))
    assert refusal is not None and refusal.reason["en"] == english


def test_a_message_flow_end_must_suit_the_new_type(editor, referral):
    # given a message flow into the hospital's start event
    editor.connect("pool_clinic", "hospital_start").apply()
    # when
    refusal = check_change_type(referral, "hospital_start", ShapeKind.parse("intermediateThrowEvent"))
    # then
    assert (
        refusal is not None and refusal.reason["en"] == "This Intermediate Throw Event cannot receive a message flow."
    )
    assert check_change_type(referral, "hospital_start", ShapeKind.parse("startEvent:message")) is None


def test_the_editor_raises_the_rules_refusal(editor):
    with pytest.raises(EditRefused) as refused:
        editor.connect("assess", "start")
    assert refused.value.reason == {
        "en": "Nothing may flow into a start event.",
        "sv": "Inget flöde får gå in i en starthändelse.",
    }
    assert str(refused.value) == "Nothing may flow into a start event."
