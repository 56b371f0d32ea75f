"""Practice changes between a STANDARD and a LOCAL process: one small pair per category,
behaviour rather than drawing, thesaurus roles, invariances, the MIWG corpus and speed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from benchmarks.bench_diff import benchmark_thesaurus, make_local, rename_ids
from benchmarks.generate_models import generate
from benchmarks.miwg_redrawn import export_pairs
from process_mapper.core.diff import ChangeSeverity, Differ, diff_documents
from process_mapper.core.diff.durations import parse_duration
from process_mapper.core.diff.steps import build_graph
from process_mapper.core.model import BpmnDocument
from process_mapper.core.model.namespaces import PM
from process_mapper.core.xmlio import BpmnReadError, read_bpmn, read_bpmn_bytes

MIWG = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "bpmn-miwg"
MIWG_FILES = sorted((MIWG / "reference").glob("*.bpmn")) + sorted((MIWG / "vendors").glob("*/*.bpmn"))
needs_miwg = pytest.mark.skipif(not MIWG_FILES, reason=f"MIWG corpus not found under {MIWG}")


# --- a tiny inline modelling language ------------------------------------------------------------


def node(ident: str, name: str = "", kind: str = "task", inner: str = "", **properties: str) -> str:
    """A flow node; ``properties`` become our ``pm:property`` extension (system, medium, deadline)."""
    extension = ""
    if properties:
        extension = "<extensionElements><pm:properties>" + "".join(
            f"<pm:property name='{key}' value={quoteattr(value)}/>" for key, value in properties.items()
        ) + "</pm:properties></extensionElements>"
    return f"<{kind} id='{ident}' name={quoteattr(name)}>{extension}{inner}</{kind}>"


def flow(source: str, target: str, name: str = "", condition: str = "") -> str:
    """A sequence flow, optionally named and with a condition expression."""
    body = f"<conditionExpression>{condition}</conditionExpression>" if condition else ""
    return f"<sequenceFlow id='f_{source}_{target}' sourceRef='{source}' targetRef='{target}' name={quoteattr(name)}>{body}</sequenceFlow>"


def chain(*ids: str) -> str:
    """Unnamed sequence flows through ``ids`` in order."""
    return "".join(flow(a, b) for a, b in zip(ids, ids[1:], strict=False))


def timer(ident: str, host: str, duration: str) -> str:
    """A timer boundary event on ``host``."""
    return (f"<boundaryEvent id='{ident}' attachedToRef='{host}' name='Tidsgräns'>"
            f"<timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></boundaryEvent>")


def lanes(**members: list[str]) -> str:
    """A lane set; keyword names with ``_`` for spaces."""
    return "<laneSet id='ls'>" + "".join(
        f"<lane id='lane_{n}' name={quoteattr(name.replace('_', ' '))}>"
        + "".join(f"<flowNodeRef>{ref}</flowNodeRef>" for ref in refs) + "</lane>"
        for n, (name, refs) in enumerate(members.items())
    ) + "</laneSet>"


def document(process: str, collaboration: str = "", diagram: str = "") -> BpmnDocument:
    """A document with one process ``P`` and optionally a collaboration and a diagram."""
    xml = (
        "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL' "
        "xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI' xmlns:dc='http://www.omg.org/spec/DD/20100524/DC' "
        f"xmlns:pm='{PM}' id='D' targetNamespace='urn:t'>{collaboration}<process id='P'>{process}</process>"
        f"{diagram}</definitions>"
    )
    return read_bpmn_bytes(xml.encode("utf-8"), "inline")


def simple(prefix: str, labels: list[str], extra: str = "") -> BpmnDocument:
    """Start, one task per label in sequence, end; ids ``<prefix>0``, ``<prefix>1`` ..."""
    ids = [f"{prefix}{n}" for n in range(len(labels))]
    tasks = "".join(node(i, label) for i, label in zip(ids, labels, strict=True))
    return document(node(f"{prefix}s", kind="startEvent") + tasks + node(f"{prefix}e", kind="endEvent")
                    + chain(f"{prefix}s", *ids, f"{prefix}e") + extra)


def summary(standard: BpmnDocument, local: BpmnDocument) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(category, severity, standard elements, local elements) of every change."""
    return [(c.category.value, c.severity.value, c.standard_elements, c.local_elements)
            for c in diff_documents(standard, local).changes]


STEPS = ["Ta emot remiss", "Bedöma remiss", "Skicka remissbekräftelse", "Boka tid"]


# --- one pair per category -------------------------------------------------------------------------


def test_identical_processes_have_no_changes() -> None:
    assert summary(simple("a", STEPS), simple("b", STEPS)) == []


def test_missing_step() -> None:
    # given: the unit does not confirm the referral
    local = simple("b", [STEPS[0], STEPS[1], STEPS[3]])
    # when
    changes = diff_documents(simple("a", STEPS), local).changes
    # then
    assert [(c.category.value, c.severity.value, c.standard_elements, c.local_elements) for c in changes] == [
        ("missing_step", "must", ("a2",), ())]
    assert changes[0].summary == {
        "sv": "Enheten saknar steget 'Skicka remissbekräftelse' som standarden kräver.",
        "en": "The unit does not perform 'Skicka remissbekräftelse', which the standard requires.",
    }


def test_an_end_named_after_its_shape_is_no_outcome() -> None:
    # given: the standard's tool named its end after the shape; the unit's model ends without an end event
    def ending(name: str) -> BpmnDocument:
        return simple("a", STEPS[:2], node("ae2", name, "endEvent") + flow("a1", "ae2"))

    local = simple("b", STEPS[:2])
    # when / then: only a named outcome is missing
    assert summary(ending("End Event_74"), local) == []
    assert summary(ending("Remissen avvisad"), local) == [("missing_step", "must", ("ae2",), ())]


def test_extra_step() -> None:
    local = simple("b", [STEPS[0], "Registrera i lokal väntelista (Excel)", *STEPS[1:]])
    assert summary(simple("a", STEPS), local) == [("extra_step", "review", (), ("b1",))]


def test_role_change_and_thesaurus_roles() -> None:
    # given: assessment by a nurse instead of a physician; registration by a medical secretary,
    # which the thesaurus calls the same role as a care administrator
    def model(prefix: str, registrar: str, assessor: str) -> BpmnDocument:
        ids = [f"{prefix}{n}" for n in range(2)]
        body = lanes(**{registrar: [ids[0]], assessor: [ids[1]]}) + node(ids[0], "Registrera remiss") + node(
            ids[1], "Bedöma remiss") + chain(*ids)
        return document(body)

    standard = model("a", "Vårdadministratör", "Läkare")
    # when / then
    assert summary(standard, model("b", "Medicinsk_sekreterare", "Läkare")) == []
    assert summary(standard, model("b", "Medicinsk_sekreterare", "Sjuksköterska")) == [
        ("role_change", "must", ("a1",), ("b1",))]


def test_a_role_numbered_with_or_without_a_space_is_the_same_role() -> None:
    # given: one tool writes the lane 'Team 1', another 'Team1'
    def model(prefix: str, registrar: str, assessor: str) -> BpmnDocument:
        ids = [f"{prefix}{n}" for n in range(2)]
        return document(lanes(**{registrar: [ids[0]], assessor: [ids[1]]}) + node(ids[0], "Registrera remiss")
                        + node(ids[1], "Bedöma remiss") + chain(*ids))

    standard = model("a", "Team_1", "Team_2")
    # when / then: the same roles; another number is another role
    assert summary(standard, model("b", "Team1", "Team2")) == []
    assert summary(standard, model("b", "Team1", "Team3")) == [("role_change", "must", ("a1",), ("b1",))]


def test_order_reversed_is_a_must_order_change() -> None:
    local = simple("b", [STEPS[0], STEPS[1], STEPS[3], STEPS[2]])  # book before confirming
    assert summary(simple("a", STEPS), local) == [("order_change", "must", ("a2", "a3"), ("b3", "b2"))]


