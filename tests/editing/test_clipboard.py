"""Copy and paste: detached copies, fresh ids, remapped references, within and across documents."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import Clipboard, EditRefused
from process_mapper.core.model import BoundaryEvent, BpmnDocument, SequenceFlow, Task
from process_mapper.core.xmlio import read_bpmn_bytes
from tests.editing.support import assert_saves_valid, bounds, editor_for, lane_refs, triad, waypoints

#: A document that calls the BPMN namespace ``semantic``, as the MIWG files do.
SEMANTIC_PREFIX = b"""<?xml version="1.0" encoding="UTF-8"?>
<semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="other" targetNamespace="http://example.org/other">
  <semantic:process id="other_process" isExecutable="false"/>
  <bpmndi:BPMNDiagram id="other_diagram">
    <bpmndi:BPMNPlane id="other_plane" bpmnElement="other_process"/>
  </bpmndi:BPMNDiagram>
</semantic:definitions>"""


def test_copy_is_detached_from_the_document(editor, referral):
    # when
    clipboard = editor.copy(["assess"])
    editor.rename("assess", "Ändrad").apply()
    # then
    assert clipboard.process.flow_elements[0].name == "Bedöma remiss"
    assert clipboard.process.flow_elements[0] is not referral.get("assess")


def test_copy_takes_boundary_events_data_objects_and_the_flows_between_copied_elements(editor):
    # when
    clipboard = editor.copy(["register", "decide", "assess", "referral_doc"])
    # then
    ids = [r.id for r in clipboard.process.flow_elements]
    assert ids == [
        "register",
        "decide",
        "assess",
        "referral_doc",
        "deadline_assess",
        "referral_data",
        "flow_register_decide",
        "flow_default",
    ]
    assert {d.bpmn_element for d in clipboard.drawings} == set(ids) - {"referral_data"} | {"register_writes"}
    assert (clipboard.bounds.x, clipboard.bounds.y) == (260.0, 110.0)


def test_pasting_within_the_document_gives_fresh_ids_and_remaps_references(editor, referral):
    # given
    clipboard = editor.copy(["decide", "assess"])
    known = set(referral.index)
    # when
    edit = editor.paste(clipboard, "pool_clinic", (700, 0))
    triad(edit)
    # then
    process = referral.get("process_clinic")
    new = {type(r).__name__: r for r in process.flow_elements if r.id not in known}
    gateway, task, event, flow = new["ExclusiveGateway"], new["Task"], new["BoundaryEvent"], new["SequenceFlow"]
    assert gateway.id.startswith("Gateway_") and task.id.startswith("Activity_") and flow.id.startswith("Flow_")
    assert (flow.source_ref, flow.target_ref) == (gateway.id, task.id)
    assert gateway.default == flow.id and gateway.outgoing == [flow.id] and gateway.incoming == []
    assert task.incoming == [flow.id] and task.outgoing == []
    assert event.attached_to_ref == task.id
    assert bounds(referral, task.id) == (1110.0, 310.0, 100.0, 80.0)
    assert waypoints(referral, flow.id)[0] == (1135.0, 175.0)
    assert task.id in lane_refs(referral)["lane_doctor"] and event.id in lane_refs(referral)["lane_doctor"]
    assert edit.kind == "elements.paste" and edit.name == {"en": "Paste 3 Elements", "sv": "Klistra in 3 element"}
    assert_saves_valid(referral)


def test_pasting_twice_gives_two_sets_of_ids(editor, referral):
    clipboard = editor.copy(["escalate"])
    editor.paste(clipboard, "pool_clinic", (0, -200)).apply()
    editor.paste(clipboard, "pool_clinic", (-300, -200)).apply()
    escalations = [r for r in referral.get("process_clinic").flow_elements if getattr(r, "name", None) == "Påminn"]
    assert len({r.id for r in escalations}) == 3
    assert_saves_valid(referral)


def test_clipboard_bytes_paste_into_another_document_with_its_own_prefix(editor):
    # given the clipboard as the system clipboard carries it
    data = editor.copy(["assess", "sub_review"]).to_bytes()
    target = read_bpmn_bytes(SEMANTIC_PREFIX)
    target_editor = editor_for(target, seed=11)
    # when
    edit = target_editor.paste(Clipboard.from_bytes(data), "other_process", (-300, 0))
    triad(edit)
    # then
    process = target.get("other_process")
    assert [type(r).__name__ for r in process.flow_elements] == ["Task", "SubProcess", "BoundaryEvent", "SequenceFlow"]
    task, sub_process, event, flow = process.flow_elements
    assert (flow.source_ref, flow.target_ref) == (task.id, sub_process.id)
    inner_flow = next(r for r in sub_process.flow_elements if isinstance(r, SequenceFlow))
    assert inner_flow.id.startswith("Flow_")
    timer = event.event_definitions[0].time_duration
    assert timer.extra_attributes == {"{http://www.w3.org/2001/XMLSchema-instance}type": "semantic:tFormalExpression"}
    assert isinstance(event, BoundaryEvent) and event.attached_to_ref == task.id
    assert {"assess", "sub_review", "flow_assess_review"}.isdisjoint(target.index)
    assert_saves_valid(target)


def test_references_that_would_leave_the_pasted_set_are_dropped():
    # given a task with a flow to something not copied
    source = BpmnDocument.new()
    editor = editor_for(source)
    editor.create_shape("task", "Process_1", (100, 100)).apply()
    editor.create_shape("endEvent", "Process_1", (300, 100)).apply()
    task, end = source.flow_nodes()
    editor.connect(task.id, end.id).apply()
    # when
    editor.paste(editor.copy([task.id]), "Process_1", (0, 200)).apply()
    # then
    pasted = source.flow_nodes()[-1]
    assert isinstance(pasted, Task) and pasted.outgoing == []
    assert_saves_valid(source)


def test_pools_lanes_and_lone_flows_are_not_copied(editor):
    for ident in ("pool_clinic", "lane_doctor", "flow_default"):
        with pytest.raises(EditRefused):
            editor.copy([ident])


def test_clipboard_bytes_must_hold_one_process(referral):
    with pytest.raises(ValueError):
        Clipboard.from_bytes(
            SEMANTIC_PREFIX.replace(b"<semantic:process", b"<semantic:process id='x2'/><semantic:process")
        )
