"""elements.delete and its behaviours: flows, default flow, boundary events, lanes, drawings."""

from __future__ import annotations

from process_mapper.core.model import SequenceFlow
from tests.editing.support import assert_saves_valid, lane_refs, triad


def _drawn(document, element_id: str) -> bool:
    return document.drawing_of(element_id) is not None


def test_deleting_a_gateways_default_flow_clears_its_default(editor, referral):
    # given
    assert referral.get("decide").default == "flow_default"
    # when
    edit = editor.delete(["flow_default"])
    triad(edit)
    # then
    assert referral.get("decide").default is None
    assert referral.get("decide").outgoing == ["flow_incomplete"]
    assert referral.get("assess").incoming == []
    assert referral.get("flow_default") is None and not _drawn(referral, "flow_default")
    assert edit.name == {"en": "Delete Sequence Flow", "sv": "Ta bort sekvensflöde"}
    assert_saves_valid(referral)


def test_reverting_the_delete_restores_the_default(editor, referral):
    # given
    edit = editor.delete(["flow_default"])
    edit.apply()
    # when
    edit.revert()
    # then
    assert referral.get("decide").default == "flow_default"
    assert isinstance(referral.get("flow_default"), SequenceFlow) and _drawn(referral, "flow_default")


def test_deleting_a_task_takes_its_flows_boundary_events_drawings_and_lane_refs(editor, referral):
    # when
    edit = editor.delete(["assess"])
    triad(edit)
    # then
    gone = ["assess", "flow_default", "flow_assess_review", "deadline_assess", "deadline_assess_timer", "flow_escalate"]
    assert [ident for ident in gone if referral.get(ident) is not None] == []
    assert [ident for ident in gone if _drawn(referral, ident)] == []
    assert lane_refs(referral)["lane_doctor"] == ["sub_review", "escalate", "end_done"]
    assert referral.get("decide").default is None and referral.get("decide").outgoing == ["flow_incomplete"]
    assert referral.get("sub_review").incoming == [] and referral.get("escalate").incoming == []
    assert edit.kind == "elements.delete" and edit.name["en"] == "Delete Task"
    assert_saves_valid(referral)


def test_deleting_an_expanded_sub_process_takes_its_content_and_its_drawings(editor, referral):
    # when
    triad(editor.delete(["sub_review"]))
    # then
    for ident in ("sub_review", "sub_start", "sub_check", "sub_flow_1", "flow_review_done"):
        assert referral.get(ident) is None and not _drawn(referral, ident)
    assert referral.get("end_done").incoming == ["flow_escalate_end"]
    assert_saves_valid(referral)


def test_deleting_the_last_reference_takes_the_data_object_and_its_association(editor, referral):
    # when
    triad(editor.delete(["referral_doc"]))
    # then
    assert referral.get("referral_data") is None and referral.get("register_writes") is None
    assert referral.get("register").data_output_associations == []
    assert not _drawn(referral, "register_writes")
    assert_saves_valid(referral)


def test_deleting_an_annotation_takes_its_association(editor, referral):
    triad(editor.delete(["note"]))
    assert referral.get("association_note") is None and not _drawn(referral, "association_note")
    assert_saves_valid(referral)


def test_deleting_a_pool_takes_its_process_lanes_and_message_flows(editor, referral):
    # when
    edit = editor.delete(["pool_clinic"])
    triad(edit)
    # then
    for ident in ("pool_clinic", "process_clinic", "lane_doctor", "assess", "message_referral"):
        assert referral.get(ident) is None and not _drawn(referral, ident)
    assert [p.id for p in referral.processes] == ["process_hospital"]
    assert edit.name == {"en": "Delete Pool", "sv": "Ta bort pool"}
    assert_saves_valid(referral)


def test_deleting_several_elements_names_the_count(editor, referral):
    # when
    edit = editor.delete(["register", "decide", "flow_register_decide"])
    triad(edit)
    # then
    assert edit.name == {"en": "Delete 3 Elements", "sv": "Ta bort 3 element"}
    assert lane_refs(referral)["lane_reception"] == ["start", "end_rejected"]
    assert referral.get("start").outgoing == [] and referral.get("assess").incoming == []
    assert_saves_valid(referral)


def test_deleting_a_message_flow_leaves_both_pools(editor, referral):
    triad(editor.delete(["message_referral"]))
    assert referral.collaborations[0].message_flows == []
    assert_saves_valid(referral)