def test_order_is_judged_on_behaviour_not_on_drawing() -> None:
    # given: the same flow, drawn with the steps in another left-to-right order
    def drawn(prefix: str, xs: list[int]) -> BpmnDocument:
        ids = [f"{prefix}{n}" for n in range(len(STEPS))]
        shapes = "".join(
            f"<bpmndi:BPMNShape id='{i}_di' bpmnElement='{i}'><dc:Bounds x='{x}' y='100' width='100' height='80'/>"
            "</bpmndi:BPMNShape>" for i, x in zip(ids, xs, strict=True))
        diagram = f"<bpmndi:BPMNDiagram id='d'><bpmndi:BPMNPlane id='pl' bpmnElement='P'>{shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"
        return document("".join(node(i, label) for i, label in zip(ids, STEPS, strict=True)) + chain(*ids), diagram=diagram)

    assert summary(drawn("a", [100, 250, 400, 550]), drawn("b", [550, 100, 400, 250])) == []


def test_sequential_versus_parallel_is_an_order_change() -> None:
    # given: the standard confirms and books in parallel, the unit one after the other
    parallel = document(
        node("a0", STEPS[0]) + node("a1", STEPS[1]) + node("split", kind="parallelGateway")
        + node("a2", STEPS[2]) + node("a3", STEPS[3]) + node("join", kind="parallelGateway") + node("a4", "Avsluta")
        + chain("a0", "a1", "split") + chain("split", "a2", "join") + chain("split", "a3", "join") + chain("join", "a4"))
    sequential = simple("b", [*STEPS, "Avsluta"])
    # when
    changes = summary(parallel, sequential)
    # then
    assert changes == [("order_change", "review", ("a2", "a3"), ("b2", "b3"))]


def test_a_parallel_branch_stays_required_when_the_model_has_another_flow() -> None:
    # given: the standard confirms and books in parallel, and also answers questions in a flow of its own
    def parallel(prefix: str, questions: bool) -> BpmnDocument:
        p = prefix
        body = (node(f"{p}0", STEPS[0]) + node(f"{p}s", kind="parallelGateway") + node(f"{p}1", STEPS[2])
                + node(f"{p}2", STEPS[3]) + node(f"{p}j", kind="parallelGateway") + node(f"{p}3", "Avsluta")
                + chain(f"{p}0", f"{p}s", f"{p}1", f"{p}j", f"{p}3") + chain(f"{p}s", f"{p}2", f"{p}j"))
        if questions:
            body += node(f"{p}q", "Ta emot fråga", "startEvent") + node(f"{p}r", "Besvara fråga") + chain(f"{p}q", f"{p}r")
        return document(body)
    # when: the unit draws the referral flow alone
    changes = summary(parallel("a", questions=True), parallel("b", questions=False))
    # then: the answering is missing, but both branches are required in both models: no order change
    assert changes == [("missing_step", "must", ("ar",), ())]


def test_a_step_made_optional_is_a_must_order_change() -> None:
    # given: the unit confirms only when the referral is urgent
    local = document(
        node("b0", STEPS[0]) + node("b1", STEPS[1]) + node("g", "Akut?", "exclusiveGateway") + node("b2", STEPS[2])
        + node("j", kind="exclusiveGateway") + node("b3", STEPS[3])
        + chain("b0", "b1", "g") + flow("g", "b2", "Ja") + flow("g", "j", "Nej") + chain("b2", "j", "b3"))
    standard = document("".join(node(f"a{n}", s) for n, s in enumerate(STEPS)) + chain("a0", "a1", "a2", "a3"))
    changes = summary(standard, local)
    # then: the new decision is no work of its own but the reason the step may be skipped
    assert changes == [("order_change", "must", ("a2",), ("b2", "g"))]


def test_a_step_repeated_through_a_new_decision_is_one_order_change() -> None:
    # given: the unit may confirm again and again until it is done, then books
    local = document("".join(node(f"b{n}", s) for n, s in enumerate(STEPS)) + node("g", "Klart?", "exclusiveGateway")
                     + chain("b0", "b1", "b2", "g") + flow("g", "b2", "Nej") + flow("g", "b3", "Ja"))
    # when
    changes = diff_documents(simple("a", STEPS), local).changes
    # then: the repeated step and the step that now waits for its last round, with the decision; no extra step
    assert [(c.category.value, c.severity.value, c.standard_elements, c.local_elements) for c in changes] == [
        ("order_change", "review", ("a2", "a3"), ("b2", "g", "b3"))]
    assert changes[0].summary["en"] == ("The unit may do 'Skicka remissbekräftelse' several times (decision 'Klart?') "
                                        "before it does 'Boka tid'; the standard does it once.")


def test_a_decision_made_in_two_steps_is_a_decision_change() -> None:
    # given: the unit accepts clear cases before the assessment; the assessment decides the rest
    labels = ["Bedöma remiss", "Anta remiss", "Avvisa remiss"]
    local = document("".join(node(f"b{n}", s) for n, s in enumerate(labels))
                     + node("c", "Enkelt ärende?", "exclusiveGateway") + node("bg", "Beslut om remiss", "exclusiveGateway")
                     + flow("c", "b1", "Ja") + flow("c", "b0", "Nej") + chain("b0", "bg")
                     + flow("bg", "b1", "Anta") + flow("bg", "b2", "Avvisa"))
    # when
    changes = summary(_decision("a", [("Anta", "1", ""), ("Avvisa", "2", "")]), local)
    # then: the early decision splits the standard's decision and lets the unit skip the assessment
    assert changes == [("order_change", "must", ("a0",), ("b0", "c")),
                       ("decision_change", "review", ("ag",), ("c", "bg"))]


def _checklist_first(checker_role: str) -> BpmnDocument:
    """The standard's decision in two steps, its first stage prepared by a checklist in ``checker_role``."""
    labels = ["Bedöma remiss", "Anta remiss", "Avvisa remiss"]
    members = {"Läkare": ["b0", "bg", "b1", "b2"]}
    members[checker_role] = members.get(checker_role, []) + ["x", "c"]
    return document(
        lanes(**members)
        + "".join(node(f"b{n}", s) for n, s in enumerate(labels)) + node("x", "Sortera enligt checklista")
        + node("c", "Standardärende?", "exclusiveGateway") + node("bg", "Beslut om remiss", "exclusiveGateway")
        + chain("x", "c") + flow("c", "b1", "Ja") + flow("c", "b0", "Nej") + chain("b0", "bg")
        + flow("bg", "b1", "Anta") + flow("bg", "b2", "Avvisa"))


def _assessed_by_physician() -> BpmnDocument:
    return document(lanes(Läkare=["a0", "ag", "a1", "a2"]) + "".join(
        node(f"a{n}", s) for n, s in enumerate(["Bedöma remiss", "Anta remiss", "Avvisa remiss"]))
        + node("ag", "Beslut om remiss", "exclusiveGateway") + chain("a0", "ag")
        + flow("ag", "a1", "Anta") + flow("ag", "a2", "Avvisa"))


def test_the_first_stage_of_a_decision_prepared_in_another_role_is_a_role_change() -> None:
    # given: an administrator's checklist settles the standard cases; the physician assesses the rest
    standard, local = _assessed_by_physician(), _checklist_first("Vårdadministratör")
    # when
    changes = diff_documents(standard, local).changes
    # then: the checklist is the standard's assessment done by another role, not an extra step
    assert [(c.category.value, c.severity.value, c.standard_elements, c.local_elements) for c in changes] == [
        ("role_change", "must", ("a0",), ("x",)), ("order_change", "must", ("a0",), ("b0", "c")),
        ("decision_change", "review", ("ag",), ("c", "bg"))]
    assert changes[0].summary["en"] == (
        "In the cases settled at 'Standardärende?', 'Bedöma remiss' is done as 'Sortera enligt checklista' "
        "by 'Vårdadministratör' instead of 'Läkare' as the standard says.")


def test_a_first_stage_prepared_in_the_same_role_stays_an_extra_step() -> None:
    # given: the physician runs the checklist too
    changes = summary(_assessed_by_physician(), _checklist_first("Läkare"))
    # then: nobody else does the assessment; the checklist is work the standard does not have
    assert ("extra_step", "review", (), ("x",)) in changes
    assert not [c for c in changes if c[0] == "role_change"]


