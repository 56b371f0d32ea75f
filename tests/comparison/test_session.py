"""A comparison session: the files' identities, links and unlinks as the diff's forced pairs,
workshop decisions, process order, the summary counts and the rows for reports."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from process_mapper.core.comparison import (
    CATEGORY_NAMES,
    Comparison,
    Decision,
    flow_order,
)
from process_mapper.core.diff import (
    Category,
    ChangeSeverity,
    build_graph,
    diff_documents,
)
from process_mapper.core.model import BpmnDocument
from process_mapper.core.model.semantic import FlowNode
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes

from .samples import PAIRS, pair_paths


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    """A fresh comparison per sample pair; tests that change one make their own."""
    return {name: Comparison.create(*pair_paths(name)) for name in PAIRS}


def _fresh(name: str) -> Comparison:
    return Comparison.create(*pair_paths(name))


def _name(document: BpmnDocument, element_id: str) -> str:
    """The name of a flow node as drawn."""
    node = document.get(element_id)
    assert isinstance(node, FlowNode) and node.name
    return node.name


# --- identities and the diff --------------------------------------------------------------------


def test_a_comparison_records_what_identifies_both_files() -> None:
    # given
    standard, local = pair_paths("A-V1")
    # when
    comparison = Comparison.create(standard, local)
    # then
    assert comparison.standard.path == standard.resolve() and comparison.local.path == local.resolve()
    assert comparison.standard.sha256 == hashlib.sha256(standard.read_bytes()).hexdigest()
    assert comparison.local.size == local.stat().st_size
    assert (comparison.standard.identifier, comparison.standard.version) == ("STD-REM-IN", "1.0")
    assert comparison.standard.title == "Inkommande remiss, handläggning"
    assert comparison.local.identifier == "LOK-A-V1"
    assert comparison.local.process_name == read_bpmn(local).processes[0].name


@pytest.mark.parametrize("name", PAIRS)
def test_the_result_is_the_diff_of_the_two_files(name: str, comparisons: dict[str, Comparison]) -> None:
    # given
    standard, local = (read_bpmn(path) for path in pair_paths(name))
    # when
    result = comparisons[name].result()
    # then
    assert result.to_json() == diff_documents(standard, local).to_json()


# --- links and unlinks --------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAIRS)
def test_a_link_gives_the_diff_with_that_pair_forced(name: str) -> None:
    # given: the first standard step linked to the partner of the second one
    comparison = _fresh(name)
    first, second = comparison.result().matches.matches[:2]
    pair = (first.a_ids[0], second.b_ids[0])
    standard, local = (read_bpmn(path) for path in pair_paths(name))
    # when
    result = comparison.link(*pair)
    # then
    assert result is comparison.result() and comparison.links == (pair,)
    assert result.to_json() == diff_documents(standard, local, forced=[pair]).to_json()
    forced = [m for m in result.matches.matches if pair in set(m.pairs())]
    assert forced and forced[0].forced and forced[0].reason == "forced by the user"


def test_linking_a_missing_step_with_an_extra_step_replaces_both_changes() -> None:
    # given: A-V1 lacks the standard's 'Ankomstregistrera remiss' (A_T01) and stamps the date (UM_T01) instead
    comparison = _fresh("A-V1")
    before = {(c.category, c.standard_elements, c.local_elements) for c in comparison.result().changes}
    assert (Category.MISSING_STEP, ("A_T01",), ()) in before and (Category.EXTRA_STEP, (), ("UM_T01",)) in before
    # when
    result = comparison.link("A_T01", "UM_T01")
    # then
    after = {(c.category, c.standard_elements, c.local_elements) for c in result.changes}
    assert (Category.MISSING_STEP, ("A_T01",), ()) not in after
    assert (Category.EXTRA_STEP, (), ("UM_T01",)) not in after
    assert ("A_T01", "UM_T01") in result.matches.pairs()
    assert any(c.category is Category.RENAMED_STEP and c.local_elements == ("UM_T01",) for c in result.changes)


def test_two_links_from_one_step_make_a_split() -> None:
    # given
    comparison = _fresh("A-V1")
    # when
    comparison.link("A_T01", "UM_T01")
    result = comparison.link("A_T01", "UM_T02")
    # then
    split = next(m for m in result.matches.matches if m.a_ids == ("A_T01",))
    assert split.b_ids == ("UM_T01", "UM_T02") and split.cardinality == "1:n"
    row = next(r for r in comparison.rows("en") if r.category is Category.RENAMED_STEP and r.standard_step ==
               "Ankomstregistrera remiss")
    assert row.local_step == "Stämpla ankomstdatum + Skanna remiss till journal"


@pytest.mark.parametrize("name", PAIRS)
def test_an_unlink_gives_the_diff_with_that_pair_forbidden(name: str) -> None:
    # given
    comparison = _fresh(name)
    pair = next(iter(comparison.result().matches.matches[0].pairs()))
    standard, local = (read_bpmn(path) for path in pair_paths(name))
    # when
    result = comparison.unlink(*pair)
    # then
    assert comparison.unlinks == (pair,)
    assert pair not in result.matches.pairs()
    assert result.to_json() == diff_documents(standard, local, forbidden=[pair]).to_json()


def test_a_link_lifts_an_unlink_of_the_pair_and_the_reverse() -> None:
    # given
    comparison = _fresh("B-V1")
    pair = next(iter(comparison.result().matches.matches[0].pairs()))
    comparison.unlink(*pair)
    # when
    comparison.link(*pair)
    # then
    assert comparison.links == (pair,) and comparison.unlinks == ()
    # when
    comparison.unlink(*pair)
    # then
    assert comparison.links == () and comparison.unlinks == (pair,)


def test_removing_a_link_gives_the_matcher_its_say_again() -> None:
    # given
    comparison = _fresh("C-V1")
    untouched = comparison.result().to_json()
    first, second = comparison.result().matches.matches[:2]
    comparison.link(first.a_ids[0], second.b_ids[0])
    comparison.unlink(*next(iter(second.pairs())))
    # when
    comparison.remove_link(first.a_ids[0], second.b_ids[0])
    result = comparison.remove_link(*next(iter(second.pairs())))
    # then
    assert comparison.links == () and comparison.unlinks == ()
    assert result.to_json() == untouched


def test_each_side_finds_its_counterpart_and_why() -> None:
    # given
    comparison = _fresh("A-V1")
    comparison.link("A_T01", "UM_T01")
    # when
    from_standard, from_local = comparison.match_of("standard", "A_T01"), comparison.match_of("local", "UM_T01")
    # then
    assert from_standard is not None and from_standard == from_local
    assert from_standard.b_ids == ("UM_T01",) and from_standard.reason == "forced by the user"
    assert comparison.match_of("standard", "A_T02") is None and comparison.match_of("local", "A_T02") is None


def test_links_name_steps_that_exist() -> None:
    # given
    comparison = _fresh("A-V1")
    # when / then
    with pytest.raises(KeyError, match="standard"):
        comparison.link("NO_SUCH_STEP", "UM_T01")
    with pytest.raises(KeyError, match="local"):
        comparison.unlink("A_T01", "NO_SUCH_STEP")
    with pytest.raises(KeyError):
        comparison.remove_link("A_T01", "UM_T01")
    assert comparison.links == () and comparison.unlinks == ()


# --- decisions ----------------------------------------------------------------------------------


def test_a_decision_is_recorded_on_a_change_with_the_change_as_it_is() -> None:
    # given
    comparison = _fresh("A-V1")
    change = next(c for c in comparison.result().changes if c.category is Category.ROLE_CHANGE)
    before = datetime.now(UTC).replace(microsecond=0)
    # when
    made = comparison.decide(change.id, Decision.ADOPT, owner=" Enhetschef ", due_date=date(2026, 6, 1),
                             comment="Remissbedömare utses.")
    # then
    assert comparison.decision(change.id) == made
    assert (made.decision, made.owner, made.due_date, made.comment) == (
        Decision.ADOPT, "Enhetschef", date(2026, 6, 1), "Remissbedömare utses.")
    assert (made.category, made.severity, made.standard_elements, made.local_elements, made.summary) == (
        change.category, change.severity, change.standard_elements, change.local_elements, change.summary)
    assert before <= made.updated <= datetime.now(UTC) + timedelta(seconds=1)
    assert comparison.unplaced_decisions == ()


def test_keeping_the_local_deviation_needs_a_justification() -> None:
    # given
    comparison = _fresh("B-V1")
    change = comparison.result().changes[0]
    # when / then
    with pytest.raises(ValueError, match="justification"):
        comparison.decide(change.id, Decision.KEEP, justification="  ")
    assert comparison.decision(change.id) is None
    # when
    kept = comparison.decide(change.id, Decision.KEEP, justification="Patienterna saknar e-legitimation.")
    # then
    assert kept.decision is Decision.KEEP and kept.justification == "Patienterna saknar e-legitimation."


def test_decisions_are_made_on_current_changes_only() -> None:
    # given
    comparison = _fresh("B-V1")
    # when / then
    with pytest.raises(KeyError):
        comparison.decide("missing_step-0000000000", Decision.ADOPT)


def test_deciding_the_same_again_keeps_when_it_was_last_changed() -> None:
    # given
    comparison = _fresh("C-V1")
    change = comparison.result().changes[0]
    first = comparison.decide(change.id, Decision.INVESTIGATE, owner="Anna")
    # when
    again = comparison.decide(change.id, Decision.INVESTIGATE, owner="Anna")
    changed = comparison.decide(change.id, Decision.INVESTIGATE, owner="Bertil")
    # then
    assert again is first
    assert changed.owner == "Bertil" and comparison.decision(change.id) is changed


def test_a_decision_whose_change_a_link_removes_is_unplaced_until_the_link_goes() -> None:
    # given: a decision on the missing step A_T01
    comparison = _fresh("A-V1")
    missing = next(c for c in comparison.result().changes if c.standard_elements == ("A_T01",)
                   and c.category is Category.MISSING_STEP)
    decided = comparison.decide(missing.id, Decision.ADOPT, owner="Anna")
    # when: the user says UM_T01 is that step
    comparison.link("A_T01", "UM_T01")
    # then
    assert comparison.unplaced_decisions == (decided,)
    assert comparison.summary().unplaced_decisions == 1
    assert [r.change_id for r in comparison.unplaced_rows("en")] == [missing.id]
    # when
    comparison.remove_link("A_T01", "UM_T01")
    # then
    assert comparison.unplaced_decisions == () and comparison.decision(missing.id) == decided


def test_forgetting_a_decision_removes_it() -> None:
    # given
    comparison = _fresh("C-V2")
    change = comparison.result().changes[0]
    comparison.decide(change.id, Decision.ADOPT)
    # when
    comparison.forget_decision(change.id)
    # then
    assert comparison.decision(change.id) is None and comparison.decisions == {}


# --- order, counts and rows ---------------------------------------------------------------------

_ORDERED = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <process id="p">
    <endEvent id="end" name="Klar"/>
    <task id="b" name="B"/>
    <subProcess id="sub" name="Delprocess">
      <task id="y" name="Y"/>
      <startEvent id="inner_start"/>
      <task id="x" name="X"/>
      <sequenceFlow id="f4" sourceRef="inner_start" targetRef="x"/>
      <sequenceFlow id="f5" sourceRef="x" targetRef="y"/>
    </subProcess>
    <boundaryEvent id="timer" attachedToRef="a"><timerEventDefinition/></boundaryEvent>
    <task id="a" name="A"/>
    <startEvent id="start"/>
    <task id="island" name="Ingen väg hit"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
    <sequenceFlow id="f2" sourceRef="a" targetRef="sub"/>
    <sequenceFlow id="f3" sourceRef="sub" targetRef="b"/>
    <sequenceFlow id="f6" sourceRef="b" targetRef="end"/>
    <sequenceFlow id="f7" sourceRef="island" targetRef="island"/>
  </process>
</definitions>"""


