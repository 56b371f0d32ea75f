"""shape.move and shape.resize: what moves along, edges, labels, lanes filling their pool."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import EditRefused
from tests.editing.support import assert_saves_valid, bounds, lane_refs, triad, waypoints


def test_moving_a_task_moves_its_boundary_event_and_the_ends_of_its_edges(editor, referral):
    # when
    edit = editor.move(["assess"], (0, 40))
    triad(edit)
    # then
    assert bounds(referral, "assess") == (410.0, 350.0, 100.0, 80.0)
    assert bounds(referral, "deadline_assess") == (472.0, 412.0, 36.0, 36.0)
    # the default flow's last segment stays vertical, its bend follows
    assert waypoints(referral, "flow_default") == [(435.0, 175.0), (435.0, 280.0), (460.0, 280.0), (460.0, 350.0)]
    # the straight flow that would turn diagonal is routed afresh
    assert waypoints(referral, "flow_assess_review") == [(510.0, 390.0), (535.0, 390.0), (535.0, 350.0), (560.0, 350.0)]
    # both ends of the escalation path moved? only the start did: its neighbour follows along x
    assert waypoints(referral, "flow_escalate")[:2] == [(490.0, 448.0), (490.0, 440.0)]
    assert edit.name == {"en": "Move Task", "sv": "Flytta aktivitet"}
    assert_saves_valid(referral)


def test_moving_an_event_moves_its_label(editor, referral):
    triad(editor.move(["start"], (10, 20)))
    label = referral.shape_of("start").label.bounds
    assert (label.x, label.y) == (166.0, 195.0)


def test_moving_into_another_lane_changes_lane_membership(editor, referral):
    # when
    triad(editor.move(["escalate"], (100, -200)))
    # then
    refs = lane_refs(referral)
    assert "escalate" in refs["lane_reception"] and "escalate" not in refs["lane_doctor"]


def test_a_moved_activity_takes_its_boundary_event_into_the_new_lane(editor, referral):
    triad(editor.move(["assess"], (200, -200)))
    refs = lane_refs(referral)
    assert refs["lane_reception"][-2:] == ["assess", "deadline_assess"]
    assert refs["lane_doctor"] == ["sub_review", "escalate", "end_done"]


def test_moving_a_sub_process_moves_its_content_and_inner_flows_entirely(editor, referral):
    # when
    triad(editor.move(["sub_review"], (20, 0)))
    # then
    assert bounds(referral, "sub_check") == (680.0, 310.0, 100.0, 80.0)
    assert waypoints(referral, "sub_flow_1") == [(646.0, 350.0), (680.0, 350.0)]


def test_moving_a_pool_moves_everything_in_it_and_message_flow_ends(editor, referral):
    # when
    edit = editor.move(["pool_hospital"], (0, 100))
    triad(edit)
    # then
    assert bounds(referral, "pool_hospital")[1] == 600.0
    assert bounds(referral, "receive_referral")[1] == 660.0
    assert waypoints(referral, "flow_hospital") == [(216.0, 700.0), (400.0, 700.0)]
    assert waypoints(referral, "message_referral")[-2:] == [(450.0, 520.0), (450.0, 660.0)]
    assert edit.name["en"] == "Move Pool"
    assert_saves_valid(referral)


def test_moving_several_shapes_names_the_count(editor, referral):
    edit = editor.move(["register", "decide"], (0, 10))
    triad(edit)
    assert edit.name == {"en": "Move 2 Elements", "sv": "Flytta 2 element"}
    assert waypoints(referral, "flow_register_decide") == [(360.0, 160.0), (410.0, 160.0)]


def test_moving_out_of_the_pool_is_refused(editor):
    with pytest.raises(EditRefused):
        editor.move(["register"], (0, 600))


def test_resizing_a_task_keeps_its_boundary_event_on_the_border(editor, referral):
    # when
    edit = editor.resize("assess", (410.0, 310.0, 140.0, 100.0))
    triad(edit)
    # then
    assert bounds(referral, "assess") == (410.0, 310.0, 140.0, 100.0)
    x, y, width, height = bounds(referral, "deadline_assess")
    assert (x + width / 2, y + height / 2) == (522.0, 410.0)
    assert edit.kind == "shape.resize" and edit.name == {"en": "Resize Task", "sv": "Ändra storlek på aktivitet"}
    assert_saves_valid(referral)


def test_resizing_a_pool_from_the_bottom_grows_the_last_lane(editor, referral):
    # when
    triad(editor.resize("pool_clinic", (100.0, 50.0, 1500.0, 450.0)))
    # then
    assert bounds(referral, "lane_reception") == (130.0, 50.0, 1470.0, 200.0)
    assert bounds(referral, "lane_doctor") == (130.0, 250.0, 1470.0, 250.0)
    assert_saves_valid(referral)


def test_resizing_a_pool_from_the_top_grows_the_first_lane(editor, referral):
    triad(editor.resize("pool_clinic", (100.0, 20.0, 1400.0, 430.0)))
    assert bounds(referral, "lane_reception") == (130.0, 20.0, 1370.0, 230.0)
    assert bounds(referral, "lane_doctor") == (130.0, 250.0, 1370.0, 200.0)


def test_resizing_a_lane_moves_the_shared_edge_and_keeps_the_pool(editor, referral):
    # when
    triad(editor.resize("lane_reception", (130.0, 50.0, 1370.0, 150.0)))
    # then
    assert bounds(referral, "lane_doctor") == (130.0, 200.0, 1370.0, 250.0)
    assert bounds(referral, "pool_clinic") == (100.0, 50.0, 1400.0, 400.0)


def test_resizing_the_outer_edge_of_a_lane_grows_the_pool(editor, referral):
    triad(editor.resize("lane_doctor", (130.0, 250.0, 1470.0, 260.0)))
    assert bounds(referral, "pool_clinic") == (100.0, 50.0, 1500.0, 460.0)
    assert bounds(referral, "lane_reception") == (130.0, 50.0, 1470.0, 200.0)


def test_a_lane_cannot_be_squeezed_below_its_minimum(editor):
    with pytest.raises(EditRefused) as refused:
        editor.resize("lane_reception", (130.0, 50.0, 1370.0, 370.0))
    assert refused.value.reason["en"] == "This Lane cannot be that small."