def test_a_forbidden_pair_keeps_the_first_stage_an_extra_step() -> None:
    # given: the workshop says the checklist is not the assessment
    result = Differ(_assessed_by_physician(), _checklist_first("Vårdadministratör")).diff(forbidden=[("a0", "x")])
    # then
    assert [(c.category.value, c.local_elements) for c in result.changes if "x" in c.local_elements] == [
        ("extra_step", ("x",))]


def test_a_new_choice_of_channel_is_part_of_the_medium_change() -> None:
    # given: referrals now also arrive on paper, and a decision sends those to a manual registration
    standard = document(node("a0", "Remiss mottagen", "startEvent", medium="electronic") + node("a1", STEPS[0])
                        + node("a2", STEPS[1]) + chain("a0", "a1", "a2"))
    local = document(node("b0", "Remiss mottagen", "startEvent", medium="electronic, paper")
                     + node("g", "Kanal?", "exclusiveGateway") + node("b1", STEPS[0]) + node("x", "Registrera manuellt")
                     + node("j", kind="exclusiveGateway") + node("b2", STEPS[1]) + chain("b0", "g")
                     + flow("g", "b1", "E-remiss") + flow("g", "x", "Papper") + chain("b1", "j", "b2") + chain("x", "j"))
    # when
    changes = summary(standard, local)
    # then: the decision is part of the new channel and the reason paper referrals skip the registration
    assert changes == [("order_change", "must", ("a1",), ("b1", "g")), ("medium_change", "review", ("a0",), ("b0", "g")),
                       ("extra_step", "review", (), ("x",))]


def test_a_new_decision_between_extra_steps_stays_an_extra_decision() -> None:
    # given: the unit chooses between two steps of its own, then goes on as the standard does
    local = document(node("b0", STEPS[0]) + node("g", "Kanal?", "exclusiveGateway") + node("x1", "Skanna remiss")
                     + node("x2", "Registrera i Excel") + node("j", kind="exclusiveGateway")
                     + "".join(node(f"b{n}", s) for n, s in enumerate(STEPS) if n)
                     + chain("b0", "g", "x1", "j", "b1", "b2", "b3") + chain("g", "x2", "j"))
    # when / then: it causes no change of the standard's steps, so it is reported as it is
    assert summary(simple("a", STEPS), local) == [
        ("extra_step", "review", (), ("g",)), ("extra_step", "review", (), ("x1",)), ("extra_step", "review", (), ("x2",))]


def test_a_parallel_branch_inside_a_rework_loop_is_not_optional() -> None:
    # given: the standard confirms, then books; the unit confirms and books in parallel; both may start over
    def looped(prefix: str, parallel: bool) -> BpmnDocument:
        p = prefix
        body = "".join(node(f"{p}{n}", s) for n, s in enumerate(STEPS)) + node(f"{p}g", "Klart?", "exclusiveGateway")
        if parallel:
            body += node(f"{p}s", kind="parallelGateway") + node(f"{p}j", kind="parallelGateway")
            body += chain(f"{p}1", f"{p}s", f"{p}2", f"{p}j") + chain(f"{p}s", f"{p}3", f"{p}j") + chain(f"{p}j", f"{p}g")
        else:
            body += chain(f"{p}1", f"{p}2", f"{p}3", f"{p}g")
        return document(body + chain(f"{p}0", f"{p}1") + flow(f"{p}g", f"{p}1", "Nej") + node(f"{p}e", "Avsluta")
                        + flow(f"{p}g", f"{p}e", "Ja"))
    # when
    changes = summary(looped("a", parallel=False), looped("b", parallel=True))
    # then: both branches always run; nothing becomes skippable
    assert not [c for c in changes if c[1] == "must"]


def test_a_swap_inside_a_rework_loop_is_a_must_order_change() -> None:
    # given: both models may start over after the last step; the unit books before it confirms
    def looped(prefix: str, order: list[int]) -> BpmnDocument:
        p = prefix
        ids = [f"{p}{n}" for n in order]
        body = "".join(node(f"{p}{n}", s) for n, s in enumerate(STEPS)) + node(f"{p}g", "Klart?", "exclusiveGateway")
        return document(body + chain(*ids, f"{p}g") + flow(f"{p}g", ids[1], "Nej") + node(f"{p}e", "Avsluta")
                        + flow(f"{p}g", f"{p}e", "Ja"))
    # when
    changes = summary(looped("a", [0, 1, 2, 3]), looped("b", [0, 1, 3, 2]))
    # then: within one round of the loop the order is reversed
    assert changes == [("order_change", "must", ("a2", "a3"), ("b2", "b3"))]
    assert summary(looped("a", [0, 1, 2, 3]), looped("b", [0, 1, 2, 3])) == []


def _decision(prefix: str, branches: list[tuple[str, str, str]], question: str = "Beslut om remiss") -> BpmnDocument:
    body = node(f"{prefix}0", "Bedöma remiss") + node(f"{prefix}g", question, "exclusiveGateway")
    body += node(f"{prefix}1", "Anta remiss") + node(f"{prefix}2", "Avvisa remiss") + chain(f"{prefix}0", f"{prefix}g")
    body += "".join(flow(f"{prefix}g", f"{prefix}{target}", label, condition) for label, target, condition in branches)
    return document(body)


def test_decision_change_other_outcomes() -> None:
    standard = _decision("a", [("Anta", "1", ""), ("Avvisa", "2", "")])
    local = _decision("b", [("Anta", "1", ""), ("Avvisa", "2", ""), ("Oklart", "2", "")])
    # the decision, then the first step of the outcome added
    assert summary(standard, local) == [("decision_change", "review", ("ag",), ("bg", "b2"))]


def test_decision_change_other_condition() -> None:
    standard = _decision("a", [("Anta", "1", "prioritet &lt;= 3"), ("Avvisa", "2", "")])
    local = _decision("b", [("Anta", "1", "prioritet &lt;= 5"), ("Avvisa", "2", "")])
    same = _decision("b", [("anta", "1", "prioritet  &lt;=  3"), ("Avvisa", "2", "")])
    assert summary(standard, local) == [("decision_change", "review", ("ag",), ("bg",))]
    assert summary(standard, same) == []


def test_an_unnamed_decision_at_the_same_place_is_the_same_decision() -> None:
    # given: the unit's tool leaves the gateway and the branches unnamed
    standard = _decision("a", [("Anta", "1", ""), ("Avvisa", "2", "")])
    local = _decision("b", [("", "1", ""), ("", "2", "")], question="")
    # when / then: the decision is there, with the same outcomes
    assert summary(standard, local) == []


def test_a_branch_named_after_its_shape_has_no_outcome_label() -> None:
    # given: the standard's tool named the branches after the shape, the unit's tool says yes and no
    standard = _decision("a", [("Default Sequence Flow 1", "1", ""), ("Sequence Flow_83", "2", "")])
    local = _decision("b", [("Ja", "1", ""), ("Nej", "2", "")])
    # when / then: the outcomes are paired by where they lead, and no label contradicts
    assert summary(standard, local) == []


def test_a_gateway_named_after_its_shape_only_routes_the_flow() -> None:
    # given: after accepting, booking and confirming run in parallel; one tool names the split after its shape
    def model(prefix: str, split: str, accept: str) -> BpmnDocument:
        body = node(f"{prefix}0", "Bedöma remiss") + node(f"{prefix}g", "Beslut om remiss", "exclusiveGateway")
        body += node(f"{prefix}p", split, "parallelGateway") + node(f"{prefix}1", "Boka tid")
        body += node(f"{prefix}2", "Skicka remissbekräftelse") + node(f"{prefix}3", "Avvisa remiss")
        body += chain(f"{prefix}0", f"{prefix}g") + flow(f"{prefix}g", f"{prefix}p", accept)
        body += flow(f"{prefix}g", f"{prefix}3", "Avvisa")
        body += chain(f"{prefix}p", f"{prefix}1") + chain(f"{prefix}p", f"{prefix}2")
        return document(body)

    # when / then: the unlabelled outcome leads to the same steps as 'Anta'; the split is no decision
    assert summary(model("a", "", "Anta"), model("b", "Parallel Gateway_81", "Sequence Flow_83")) == []


