"""Validation: each model rule on a tiny inline model, the combined ``validate``, and the
MIWG reference models (core layer, no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from process_mapper.core.model import BpmnDocument, Issue, Severity
from process_mapper.core.model.semantic import IntermediateCatchEvent, Participant, SubProcess, Task
from process_mapper.core.validation import MODEL_RULES, describe, validate
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes
from tests.conftest import MIWG_DIR

#: The MIWG reference models (none when the corpus is absent: their tests are then skipped).
REFERENCES = sorted(path.name for path in MIWG_DIR.glob("reference/*.bpmn"))

_HEAD = (
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:test">'
)


def bpmn(body: str) -> BpmnDocument:
    """A document from the XML inside ``<definitions>``."""
    return read_bpmn_bytes(f"{_HEAD}{body}</definitions>".encode(), "test.bpmn")


def process(content: str, process_id: str = "P") -> str:
    return f'<process id="{process_id}">{content}</process>'


def flow(flow_id: str, source: str, target: str, extra: str = "", content: str = "") -> str:
    return f'<sequenceFlow id="{flow_id}" sourceRef="{source}" targetRef="{target}" {extra}>{content}</sequenceFlow>'


#: A start event and an end event joined through ``T``, to embed rules' subjects in.
LINE = '<startEvent id="S"/><task id="T"/><endEvent id="E"/>' + flow("f1", "S", "T") + flow("f2", "T", "E")


def model_findings(document: BpmnDocument) -> list[tuple[str, Severity, str | None]]:
    """``(code, severity, element id)`` of the model findings, in reported order."""
    return [(i.code, i.severity, i.element_id) for i in validate(document, schema=False) if i.source == "model"]


# --- rules_graph ----------------------------------------------------------------------------


def test_a_task_without_any_sequence_flow_is_unconnected() -> None:
    # given a process with a task that no flow reaches or leaves
    document = bpmn(process(LINE + '<task id="Lonely" name="Call the\n patient"/>'))
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "unconnected-node"]
    # then
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.WARNING, "Lonely")]
    assert issues[0].message == (
        "task 'Lonely' (\"Call the patient\") has no incoming and no outgoing sequence flow"
    )


def test_nodes_bpmn_lets_stand_alone_are_not_unconnected() -> None:
    # given an event sub-process, a compensation handler with its boundary event, and
    # the content of an ad-hoc sub-process, none joined by sequence flow
    document = bpmn(
        process(
            LINE
            + '<boundaryEvent id="Comp" attachedToRef="T"><compensateEventDefinition/></boundaryEvent>'
            + '<task id="Undo" isForCompensation="true"/>'
            + '<subProcess id="Esp" triggeredByEvent="true"><startEvent id="EspS"/><endEvent id="EspE"/>'
            + flow("ef", "EspS", "EspE")
            + "</subProcess>"
            + '<adHocSubProcess id="Adhoc"><task id="A1"/><task id="A2"/></adHocSubProcess>'
            + flow("f3", "T", "Adhoc")
        )
    )
    # when / then
    assert [f for f in model_findings(document) if f[0] == "unconnected-node"] == []


def test_a_boundary_event_without_outgoing_flow_is_unconnected() -> None:
    # given a timer boundary event that leads nowhere
    document = bpmn(process(LINE + '<boundaryEvent id="B" attachedToRef="T"><timerEventDefinition/></boundaryEvent>'))
    # when / then
    assert ("unconnected-node", Severity.WARNING, "B") in model_findings(document)


def test_a_non_interrupting_timer_without_outgoing_flow_marks_a_deadline_and_is_not_unconnected() -> None:
    # given a deadline marker: the task goes on when the timer fires; and an interrupting
    # message boundary event and non-interrupting message event that lead nowhere
    document = bpmn(
        process(
            LINE
            + '<boundaryEvent id="Deadline" attachedToRef="T" cancelActivity="false">'
              '<timerEventDefinition/></boundaryEvent>'
            + '<boundaryEvent id="Msg" attachedToRef="T" cancelActivity="false">'
              '<messageEventDefinition/></boundaryEvent>'
        )
    )
    # when
    unconnected = [f[2] for f in model_findings(document) if f[0] == "unconnected-node"]
    # then
    assert unconnected == ["Msg"]


def test_start_event_with_incoming_flow_is_an_error() -> None:
    # given a flow back into the start event
    document = bpmn(process(LINE + flow("back", "T", "S")))
    # when
    findings = model_findings(document)
    # then
    assert ("start-event-incoming", Severity.ERROR, "S") in findings


def test_end_event_with_outgoing_flow_is_an_error() -> None:
    # given a flow out of the end event
    document = bpmn(process(LINE + flow("out", "E", "T")))
    # when / then
    assert ("end-event-outgoing", Severity.ERROR, "E") in model_findings(document)


def test_sequence_flow_into_a_sub_process_is_an_error() -> None:
    # given a flow in the process that ends on a task inside a sub-process
    document = bpmn(
        process(
            LINE
            + '<subProcess id="Sub"><task id="Inner"/></subProcess>'
            + flow("f3", "T", "Sub")
            + flow("cross", "T", "Inner")
        )
    )
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "sequence-flow-crosses-boundary"]
    # then
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.ERROR, "cross")]
    assert "task 'Inner' in sub-process 'Sub'" in issues[0].message


def test_sequence_flow_between_processes_is_an_error() -> None:
    # given a flow in one process whose target lies in another
    document = bpmn(process(LINE + flow("cross", "T", "Other")) + process('<task id="Other"/>', "P2"))
    # when / then
    assert ("sequence-flow-crosses-boundary", Severity.ERROR, "cross") in model_findings(document)


# --- rules_process --------------------------------------------------------------------------


def test_process_without_start_event_is_warned() -> None:
    # given a process that has an end event but no start event
    document = bpmn(process('<task id="T"/><endEvent id="E"/>' + flow("f", "T", "E")))
    # when / then
    assert model_findings(document) == [("missing-start-event", Severity.WARNING, "P")]


def test_start_event_of_an_event_sub_process_does_not_start_the_process() -> None:
    # given a process made only of an event sub-process
    document = bpmn(
        process(
            '<subProcess id="Esp" triggeredByEvent="true"><startEvent id="S"/><endEvent id="E"/>'
            + flow("f", "S", "E")
            + "</subProcess>"
        )
    )
    # when / then
    assert model_findings(document) == [
        ("missing-start-event", Severity.WARNING, "P"),
        ("missing-end-event", Severity.INFO, "P"),
    ]


def test_process_with_start_but_without_end_event_is_warned() -> None:
    # given
    document = bpmn(process('<startEvent id="S"/><task id="T"/>' + flow("f", "S", "T")))
    # when / then
    assert model_findings(document) == [("missing-end-event", Severity.WARNING, "P")]


def test_an_empty_process_needs_no_events() -> None:
    # given a process without flow nodes (a pool nobody has drawn into yet)
    document = bpmn(process(""))
    # when / then
    assert model_findings(document) == []


# --- rules_routing --------------------------------------------------------------------------


def test_gateway_without_outgoing_flow_is_an_error() -> None:
    # given a gateway that flow enters but never leaves, and one with no flow at all
    document = bpmn(
        process(LINE + '<exclusiveGateway id="G"/><parallelGateway id="Stray"/>' + flow("f3", "T", "G"))
    )
    # when
    findings = model_findings(document)
    # then the stray gateway is only unconnected
    assert ("gateway-no-outgoing", Severity.ERROR, "G") in findings
    assert [f for f in findings if f[2] == "Stray"] == [("unconnected-node", Severity.WARNING, "Stray")]


def test_branches_without_name_or_condition_are_warned() -> None:
    # given an exclusive split with a named, a conditioned, a default and a bare branch
    document = bpmn(
        process(
            '<startEvent id="S"/><exclusiveGateway id="G" default="dflt"/>'
            '<task id="A"/><task id="B"/><task id="C"/><task id="D"/><endEvent id="E"/>'
            + flow("f0", "S", "G")
            + flow("named", "G", "A", 'name="Urgent"')
            + flow(
                "cond",
                "G",
                "B",
                content='<conditionExpression xsi:type="tFormalExpression">${x}</conditionExpression>',
            )
            + flow("dflt", "G", "C")
            + flow("bare", "G", "D")
            + "".join(flow(f"e{n}", n, "E") for n in "ABCD")
        )
    )
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "unlabelled-branch"]
    # then only the bare branch is reported, and the issue selects the flow
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.WARNING, "bare")]
    assert "exclusive gateway 'G'" in issues[0].message


def test_a_parallel_split_needs_no_labels() -> None:
    # given
    document = bpmn(
        process(
            '<startEvent id="S"/><parallelGateway id="G"/><task id="A"/><task id="B"/>'
            '<parallelGateway id="J"/><endEvent id="E"/>'
            + flow("f0", "S", "G")
            + flow("a", "G", "A")
            + flow("b", "G", "B")
            + flow("ja", "A", "J")
            + flow("jb", "B", "J")
            + flow("f9", "J", "E")
        )
    )
    # when / then
    assert model_findings(document) == []


def test_default_flow_that_leaves_another_element_is_an_error() -> None:
    # given a gateway and a task whose defaults name flows they do not own
    document = bpmn(
        process(
            '<startEvent id="S"/><exclusiveGateway id="G" default="f2"/>'
            '<task id="T" default="f1"/><endEvent id="E"/>'
            + flow("f1", "S", "G")
            + flow("g", "G", "T", 'name="go"')
            + flow("f2", "T", "E")
        )
    )
    # when
    findings = [f for f in model_findings(document) if f[0] == "default-flow-not-outgoing"]
    # then
    assert findings == [
        ("default-flow-not-outgoing", Severity.ERROR, "G"),
        ("default-flow-not-outgoing", Severity.ERROR, "T"),
    ]


# --- rules_collaboration --------------------------------------------------------------------


def _pools(message_flows: str) -> str:
    return (
        '<collaboration id="C"><participant id="PoolA" processRef="P"/><participant id="PoolB" processRef="P2"/>'
        '<participant id="Patient"/>'
        + message_flows
        + "</collaboration>"
        + process(LINE)
        + process('<startEvent id="S2"/><endEvent id="E2"/>' + flow("g", "S2", "E2"), "P2")
    )


def test_message_flow_inside_one_pool_is_an_error() -> None:
    # given message flows within pool A, from pool A to its own task, and across pools
    document = bpmn(
        _pools(
            '<messageFlow id="inside" sourceRef="S" targetRef="T"/>'
            '<messageFlow id="toSelf" sourceRef="PoolA" targetRef="E"/>'
            '<messageFlow id="across" sourceRef="T" targetRef="S2"/>'
            '<messageFlow id="blackBox" sourceRef="Patient" targetRef="PoolB"/>'
        )
    )
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "message-flow-same-pool"]
    # then
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.ERROR, "inside"), (Severity.ERROR, "toSelf")]
    assert "both in pool 'PoolA'" in issues[0].message


# --- rules_lanes ----------------------------------------------------------------------------


def _lanes(refs_a: str, refs_b: str, extra: str = "") -> str:
    lane_set = (
        f'<laneSet id="LS"><lane id="LaneA" name="Nurse">{refs_a}</lane>'
        f'<lane id="LaneB" name="Doctor">{refs_b}</lane></laneSet>'
    )
    return process(lane_set + LINE + extra) + process('<task id="Elsewhere"/>', "P2")


def test_lane_listing_a_node_of_another_process_is_warned() -> None:
    # given
    document = bpmn(
        _lanes(
            "<flowNodeRef>S</flowNodeRef><flowNodeRef>T</flowNodeRef>",
            "<flowNodeRef>E</flowNodeRef><flowNodeRef>Elsewhere</flowNodeRef>",
        )
    )
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "lane-foreign-node"]
    # then
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.WARNING, "LaneB")]
    assert issues[0].message == (
        "lane 'LaneB' (\"Doctor\") lists task 'Elsewhere', which is not a flow node of process 'P'"
    )


def test_node_in_no_lane_is_warned_but_boundary_events_go_with_their_host() -> None:
    # given lanes listing everything but E and the boundary event on T
    extra = '<boundaryEvent id="B" attachedToRef="T"/><endEvent id="E2"/>' + flow("f3", "B", "E2")
    document = bpmn(
        _lanes("<flowNodeRef>S</flowNodeRef><flowNodeRef>T</flowNodeRef>", "<flowNodeRef>E2</flowNodeRef>", extra)
    )
    # when / then
    assert [f for f in model_findings(document) if f[0] == "node-outside-lanes"] == [
        ("node-outside-lanes", Severity.WARNING, "E")
    ]


def test_lanes_listing_no_node_at_all_are_reported_once() -> None:
    # given lanes without any flowNodeRef (as some tools write them)
    document = bpmn(_lanes("", ""))
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "node-outside-lanes"]
    # then
    assert [(i.element_id, i.message) for i in issues] == [
        ("P", "process 'P' is divided into lanes, but no lane lists any of its 3 flow nodes")
    ]


# --- validate -------------------------------------------------------------------------------


def test_every_rule_is_a_named_function() -> None:
    assert len({rule.__name__ for rule in MODEL_RULES}) == len(MODEL_RULES)


def test_describe_names_type_id_and_name() -> None:
    assert describe(Task(id="T1", name="  Triage\n referral ")) == "task 'T1' (\"Triage referral\")"
    assert describe(SubProcess(id="X", triggered_by_event=True)) == "event sub-process 'X'"
    assert describe(Participant(id="Pool")) == "pool 'Pool'"
    assert describe(IntermediateCatchEvent()) == "intermediate catch event"


def test_reference_problems_found_on_reading_and_again_are_reported_once() -> None:
    # given a sequence flow whose source does not exist (the reader reports it too)
    document = bpmn(process(LINE + flow("broken", "Nowhere", "E")))
    # when
    issues = [i for i in validate(document, schema=False) if i.code == "dangling-reference"]
    # then
    assert [(i.severity, i.element_id) for i in issues] == [(Severity.ERROR, "broken")]


def test_findings_come_most_serious_first() -> None:
    # given a model with an error, a warning and information
    document = bpmn(
        process('<startEvent id="S"/><task id="T"/><task id="Lonely"/>' + flow("f", "S", "T") + flow("x", "T", "S"))
    )
    # when
    severities = [i.severity for i in validate(document, schema=False)]
    # then
    assert severities == sorted(severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)
    assert {Severity.ERROR, Severity.WARNING} <= set(severities)


_INVALID_FILE = f"""<?xml version="1.0" encoding="UTF-8"?>
{_HEAD}
  <process id="P">
    <startEvent id="S"/>
    <bogus id="X"/>
  </process>