def test_flow_order_follows_the_sequence_flows_not_the_document() -> None:
    # given: elements written out of flow order, a sub-process, a boundary event and a step no start reaches
    graph = build_graph(read_bpmn_bytes(_ORDERED.encode("utf-8")))
    # when
    order = flow_order(graph)
    # then
    assert sorted(order, key=order.__getitem__) == [
        "start", "a", "timer", "sub", "inner_start", "x", "y", "b", "end", "island"]


@pytest.mark.parametrize("name", PAIRS)
def test_changes_in_process_order_follow_the_standards_flow(name: str, comparisons: dict[str, Comparison]) -> None:
    # given
    comparison = comparisons[name]
    rank = flow_order(comparison.differ.standard.graph)
    # when
    ordered = comparison.ordered_changes()
    # then: every change once; changes placed on standard steps come in flow order
    assert Counter(c.id for c in ordered) == Counter(c.id for c in comparison.result().changes)
    first_steps = [rank[next(e for e in c.standard_elements if e in rank)] for c in ordered
                   if any(e in rank for e in c.standard_elements)]
    assert first_steps and first_steps == sorted(first_steps)


def test_an_extra_step_is_met_where_it_happens_in_the_local_flow() -> None:
    # given: A-V1 stamps, scans and registers (UM_T01..UM_T03) right after the referral arrives (A_SE1)
    comparison = _fresh("A-V1")
    # when
    ordered = comparison.ordered_changes()
    # then
    about = [(c.standard_elements[:1], c.local_elements[:1]) for c in ordered]
    start_changes = [n for n, (a, _) in enumerate(about) if a == ("A_SE1",)]
    assert start_changes == [0, 1]
    assert [about[n][1] for n in (2, 3, 4)] == [("UM_T01",), ("UM_T02",), ("UM_T03",)]