def _one_task(prefix: str, kind: str = "userTask", inner: str = "", extra: str = "", **properties: str) -> BpmnDocument:
    return document(node(f"{prefix}0", "Ta emot remiss") + node(f"{prefix}1", "Boka tid", kind, inner, **properties)
                    + chain(f"{prefix}0", f"{prefix}1") + extra)


def test_medium_change_electronic_to_paper_is_must_other_system_is_review() -> None:
    standard = _one_task("a", medium="electronic", system="Journalsystem")
    assert summary(standard, _one_task("b", "manualTask", medium="papper", system="Journalsystem")) == [
        ("medium_change", "must", ("a1",), ("b1",))]
    assert summary(standard, _one_task("b", medium="electronic", system="Excel")) == [
        ("medium_change", "review", ("a1",), ("b1",))]
    assert summary(standard, _one_task("b", "task")) == []  # nothing stated locally: unknown, not different


def test_deadline_change_compares_durations_semantically() -> None:
    standard = _one_task("a", extra=timer("at", "a1", "P14D"))
    assert summary(standard, _one_task("b", extra=timer("bt", "b1", "P2W"))) == []
    assert summary(_one_task("a", deadline="P3D"), _one_task("b", deadline="3 dagar")) == []
    assert summary(standard, _one_task("b")) == [("deadline_change", "must", ("a1", "at"), ("b1",))]
    assert summary(standard, _one_task("b", extra=timer("bt", "b1", "P30D"))) == [
        ("deadline_change", "must", ("a1", "at"), ("b1", "bt"))]
    assert summary(standard, _one_task("b", extra=timer("bt", "b1", "P7D"))) == [
        ("deadline_change", "review", ("a1", "at"), ("b1", "bt"))]
    assert summary(_one_task("a"), _one_task("b", deadline="5 arbetsdagar")) == [
        ("deadline_change", "review", ("a1",), ("b1",))]


def _waiting(prefix: str, wait: str = "", extra: str = "") -> BpmnDocument:
    """Write, (wait,) sign: with ``wait`` a timer event in the flow holds the signing back."""
    if not wait:
        return _one_task(prefix, extra=extra)
    pause = (f"<intermediateCatchEvent id='{prefix}w' name='Läkarpass'><timerEventDefinition>"
             f"<timeDuration>{wait}</timeDuration></timerEventDefinition></intermediateCatchEvent>")
    return document(node(f"{prefix}0", "Ta emot remiss") + pause + node(f"{prefix}1", "Boka tid", "userTask")
                    + chain(f"{prefix}0", f"{prefix}w", f"{prefix}1") + extra)


def test_a_timer_in_the_flow_is_a_wait_before_the_next_step() -> None:
    # given a standard that books right away, or within 5 days
    right_away = _one_task("a")
    within_five_days = _one_task("a", extra=timer("at", "a1", "P5D"))
    # when the unit books at a weekly slot
    weekly = _waiting("b", "P1W")
    # then the wait is a batching of the booking, or a longer time limit
    assert summary(right_away, weekly) == [("order_change", "review", ("a1",), ("b1", "bw"))]
    assert summary(within_five_days, weekly) == [("deadline_change", "must", ("a1", "at"), ("b1", "bw"))]
    assert summary(weekly, _waiting("c", "P7D")) == []


def _status_query(prefix: str, routine: bool) -> BpmnDocument:
    """Send, then query the status after 10 days: as a race with the answer, or as a routine wait."""
    p = prefix
    ten_days = (f"<intermediateCatchEvent id='{p}t' name='Tio dagar'><timerEventDefinition>"
                f"<timeDuration>P10D</timeDuration></timerEventDefinition></intermediateCatchEvent>")
    answer = f"<intermediateCatchEvent id='{p}m' name='Svar mottaget'><messageEventDefinition/></intermediateCatchEvent>"
    nodes = (node(f"{p}0", "Skicka remiss") + node(f"{p}1", "Bevaka remiss") + node(f"{p}2", "Efterfråga status")
             + node(f"{p}3", "Läsa svar") + ten_days + answer + f"<eventBasedGateway id='{p}g'/>")
    if routine:
        return document(nodes + chain(f"{p}0", f"{p}1", f"{p}t", f"{p}2", f"{p}g", f"{p}m", f"{p}3"))
    return document(nodes + chain(f"{p}0", f"{p}1", f"{p}g", f"{p}m", f"{p}3") + chain(f"{p}g", f"{p}t", f"{p}2"))


def test_a_timer_drawn_elsewhere_with_the_same_length_is_no_deadline_change() -> None:
    # given the 10-day timer as a race with the answer, and as a routine wait before the query
    as_race, as_routine = _status_query("a", routine=False), _status_query("b", routine=True)
    # when they are compared
    found = summary(as_race, as_routine)
    # then the limit is the same: no deadline change, only the behaviour differs
    assert found and not [c for c in found if c[0] == "deadline_change"]


def test_durations() -> None:
    assert parse_duration("P14D") == parse_duration("P2W") == parse_duration("14 dagar") == parse_duration("two weeks")
    assert parse_duration("P3D") == parse_duration("3 dagar")
    assert parse_duration("5 arbetsdagar") != parse_duration("P5D")
    assert parse_duration("R/P1W") == parse_duration("Veckovis remissgenomgång (tisdag)")
    assert parse_duration("${dueDate}") is None


def _messaging(prefix: str, sends: bool, partner: str = "Remittent", qualifier: str = "") -> BpmnDocument:
    """``qualifier``: a namespace prefix written before the QName references (``"bpmn2:"``)."""
    collaboration = (
        "<collaboration id='C' xmlns:bpmn2='http://www.omg.org/spec/BPMN/20100524/MODEL'>"
        f"<participant id='{prefix}pool' name='Mottagande enhet' processRef='{qualifier}P'/>"
        f"<participant id='{prefix}rem' name={quoteattr(partner)}/>"
        + (f"<messageFlow id='{prefix}mf' sourceRef='{qualifier}{prefix}1' targetRef='{qualifier}{prefix}rem'/>"
           if sends else "")
        + "</collaboration>")
    return document(node(f"{prefix}0", "Bedöma remiss") + node(f"{prefix}1", "Skicka remissbekräftelse")
                    + chain(f"{prefix}0", f"{prefix}1"), collaboration)


def test_message_change_missing_and_added() -> None:
    assert summary(_messaging("a", True), _messaging("b", True, "Remittent (vårdcentral)")) == []
    assert summary(_messaging("a", True), _messaging("b", False)) == [
        ("message_change", "must", ("a1", "amf"), ("b1",))]
    assert summary(_messaging("a", False), _messaging("b", True)) == [
        ("message_change", "review", ("a1",), ("b1", "bmf"))]


def test_a_message_to_an_unnamed_pool_names_it_as_unnamed() -> None:
    # given: the standard sends the confirmation to a pool nobody named; the unit sends nothing
    changes = diff_documents(_messaging("a", True, partner=""), _messaging("b", False)).changes
    # then: the sentence says so instead of quoting an empty name
    assert [c.summary for c in changes] == [{
        "sv": "Enheten skickar inget meddelande till en namnlös pool vid 'Skicka remissbekräftelse', "
              "vilket standarden kräver.",
        "en": "The unit sends no message to an unnamed pool at 'Skicka remissbekräftelse', "
              "which the standard requires."}]


def _answering(prefix: str, sender: str, message: str = "Remissvar") -> BpmnDocument:
    """Write the answer, send it; the message to the referrer leaves from step ``sender`` (``pat``: the patient's pool)."""
    collaboration = (
        f"<collaboration id='C'><participant id='{prefix}pool' name='Mottagande enhet' processRef='P'/>"
        f"<participant id='{prefix}rem' name='Remittent'/><participant id='{prefix}pat' name='Patient'/>"
        f"<messageFlow id='{prefix}mf' name={quoteattr(message)} sourceRef='{sender}' targetRef='{prefix}rem'/>"
        "</collaboration>")
    return document(node(f"{prefix}0", "Skriva remissvar") + node(f"{prefix}1", "Skicka remissvar")
                    + chain(f"{prefix}0", f"{prefix}1"), collaboration)