</definitions>
"""


def test_schema_findings_point_at_lines_of_the_users_file(tmp_path: Path) -> None:
    # given a file with an element the schema does not know on line 5
    path = tmp_path / "invalid.bpmn"
    path.write_text(_INVALID_FILE, encoding="utf-8")
    document = read_bpmn(path)
    # when
    issues = [i for i in validate(document) if i.source == "schema"]
    # then
    assert [(i.code, i.severity, i.line) for i in issues] == [("schema", Severity.ERROR, 5)]


def test_schema_findings_of_an_edited_document_carry_no_line(tmp_path: Path) -> None:
    # given the same file, read and then edited
    path = tmp_path / "invalid.bpmn"
    path.write_text(_INVALID_FILE, encoding="utf-8")
    document = read_bpmn(path)
    document.processes[0].name = "Edited"
    document.invalidate()  # what every edit does
    # when
    issues = [i for i in validate(document) if i.source == "schema"]
    # then the finding is still there, but no line of the file describes it
    assert [(i.code, i.line) for i in issues] == [("schema", None)]


def test_no_schema_skips_the_schema() -> None:
    document = bpmn(process('<bogus id="X"/>'))
    assert [i for i in validate(document) if i.source == "schema"]
    assert not [i for i in validate(document, schema=False) if i.source == "schema"]


# --- the MIWG reference models --------------------------------------------------------------


def _errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.ERROR]


@pytest.mark.slow
@pytest.mark.parametrize("name", REFERENCES)
def test_reference_models_have_no_errors(corpus_dir: Path, name: str) -> None:
    # given a reference model of the MIWG (none of them has a modelling error)
    document = read_bpmn(corpus_dir / "reference" / name)
    # when
    issues = validate(document)
    # then
    assert _errors(issues) == []


def test_all_reference_models_are_checked(corpus_dir: Path) -> None:
    assert len(REFERENCES) == 21


def _summary(path: Path) -> list[tuple[str, str, str | None]]:
    return [(i.code, i.severity.value, i.element_id) for i in validate(read_bpmn(path))]


def test_reference_a_1_0_is_clean(corpus_dir: Path) -> None:
    assert _summary(corpus_dir / "reference" / "A.1.0.bpmn") == []


def test_reference_a_2_0_has_three_unlabelled_branches(corpus_dir: Path) -> None:
    # A.2.0's split gateway "Gateway (Split Flow)" labels none of its three branches.
    assert _summary(corpus_dir / "reference" / "A.2.0.bpmn") == [
        ("unlabelled-branch", "warning", "_f1478fb7-98c4-4c01-8c15-68bd04c91535"),
        ("unlabelled-branch", "warning", "_a1570a53-28d2-41b1-a3a2-3e50c00d747e"),
        ("unlabelled-branch", "warning", "_20ebb3c1-5178-4c7c-a91d-23e58f2aa73b"),
    ]


def test_reference_c_9_0_calls_a_process_kept_elsewhere(corpus_dir: Path) -> None:
    # C.9.0's call activity calls 'ManualCheck', which is in no file of the suite.
    issues = validate(read_bpmn(corpus_dir / "reference" / "C.9.0.bpmn"))
    assert [(i.code, i.severity.value, i.element_id, i.message) for i in issues] == [
        (
            "dangling-reference",
            "warning",
            "Activity_ManualCheck",
            "callActivity 'Activity_ManualCheck': calledElement 'ManualCheck' refers to no element",
        )
    ]


def test_a_vendor_round_trip_that_moved_boundary_events_out_of_their_process(corpus_dir: Path) -> None:
    # SAP Signavio's B.2.0 round-trip puts 8 boundary events into another process than
    # the flows leaving them: a real defect of that file.
    path = corpus_dir / "vendors" / "SAP Signavio Process Manager 19.9.0" / "B.2.0-roundtrip.bpmn"
    crossing = [i for i in validate(read_bpmn(path), schema=False) if i.code == "sequence-flow-crosses-boundary"]
    assert len(crossing) == 8
    assert all("boundary event" in i.message and i.severity is Severity.ERROR for i in crossing)
