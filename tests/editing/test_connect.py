"""connection.create: the rules choose sequence flow, message flow or association."""

from __future__ import annotations

from process_mapper.core.editing import ConnectionKind, can_connect
from process_mapper.core.model import Association, MessageFlow, SequenceFlow
from tests.editing.support import assert_saves_valid, triad, waypoints


def test_a_sequence_flow_is_listed_by_both_ends_and_routed_orthogonally(editor, referral):
    # when
    edit = editor.connect("register", "end_rejected", "Avbryt")
    triad(edit)
    # then
    flow = referral.get("process_clinic").flow_elements[-1]
    assert isinstance(flow, SequenceFlow) and flow.id.startswith("Flow_")
    assert (flow.source_ref, flow.target_ref, flow.name) == ("register", "end_rejected", "Avbryt")
    assert referral.get("register").outgoing == ["flow_register_decide", flow.id]
    assert referral.get("end_rejected").incoming == ["flow_incomplete", flow.id]
    assert waypoints(referral, flow.id) == [(360.0, 150.0), (512.0, 150.0)]
    assert referral.edge_of(flow.id).label is not None
    assert edit.kind == "connection.create"
    assert edit.name == {"en": "Add Sequence Flow", "sv": "Lägg till sekvensflöde"}
    assert_saves_valid(referral)


def test_an_elbow_route_bends_halfway(editor, referral):
    # when
    triad(editor.connect("start", "assess"))
    # then
    flow = referral.get("process_clinic").flow_elements[-1]
    assert waypoints(referral, flow.id) == [(216.0, 150.0), (313.0, 150.0), (313.0, 350.0), (410.0, 350.0)]


def test_a_message_flow_between_pools_goes_to_the_collaboration(editor, referral):
    # when
    edit = editor.connect("register", "hospital_start")
    triad(edit)
    # then
    flow = referral.collaborations[0].message_flows[-1]
    assert isinstance(flow, MessageFlow) and (flow.source_ref, flow.target_ref) == ("register", "hospital_start")
    assert waypoints(referral, flow.id)[0] == (310.0, 190.0)  # leaves through the bottom
    assert edit.name["sv"] == "Lägg till meddelandeflöde"
    assert_saves_valid(referral)


def test_a_message_flow_may_connect_pools_themselves(editor, referral):
    assert can_connect(referral, "pool_hospital", "pool_clinic") is ConnectionKind.MESSAGE_FLOW
    triad(editor.connect("pool_hospital", "pool_clinic"))
    assert_saves_valid(referral)


def test_an_association_sits_beside_its_annotation(editor, referral):
    # when
    triad(editor.connect("note", "decide"))
    # then
    association = referral.get("process_clinic").artifacts[-1]
    assert isinstance(association, Association) and association.id.startswith("Association_")
    assert len(waypoints(referral, association.id)) == 2
    assert_saves_valid(referral)