def test_a_message_that_moved_is_one_change_with_both_flows() -> None:
    # given a standard that sends the answer from the sending step
    standard = _answering("a", "a1")
    # when the unit sends it while writing, has the patient pass it on, or sends something else
    from_writing, from_patient = _answering("b", "b0"), _answering("b", "bpat")
    other_content = _answering("b", "b1", "Kallelse")
    # then the message is paired across the models, not reported missing and added
    assert summary(standard, from_writing) == [("message_change", "review", ("a1", "amf"), ("b0", "bmf"))]
    assert summary(standard, from_patient) == [("message_change", "must", ("a1", "amf"), ("bmf",))]
    assert summary(standard, other_content) == [("message_change", "review", ("a1", "amf"), ("b1", "bmf"))]
    assert summary(standard, _answering("b", "b1")) == []


def _exception_path(prefix: str, event_name: str, definition: str = "errorEventDefinition",
                    qualifier: str = "") -> BpmnDocument:
    """Register, then book; an event on the registration leads to returning the referral.

    ``qualifier``: a namespace prefix written before the event's host reference (``"tns:"``).
    """
    event = (f"<boundaryEvent id='{prefix}x' attachedToRef='{qualifier}{prefix}1' name={quoteattr(event_name)}>"
             f"<{definition}/></boundaryEvent>")
    return document(node(f"{prefix}0", "Ta emot remiss") + node(f"{prefix}1", "Registrera remiss")
                    + node(f"{prefix}2", "Boka tid") + node(f"{prefix}3", "Returnera remiss") + event
                    + chain(f"{prefix}0", f"{prefix}1", f"{prefix}2") + chain(f"{prefix}x", f"{prefix}3"))


def test_an_event_is_known_by_its_place_and_trigger_when_a_tool_leaves_its_name_out() -> None:
    # given: one tool leaves the error event unnamed, another names it after its shape
    standard = _exception_path("a", "")
    # when / then: the same event, wherever its name says nothing
    assert summary(standard, _exception_path("b", "Error Boundary Event_149")) == []
    assert summary(_exception_path("a", "Remissen är ofullständig"), _exception_path("b", "")) == []
    # a different trigger, or a different named event, is still a change
    assert summary(standard, _exception_path("b", "", "escalationEventDefinition")) == [
        ("missing_step", "must", ("ax",), ()), ("extra_step", "review", (), ("bx",))]
    assert summary(_exception_path("a", "Remissen är ofullständig"), _exception_path("b", "Patienten avbokar")) == [
        ("missing_step", "must", ("ax",), ()), ("extra_step", "review", (), ("bx",))]


def test_a_boundary_event_whose_host_is_written_as_a_prefixed_qualified_name_stays_on_its_host() -> None:
    # given: the local tool writes the attachedToRef QName with a namespace prefix
    local = _exception_path("b", "", qualifier="tns:")
    # when / then: the event still interrupts the registration, so nothing changed
    assert summary(_exception_path("a", ""), local) == []
    assert build_graph(local).steps["bx"].attached_to == "b1"


def _compensated_booking(prefix: str, boundary_name: str) -> BpmnDocument:
    """Book the hotel (undone by cancelling it), charge the card, then trigger the compensation 'Hotell'."""
    boundary = (f"<boundaryEvent id='{prefix}x' attachedToRef='{prefix}1' name={quoteattr(boundary_name)}>"
                "<compensateEventDefinition/></boundaryEvent>")
    throw = node(f"{prefix}y", "Hotell", "intermediateThrowEvent", "<compensateEventDefinition/>")
    undo = f"<task id='{prefix}3' name='Avboka hotell' isForCompensation='true'/>"
    association = f"<association id='{prefix}as' sourceRef='{prefix}x' targetRef='{prefix}3'/>"
    return document(node(f"{prefix}s", kind="startEvent") + node(f"{prefix}1", "Boka hotell")
                    + node(f"{prefix}2", "Debitera kort") + throw + node(f"{prefix}e", kind="endEvent")
                    + boundary + undo + association
                    + chain(f"{prefix}s", f"{prefix}1", f"{prefix}2", f"{prefix}y", f"{prefix}e"))


def test_a_boundary_event_and_a_throw_event_of_one_name_are_two_steps() -> None:
    # given: the standard names both the compensation boundary event and the event that triggers it 'Hotell'
    standard = _compensated_booking("a", "Hotell")
    # when: the unit leaves the boundary event unnamed
    local = _compensated_booking("b", "")
    # then: the boundary event is not taken for the throw event drawn twice; nothing changed
    assert summary(standard, local) == []
    assert ("ax", "bx") in diff_documents(standard, local).matches.pairs()


def _linked(prefix: str, throw_name: str, catch_names: list[str]) -> BpmnDocument:
    """Receive, then jump over a link event to the assessment; the link definitions are unnamed."""
    link = "<linkEventDefinition name=''/>"
    catches = "".join(node(f"{prefix}c{n}", name, "intermediateCatchEvent", link) for n, name in enumerate(catch_names))
    return document(node(f"{prefix}s", kind="startEvent") + node(f"{prefix}1", "Ta emot remiss")
                    + node(f"{prefix}t", throw_name, "intermediateThrowEvent", link) + catches
                    + node(f"{prefix}2", "Bedöma remiss") + node(f"{prefix}e", kind="endEvent")
                    + chain(f"{prefix}s", f"{prefix}1", f"{prefix}t") + chain(f"{prefix}c0", f"{prefix}2", f"{prefix}e"))


def test_a_link_throw_leads_to_the_only_link_catch_of_its_pool_whatever_its_label() -> None:
    # given: the standard's link events share a name; the unit labels its throw event otherwise
    standard = _linked("a", "Till bedömning", ["Till bedömning"])
    local = _linked("b", "Hoppa vidare", ["Till bedömning"])
    # when / then: the one catch event is where the link leads, so the order is the same
    assert summary(standard, local) == []
    # and with two catch events of other names, the link is not guessed: the assessment starts a flow of its own
    ambiguous = _linked("b", "Hoppa vidare", ["Till bedömning", "Till avslut"])
    assert ("order_change", "review") in {(category, severity) for category, severity, _, _ in summary(standard, ambiguous)}


def test_message_flow_ends_written_as_prefixed_qualified_names_are_the_same_message() -> None:
    # given: the local tool writes the QName references of the collaboration with a namespace prefix
    local = _messaging("b", True, qualifier="bpmn2:")
    # when / then: the message still leaves the same step for the same partner
    assert summary(_messaging("a", True), local) == []
    assert summary(_messaging("a", False), local) == [("message_change", "review", ("a1",), ("b1", "bmf"))]


def _with_data(prefix: str, *uses: tuple[str, str, bool]) -> BpmnDocument:
    """``uses``: (name, "store" or "object", writes)."""
    refs = ""
    associations = ""
    for n, (name, what, writes) in enumerate(uses):
        ref = f"{prefix}d{n}"
        tag = "dataStoreReference" if what == "store" else "dataObjectReference"
        refs += f"<{tag} id='{ref}' name={quoteattr(name)}/>"
        associations += (f"<dataOutputAssociation id='{ref}_a'><targetRef>{ref}</targetRef></dataOutputAssociation>"
                         if writes else
                         f"<dataInputAssociation id='{ref}_a'><sourceRef>{ref}</sourceRef></dataInputAssociation>")
    return document(node(f"{prefix}0", "Ta emot remiss") + node(f"{prefix}1", "Registrera remiss", inner=associations)
                    + chain(f"{prefix}0", f"{prefix}1") + refs)


def test_data_change_and_replaced_store() -> None:
    standard = _with_data("a", ("Remiss", "object", False), ("Journal", "store", True))
    assert summary(standard, _with_data("b", ("Referral", "object", False), ("Journal", "store", True))) == []
    assert summary(standard, _with_data("b", ("Journal", "store", True))) == [
        ("data_change", "review", ("a1", "ad0"), ("b1",))]
    assert summary(standard, _with_data("b", ("Remiss", "object", False), ("Excel-lista", "store", True))) == [
        ("medium_change", "review", ("a1", "ad1"), ("b1", "bd1"))]