@pytest.mark.parametrize("name", PAIRS)
def test_the_summary_counts_the_current_result(name: str) -> None:
    # given
    comparison = _fresh(name)
    changes = comparison.result().changes
    comparison.decide(changes[0].id, Decision.ADOPT)
    comparison.decide(changes[-1].id, Decision.INVESTIGATE)
    # when
    summary = comparison.summary()
    # then
    assert summary.changes == len(changes)
    assert summary.by_category == {category: sum(c.category is category for c in changes) for category in Category}
    assert summary.by_severity == {s: sum(c.severity is s for c in changes) for s in ChangeSeverity}
    assert summary.by_decision[Decision.ADOPT] == 1 and summary.by_decision[Decision.INVESTIGATE] == 1
    assert summary.open_decisions == len(changes) - 2
    missing = {c.standard_elements[0] for c in changes if c.category is Category.MISSING_STEP}
    assert summary.matched_steps == summary.standard_steps - len(missing)


def test_rows_name_the_steps_by_label_and_carry_the_decision() -> None:
    # given
    comparison = _fresh("A-V1")
    role = next(c for c in comparison.result().changes if c.category is Category.ROLE_CHANGE
                and c.standard_elements == ("A_T04",))
    comparison.decide(role.id, Decision.KEEP, justification="Teamet bedömer tillsammans.", owner="Anna",
                      due_date=date(2026, 9, 1), comment="Följs upp i höst.")
    standard, local = (read_bpmn(path) for path in pair_paths("A-V1"))
    # when
    rows_sv, rows_en = comparison.rows("sv"), comparison.rows("en")
    # then
    assert [r.change_id for r in rows_sv] == [c.id for c in comparison.ordered_changes()]
    row = next(r for r in rows_sv if r.change_id == role.id)
    assert row.standard_step == _name(standard, "A_T04") and row.local_step == _name(local, "UM_T04")
    assert (row.category_name, row.severity_name, row.decision_name) == (
        CATEGORY_NAMES[Category.ROLE_CHANGE]["sv"], "Måste ändras", "Behåll lokal avvikelse")
    assert row.explanation == role.summary["sv"]
    assert (row.justification, row.owner, row.due_date, row.comment) == (
        "Teamet bedömer tillsammans.", "Anna", date(2026, 9, 1), "Följs upp i höst.")
    assert not row.is_open and row.updated is not None
    row_en = next(r for r in rows_en if r.change_id == role.id)
    assert (row_en.explanation, row_en.decision_name) == (role.summary["en"], "Keep the local deviation")
    missing = next(r for r in rows_en if r.category is Category.MISSING_STEP)
    assert missing.local_step == "" and missing.is_open and missing.decision_name == "Open"
