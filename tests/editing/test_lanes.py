"""lane.add, lane.remove, lane.move: bands restacked, nodes and pools follow."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import EditRefused
from process_mapper.core.model import ChildLaneSet, Lane
from tests.editing.support import assert_saves_valid, bounds, lane_refs, triad, waypoints


def test_a_lane_added_last_grows_the_pool_downwards_and_pushes_the_pool_below(editor, referral):
    # when
    edit = editor.add_lane("pool_clinic", name="Sekreterare")
    triad(edit)
    # then
    lane = referral.get("process_clinic").lane_sets[0].lanes[-1]
    assert lane.name == "Sekreterare" and lane.id.startswith("Lane_") and lane.flow_node_refs == []
    assert bounds(referral, lane.id) == (130.0, 450.0, 1370.0, 120.0)
    assert bounds(referral, "pool_clinic") == (100.0, 50.0, 1400.0, 520.0)
    assert bounds(referral, "pool_hospital") == (100.0, 620.0, 1400.0, 200.0)
    assert bounds(referral, "receive_referral")[1] == 680.0
    assert waypoints(referral, "message_referral")[-1] == (450.0, 680.0)
    assert edit.kind == "lane.add" and edit.name == {"en": "Add Lane", "sv": "Lägg till simbana"}
    assert_saves_valid(referral)


def test_a_lane_added_first_grows_the_pool_upwards(editor, referral):
    triad(editor.add_lane("pool_clinic", index=0))
    lane = referral.get("process_clinic").lane_sets[0].lanes[0]
    assert bounds(referral, lane.id) == (130.0, -70.0, 1370.0, 120.0)
    assert bounds(referral, "pool_clinic") == (100.0, -70.0, 1400.0, 520.0)
    assert bounds(referral, "register") == (260.0, 110.0, 100.0, 80.0)


def test_a_lane_added_in_the_middle_pushes_the_lanes_below_with_their_content(editor, referral):
    # when
    triad(editor.add_lane("pool_clinic", index=1))
    # then
    lanes = referral.get("process_clinic").lane_sets[0].lanes
    assert [lane.id for lane in lanes][::2] == ["lane_reception", "lane_doctor"]
    assert bounds(referral, lanes[1].id) == (130.0, 250.0, 1370.0, 120.0)
    assert bounds(referral, "lane_doctor") == (130.0, 370.0, 1370.0, 200.0)
    assert bounds(referral, "assess") == (410.0, 430.0, 100.0, 80.0)
    assert bounds(referral, "register") == (260.0, 110.0, 100.0, 80.0)
    assert_saves_valid(referral)


def test_the_first_lane_of_a_pool_wraps_its_nodes_and_a_second_is_added(editor, referral):
    # when
    triad(editor.add_lane("pool_hospital"))
    # then
    (lane_set,) = referral.get("process_hospital").lane_sets
    wrapper, added = lane_set.lanes
    assert wrapper.flow_node_refs == ["hospital_start", "receive_referral", "hospital_end"]
    assert added.flow_node_refs == []
    assert bounds(referral, wrapper.id) == (130.0, 500.0, 1370.0, 200.0)
    assert bounds(referral, added.id) == (130.0, 700.0, 1370.0, 120.0)
    assert_saves_valid(referral)


def test_a_nested_lane_splits_its_parent(editor, referral):
    # when
    triad(editor.add_lane("lane_doctor", index=0, name="Specialist"))
    # then
    parent = referral.get("lane_doctor")
    assert isinstance(parent.child_lane_set, ChildLaneSet)
    added, wrapper = parent.child_lane_set.lanes
    assert wrapper.flow_node_refs == parent.flow_node_refs
    assert bounds(referral, added.id) == (160.0, 250.0, 1340.0, 120.0)
    assert bounds(referral, wrapper.id) == (160.0, 370.0, 1340.0, 200.0)
    assert bounds(referral, "lane_doctor") == (130.0, 250.0, 1370.0, 320.0)
    assert bounds(referral, "assess")[1] == 430.0
    assert_saves_valid(referral)


def test_removing_a_lane_gives_its_band_and_nodes_to_its_neighbour(editor, referral):
    # when
    edit = editor.remove_lane("lane_reception")
    triad(edit)
    # then
    assert referral.get("lane_reception") is None and referral.drawing_of("lane_reception") is None
    assert bounds(referral, "lane_doctor") == (130.0, 50.0, 1370.0, 400.0)
    assert lane_refs(referral)["lane_doctor"] == [
        "assess",
        "deadline_assess",
        "sub_review",
        "escalate",
        "end_done",
        "start",
        "register",
        "decide",
        "end_rejected",
    ]
    assert edit.name == {"en": "Remove Lane", "sv": "Ta bort simbana"}
    assert_saves_valid(referral)


def test_removing_the_last_lane_removes_the_lane_set(editor, referral):
    # given
    editor.remove_lane("lane_reception").apply()
    # when
    triad(editor.remove_lane("lane_doctor"))
    # then
    assert referral.get("process_clinic").lane_sets == []
    assert bounds(referral, "pool_clinic") == (100.0, 50.0, 1400.0, 400.0)
    assert_saves_valid(referral)


def test_moving_a_lane_swaps_the_bands_and_carries_the_content(editor, referral):
    # when
    edit = editor.move_lane("lane_doctor", 0)
    triad(edit)
    # then
    assert [lane.id for lane in referral.get("process_clinic").lane_sets[0].lanes] == ["lane_doctor", "lane_reception"]
    assert bounds(referral, "lane_doctor") == (130.0, 50.0, 1370.0, 200.0)
    assert bounds(referral, "lane_reception") == (130.0, 250.0, 1370.0, 200.0)
    assert bounds(referral, "assess") == (410.0, 110.0, 100.0, 80.0)
    assert bounds(referral, "sub_check") == (660.0, 110.0, 100.0, 80.0)
    assert bounds(referral, "register") == (260.0, 310.0, 100.0, 80.0)
    assert edit.kind == "lane.move" and edit.name["sv"] == "Flytta simbana"
    assert_saves_valid(referral)


def test_lanes_need_a_pool_and_a_valid_position(editor):
    with pytest.raises(EditRefused):
        editor.add_lane("process_clinic")
    with pytest.raises(EditRefused) as refused:
        editor.move_lane("lane_doctor", 5)
    assert refused.value.reason["en"] == "There is no lane position 5."


def test_a_node_created_in_a_nested_lane_belongs_to_it_and_its_parent(editor, referral):
    # given
    editor.add_lane("lane_doctor", index=0).apply()
    nested = referral.get("lane_doctor").child_lane_set.lanes[0]
    # when
    triad(editor.create_shape("task", "pool_clinic", (1300, 300)))
    # then
    task = referral.get("process_clinic").flow_elements[-1].id
    owners = [lane.id for lane in referral.lanes() if task in lane.flow_node_refs]
    assert owners == ["lane_doctor", nested.id]
    assert isinstance(referral.lane_of(task), Lane) and referral.lane_of(task) is nested