def test_a_process_input_is_a_document_like_a_data_object() -> None:
    # given: the standard draws the referral as the process's data input, the unit as a data object
    written = "<dataOutputAssociation id='w'><targetRef>note</targetRef></dataOutputAssociation>"
    reads_input = "<dataInputAssociation id='r'><sourceRef>in</sourceRef></dataInputAssociation>"
    standard = document("<ioSpecification id='io'><dataInput id='in' name='Remiss'/><inputSet id='is'>"
                        "<dataInputRefs>in</dataInputRefs></inputSet><outputSet id='os'/></ioSpecification>"
                        + node("a0", "Ta emot remiss") + node("a1", "Registrera remiss", inner=reads_input + written)
                        + chain("a0", "a1") + "<dataObjectReference id='note' name='Journalanteckning'/>")
    local = _with_data("b", ("Remiss", "object", False), ("Journalanteckning", "object", True))
    # when / then
    assert summary(standard, local) == []


def test_a_document_state_is_part_of_its_name_where_stated() -> None:
    # given: the standard writes the referral in the state 'Bedömd' (a dataState), with the journal note
    written = ("<dataOutputAssociation id='w1'><targetRef>ref</targetRef></dataOutputAssociation>"
               "<dataOutputAssociation id='w2'><targetRef>note</targetRef></dataOutputAssociation>")
    standard = document(
        node("a0", "Ta emot remiss") + node("a1", "Registrera remiss", inner=written) + chain("a0", "a1")
        + "<dataObjectReference id='ref' name='Remiss'><dataState id='st' name='Bedömd'/></dataObjectReference>"
        + "<dataObjectReference id='note' name='Journalanteckning'/>")

    def local(referral: str) -> BpmnDocument:
        return _with_data("b", (referral, "object", True), ("Journalanteckning", "object", True))

    # when / then: the same state written in the name, or no state stated, is the same document
    assert summary(standard, local("Remiss [Bedömd]")) == []
    assert summary(standard, local("Remiss")) == []
    assert summary(standard, local("Remiss [Avvisad]")) == [("data_change", "review", ("a1", "ref"), ("b1", "bd0"))]


def test_a_document_spelt_otherwise_is_the_same_document() -> None:
    # given: the unit's model spells the document name otherwise (a typo, British or American spelling)
    standard = _with_data("a", ("Advertisement [analysed]", "object", False))
    # when / then
    assert summary(standard, _with_data("b", ("Avertisement [analyzed]", "object", False))) == []
    assert summary(standard, _with_data("b", ("Avertisement [analyzed]", "object", True))) == [
        ("data_change", "review", ("a1", "ad0"), ("b1", "bd0"))]


def test_renamed_step_is_info_only() -> None:
    local = simple("b", [STEPS[0], STEPS[1], "Bekräfta remiss", STEPS[3]])
    changes = diff_documents(simple("a", STEPS), local).changes
    assert [(c.category.value, c.severity.value, c.standard_elements, c.local_elements) for c in changes] == [
        ("renamed_step", "info", ("a2",), ("b2",))]
    assert changes[0].summary["en"] == "The step 'Skicka remissbekräftelse' is called 'Bekräfta remiss' in the unit's process."


def test_a_step_can_have_several_changes() -> None:
    standard = _one_task("a", medium="electronic", extra=timer("at", "a1", "P14D"))
    local = _one_task("b", "manualTask", medium="post")
    assert {c[0] for c in summary(standard, local)} == {"medium_change", "deadline_change"}


# --- the result, ids and re-diffing ---------------------------------------------------------------


def test_json_has_exactly_the_documented_shape() -> None:
    result = diff_documents(simple("a", STEPS), simple("b", [STEPS[0], STEPS[1], STEPS[3]]))
    data = result.to_json()
    assert set(data) == {"matches", "changes"}
    assert set(data["matches"][0]) == {"standard", "local", "score", "reason"}
    (change,) = data["changes"]
    assert set(change) == {"id", "category", "severity", "standard_elements", "local_elements", "summary"}
    assert set(change["summary"]) == {"sv", "en"}
    assert change["id"].startswith("missing_step-")


def test_change_ids_are_stable_across_edits_elsewhere() -> None:
    standard = simple("a", STEPS)
    first = diff_documents(standard, simple("b", [STEPS[0], STEPS[1], STEPS[3]])).changes
    edited = diff_documents(standard, simple("b", [STEPS[0], STEPS[1], STEPS[3], "Arkivera"])).changes
    assert first[0].id in {c.id for c in edited}


def test_forced_match_rediff_equals_fresh_diff() -> None:
    standard, local = simple("a", STEPS), simple("b", STEPS)
    differ = Differ(standard, local)
    assert differ.diff(forced=[("a2", "b3")]).to_json() == diff_documents(standard, local, forced=[("a2", "b3")]).to_json()
    assert differ.diff().changes == ()


def _renamed(path_or_xml: Path | bytes, prefix: str) -> tuple[BpmnDocument, dict[str, str]]:
    data = path_or_xml.read_bytes() if isinstance(path_or_xml, Path) else path_or_xml
    renamed, mapping = rename_ids(data, prefix)
    return read_bpmn_bytes(renamed, "renamed"), {new: old for old, new in mapping.items()}


def _comparable(changes, back_a: dict[str, str], back_b: dict[str, str]) -> Counter:  # type: ignore[no-untyped-def]
    return Counter(
        (c.category.value, c.severity.value, tuple(sorted(back_a.get(e, e) for e in c.standard_elements)),
         tuple(sorted(back_b.get(e, e) for e in c.local_elements)))
        for c in changes)


def test_renaming_every_id_changes_nothing_inline() -> None:
    standard_xml, local_xml = generate(120, 5), None
    local_xml = make_local(standard_xml, 6)
    plain = diff_documents(read_bpmn_bytes(standard_xml, "s"), read_bpmn_bytes(local_xml, "l"),
                           thesaurus=benchmark_thesaurus()).changes
    standard, back_a = _renamed(standard_xml, "x_")
    local, back_b = _renamed(local_xml, "y_")
    renamed = diff_documents(standard, local, thesaurus=benchmark_thesaurus()).changes
    assert plain and _comparable(plain, {}, {}) == _comparable(renamed, back_a, back_b)


# --- the MIWG corpus ----------------------------------------------------------------------------


def _loadable(path: Path) -> BpmnDocument:
    try:
        return read_bpmn(path)
    except BpmnReadError as error:
        pytest.skip(f"unreadable: {error}")


@needs_miwg
@pytest.mark.slow
@pytest.mark.parametrize("path", MIWG_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_model_diffed_with_itself_has_no_changes(path: Path) -> None:
    document_ = _loadable(path)
    assert diff_documents(document_, document_).changes == ()


@needs_miwg
@pytest.mark.parametrize("case", ["A.4.1", "B.2.0", "C.1.0", "C.6.0"])
def test_renaming_every_id_changes_nothing_on_redrawn_models(case: str) -> None:
    reference = MIWG / "reference" / f"{case}.bpmn"
    export = MIWG / "vendors" / "bpmn.io (Camunda Modeler) 18.6.1" / f"{case}-export.bpmn"
    plain = diff_documents(read_bpmn(reference), read_bpmn(export)).changes
    standard, back_a = _renamed(reference, "x_")
    local, back_b = _renamed(export, "y_")
    renamed = diff_documents(standard, local).changes
    assert _comparable(plain, {}, {}) == _comparable(renamed, back_a, back_b)


#: Redrawn MIWG exports whose diff with the reference still reports practice changes (must
#: or review): how many today, and why. Every other export must report none, and these
#: exactly as many as listed (fewer means a difference is no longer seen: lower the count
#: and check the reason). Each reason names what the export really changed, checked by hand in
#: both files, and the changes it causes (category and count); "not drawn in its diagram"
#: marks an element that is in the reference's XML only, so a redrawing could not copy it.
#: The review of every file is in docs/miwg-redrawn-review.md.
REDRAWN_EXCEPTIONS: dict[tuple[str, str], tuple[int, str]] = {
    ('Activiti Designer 5.14.1', 'A.3.0'): (2, "the export has no escalation boundary event on 'Collapsed Sub-Process', so 'Task 4' has no incoming flow and starts a flow of its own (missing_step 1; order_change 1)"),
    ('Bonita BPM 7.2.3', 'A.3.0'): (2, "the export draws neither the escalation boundary event of the sub-process nor 'Task 4' after it (missing_step 2)"),
    ('Bonita BPM 7.2.3', 'A.4.0'): (2, "the export draws 'Expanded Sub-Process 2' as a call activity 'Call sub-process 2' (Bonita has no embedded sub-process) (missing_step 1; extra_step 1)"),
    ('Bonita BPM 7.2.3', 'B.2.0'): (73, "the export draws a small sketch of 20 steps (pools 'B' and 'Pool1') instead of the reference's model of 94 steps (missing_step 54; extra_step 7; message_change 4; deadline_change 3; order_change 3; role_change 2)"),
    ('Bonita BPM 7.2.3', 'C.1.0'): (14, "the export names the 'Team-Assistant' pool 'C' and draws one of the five message flows; it writes 'Rechnung klaren' without the umlaut as a service task, with the flow between it and 'Review succesful' drawn the other way round (the gateway then has no incoming flow and starts a flow of its own), and makes 'Prepare bank transfer' a service task (message_change 8; order_change 2; missing_step 1; decision_change 1; medium_change 1; extra_step 1)"),
    ('Bonita BPM 7.2.3', 'C.1.1'): (1, "the export makes 'Rechnung klären' a service task 'Rechnung klaren' (reference: user task) (medium_change 1)"),
    ('Cardanit (prev. BeePMN) 4.9.1', 'C.6.0'): (7, "the export misspells the end 'Travek Booked' and attaches error boundary events 'Hotel'/'Flight' whose sequence flows lead to 'Cancel Hotel'/'Cancel Flight', where the reference has compensation boundary events associated with those compensation tasks (order_change 5; missing_step 1; extra_step 1)"),
    ('Cardanit (prev. BeePMN) 4.9.1', 'C.8.1'): (1, "the reference's input association from 'Current Vacation Status' to 'Vacation Approval' is in its XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (data_change 1)"),
    ('GenMyModel 0.47', 'B.1.0'): (4, "the export's 'Call Activity Collapsed' calls the Participant pool's process (calledElement 'Process'), so that pool's steps run only when the call does; 'Abstract Task 8' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (order_change 3; missing_step 1)"),
    ('GenMyModel 0.47', 'B.2.0'): (8, "the export draws 'Parallel Gateway 5' as an exclusive gateway, so the branch of 'Task 26' and the branch of 'Expanded Sub-Process 3' become alternatives that each may be skipped; 'Task 34' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (order_change 7; missing_step 1)"),
    ('GenMyModel 0.47', 'C.1.1'): (1, "the export draws the data association of 'approver' at 'Assign Approver' as an input instead of an output (data_change 1)"),
    ('GenMyModel 0.47', 'C.2.0'): (4, "the export draws 'Send Order' as an unnamed catch event and the message 'Send Credit Card Information' as leaving an unnamed boundary event of 'Pay Order' instead of 'Pay Order' (extra_step 2; message_change 1; missing_step 1)"),
    ('IBM Process Designer 8.0.1', 'A.3.0'): (6, "the export calls a 'Collapsed Process' whose normal flow goes to Task3 (reference: Task 2), and its non-interrupting message boundary event 'Untitled' leads to Task2 (reference: to Task 3); its second boundary event 'Untitled1' is an interrupting message event where the reference has the escalation event (missing_step 2; order_change 2; extra_step 2)"),
    ('OMNITRACKER BPMN 12.3', 'A.2.1'): (1, "the export writes the condition of the flow after 'Task 2' as 'IsNull(Proc.StartUser.Name)' where the reference has 'true' (decision_change 1)"),
    ('OMNITRACKER BPMN 12.3', 'B.1.0'): (17, "the export holds the model twice (diagrams 'B.1.0' and 'B.1.0-export'), and in the second copy 'Collapsed Sub-Process' calls the Participant pool's process; steps pair with both copies and their orders mix (order_change 16; data_change 1)"),
    ('OMNITRACKER BPMN 12.3', 'B.2.0'): (17, "the export's 'Collapsed Call Activity' calls the Participant pool's process (calledElement '_11'), so that pool's steps run only within the call, 'Collapsed Sub-Process 2' calls an empty process ('_9'), and the called process of 'Expanded Call Activity' ('User Task 12', 'User Task 13', 'Service Task 14') is drawn as a separate flow of the Pool's process (no calledElement); 'User Task 3' reads the data object by its alias 'dataObj1' (the label is only in ot:displayName); 'Task 34' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (order_change 15; missing_step 1; data_change 1)"),
    ('OMNITRACKER BPMN 12.3', 'C.1.1'): (3, "the export names its data objects by internal alias ('dataObj1'..'dataObj3') (the label is only in ot:displayName) (data_change 3)"),
    ('OMNITRACKER BPMN 12.3', 'C.5.0'): (11, "the export names its data objects by internal alias ('dataObj1'..'dataObj6') (the label is only in ot:displayName) (data_change 11)"),
    ('OMNITRACKER BPMN 12.3', 'C.6.0'): (5, "the export leaves the event sub-process 'Handle Compensation1' empty and draws its content ('Booking', 'Hotel', 'Flight') directly in 'Make Booking1'; it names the process input 'input1' (the label is only in ot:displayName) (order_change 2; missing_step 1; data_change 1; extra_step 1)"),
    ('OMNITRACKER BPMN 12.3', 'C.7.0'): (3, "the export names its data objects by internal alias ('dataObj1', 'dataObj2') (the label is only in ot:displayName) (data_change 3)"),
    ('OMNITRACKER BPMN 12.3', 'C.8.1'): (2, "the reference's input association from 'Current Vacation Status' to 'Vacation Approval' is in its XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it; the export also does not draw that 'Manually Approve Vacation' reads 'Current Vacation Status', 'From' and 'To' (data_change 2)"),
    ('OMNITRACKER BPMN 12.3', 'C.9.0'): (24, "the export also holds the diagrams 'C.9.1 - export diagram' and 'C 9.2 - export diagram' (processes 'Document Request', 'Manual Check'), which C.9.0 does not have (extra_step 22; deadline_change 2)"),
    ('OMNITRACKER BPMN 12.3', 'C.9.2'): (8, "the export also holds the diagram 'C.9.1 - export diagram' (process 'Document Request'), which C.9.2 does not have (extra_step 7; deadline_change 1)"),
    ('SAP Signavio Process Manager 19.9.0', 'B.1.0'): (6, "the export draws no flow from 'Collapsed Sub-Process' to 'Sub Process - Expanded', so the latter starts a flow of its own; it draws the data association at 'Service Task 7' as an output instead of an input and does not draw the called processes of 'Call Activity - Expanded' ('Abstract Task 4') and 'Call Activity Collapsed' ('Abstract Task 8') (order_change 3; missing_step 2; data_change 1)"),
    ('SAP Signavio Process Manager 19.9.0', 'B.2.0'): (6, "the export draws the data association at 'User Task 3' as an output instead of an input and does not draw the called processes: that of 'Expanded Call Activity' ('User Task 12', 'User Task 13' with its message boundary event, 'Service Task 14') and WFP-0- ('Task 34', which the reference's diagram does not draw either) (missing_step 5; data_change 1)"),
    ('SAP Signavio Process Manager 19.9.0', 'C.6.0'): (1, "the export draws the association of 'Travel request' at 'Make Flights and Hotel Offer' as an output (written) where the reference reads 'Travel Request' (data_change 1)"),
    ('SAP Signavio Process Manager 19.9.0', 'C.8.1'): (1, "the reference's input association from 'Current Vacation Status' to 'Vacation Approval' is in its XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (data_change 1)"),
    ('SAP Signavio Process Manager 19.9.0', 'C.9.0'): (1, "the export draws no flow from the boundary event 'Fraud detected' to 'Report fraud', so 'Report fraud' starts a flow of its own (order_change 1)"),
    ('Yaoqiang BPMN Editor 4.0', 'A.2.1'): (1, "the export leaves out the flows from 'Task 2' and 'Task 4' to 'Task 3' that the reference draws (order_change 1)"),
    ('Yaoqiang BPMN Editor 4.0', 'B.2.0'): (1, "'Task 34' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (missing_step 1)"),
    ('Yaoqiang BPMN Editor 4.0', 'C.1.0'): (2, "the export draws the message flow from 'Assign Approver' to 'Archive original' where the reference has it from 'Assign approver' to 'Assign Approver', and the one between 'Assign Approver' and 'Approver to be assigned' the other way round (message_change 2)"),
    ('actiBPM 3.E-8', 'A.3.0'): (6, "the export has neither boundary event of 'Collapsed Sub-Process' (its flows start from missing ids), so 'Task 3' and 'Task 4' start flows of their own (order_change 4; missing_step 2)"),
    ('actiBPM 3.E-8', 'B.1.0'): (4, "the export has no 'Message Flow 2' (from 'End Event Message' to 'Service Task 3') and draws 'Abstract Task 4' as a separate flow of the Pool's process instead of the process that 'Call Activity Expanded' calls (no calledElement); 'Abstract Task 8' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (message_change 2; missing_step 1; order_change 1)"),
    ('actiBPM 3.E-8', 'B.2.0'): (19, "the export misspells 'Collapsed Call Acitivity' (no calledElement), names the default flow of 'Exclusive Gateway 4' 'Sefaj,t Sequence Flow', draws the called process of 'Expanded Call Activity' ('User Task 12', 'User Task 13', 'Service Task 14') as a separate flow of its pool (no calledElement), and draws the two link events as plain throw events without a link definition, the first not reached from the conditional boundary event of 'Service Task 15'; it has no 'Message Flow 2' and no unnamed boundary events; 'Task 34' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (order_change 11; missing_step 4; message_change 2; decision_change 1; extra_step 1)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'A.4.1'): (4, "the export names both pools 'Pool 1' and splits the reference's 'Lane 2' into 'Lane 4' (Start Event 2, Task 3) and 'Lane 3' (Task 4, Task 5, Expanded Sub-Process 1) (role_change 4)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'B.1.0'): (1, "'Abstract Task 8' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (missing_step 1)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'B.2.0'): (1, "'Task 34' of the called process WFP-0- is in the reference's XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (missing_step 1)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'C.4.0'): (14, "the export redraws only the 'Money Bank' diagram of the four, not the 'IT', 'Payroll' and 'Facilities' pools (missing_step 14)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'C.5.0'): (5, "the export redraws only the 'Create New Customer' diagram, not 'Check for connected clients' (its three steps); 'Create customer in the system' reads 'Bank System' instead of writing it and reads an unnamed data object (missing_step 3; data_change 2)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'C.8.1'): (1, "the reference's input association from 'Current Vacation Status' to 'Vacation Approval' is in its XML but not drawn in its diagram, and the export, redrawn from the diagram, lacks it (data_change 1)"),
    ('bpmn.io (Camunda Modeler) 18.6.1', 'C.9.0'): (2, "the export names the end 'Customer notified about successful cancelation' 'Timeout handled' (a second end of that name) (missing_step 1; decision_change 1)"),
    ('iGrafx FlowCharter 2013 15.1.1.1580', 'A.4.0'): (3, "the export copies the content of 'Expanded Sub-Process 1' into 'Expanded Sub-Process 2' (a second 'Task 4' where the reference has 'Task 6') and leads 'Start Event 1' to an unnamed task instead of 'Task 1' (extra_step 2; missing_step 1)"),
    ('iGrafx FlowCharter 2013 15.1.1.1580', 'B.1.0'): (6, "the export misspells the pool 'Paticipant' (its two messages are reported missing for 'Participant' and added for 'Paticipant'), draws 'Abstarct Task 8' in 'Collapsed Sub-Process' and 'Abstract Task 8' as a process 'BPD2' of its own that nothing calls (message_change 4; order_change 1; extra_step 1)"),
    ('iGrafx FlowCharter 2013 15.1.1.1580', 'B.2.0'): (3, "the export adds a process 'Sub-Process' with 'Task s1' and 'End Event s1' and draws 'Task 34' as a process of its own that nothing calls (its call activities call 'dept_') (extra_step 2; order_change 1)"),
    ('iGrafx Process 2013 for Six Sigma 15.0.4.1565', 'A.2.0'): (2, "the export draws both gateways as inclusive instead of exclusive, so 'Task 2', 'Task 3' and 'Task 4' may run together (order_change 2)"),
    ('iGrafx Process 2013 for Six Sigma 15.0.4.1565', 'A.3.0'): (5, "the export draws the boundary events of 'Collapsed Sub-Process' as a message start event and an escalation throw event outside it, joined to the sub-process by sequence flows (order_change 5)"),
    ('iGrafx Process 2013 for Six Sigma 15.0.4.1565', 'B.2.0'): (38, "the export draws the boundary timer events as start events attached to nothing, 'Expanded Sub-Process 2' as a task, and the call activities as sub-processes whose called processes are pools of their own ('Call Activity', 'CollapsedCall Activity'); the extra entries let runs skip most steps (order_change 33; missing_step 2; deadline_change 2; extra_step 1)"),
    ('itp-commerce Process Modeler for Microsoft Visio 6', 'A.4.0'): (1, "the export draws 'Message Flow 2' the other way round (from 'Task 2' to 'Task 5') (message_change 1)"),
    ('itp-commerce Process Modeler for Microsoft Visio 6', 'B.2.0'): (7, "the export draws 'Parallel Gateway 5' as an exclusive gateway, so the branch of 'Task 26' and the branch of 'Expanded Sub-Process 3' become alternatives that each may be skipped (order_change 7)"),
}



@needs_miwg
@pytest.mark.slow
@pytest.mark.parametrize(("tool", "case", "export", "reference"), list(export_pairs(MIWG)) if MIWG_FILES else [],
                         ids=lambda value: value if isinstance(value, str) else "")
def test_redrawn_exports_show_no_practice_change(tool: str, case: str, export: Path, reference: Path) -> None:
    local = _loadable(export)
    changes = [c for c in diff_documents(read_bpmn(reference), local).changes if c.severity is not ChangeSeverity.INFO]
    allowed, reason = REDRAWN_EXCEPTIONS.get((tool, case), (0, ""))
    assert len(changes) == allowed, (reason, [c.summary["en"] for c in changes])


def _question_from_fk(prefix: str, lane: str) -> BpmnDocument:
    """A message start event (a question from FK) in ``lane``, then the answer."""
    collaboration = (f"<collaboration id='C'><participant id='{prefix}pool' name='Vårdenhet' processRef='P'/>"
                     f"<participant id='{prefix}fk' name='Försäkringskassan'/>"
                     f"<messageFlow id='{prefix}mf' sourceRef='{prefix}fk' targetRef='{prefix}0'/></collaboration>")
    start = f"<startEvent id='{prefix}0' name='Fråga från FK'><messageEventDefinition/></startEvent>"
    return document(lanes(**{lane: [f"{prefix}0", f"{prefix}1"]}) + start + node(f"{prefix}1", "Besvara fråga")
                    + chain(f"{prefix}0", f"{prefix}1"), collaboration)


def test_the_role_that_receives_a_message_is_compared() -> None:
    # given FK's question received by the administrator in the standard
    standard = _question_from_fk("a", "Vårdadministratör")
    # when the physician receives it (and answers it)
    local = _question_from_fk("b", "Läkare")
    # then both the receiving event and the answering step change role
    assert [c for c in summary(standard, local) if c[0] == "role_change"] == [
        ("role_change", "must", ("a0",), ("b0",)), ("role_change", "must", ("a1",), ("b1",))]
