"""Step matching: wording, compounds, abbreviations, groups, user decisions, invariances."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from process_mapper.core.diff.matching import Match, MatchResult, StepMatcher, match_documents
from process_mapper.core.diff.steps import ProcessGraph, build_graph
from process_mapper.core.xmlio import read_bpmn

from .models import chain, generated, model

MIWG = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "bpmn-miwg"
REFERENCES = sorted((MIWG / "reference").glob("*.bpmn"))
needs_miwg = pytest.mark.skipif(not REFERENCES, reason=f"MIWG corpus not found under {MIWG}")


def _labels(result: MatchResult, a: ProcessGraph, b: ProcessGraph) -> set[tuple[str, str]]:
    return {(a.steps[x].label, b.steps[y].label) for x, y in result.pairs() if a.steps[x].label}


def _match(doc_a, doc_b, **kwargs) -> tuple[MatchResult, ProcessGraph, ProcessGraph]:  # type: ignore[no-untyped-def]
    return match_documents(doc_a, doc_b, **kwargs), build_graph(doc_a), build_graph(doc_b)


def test_swedish_and_english_wording_match_through_the_thesaurus() -> None:
    # given
    swedish = chain(["Ta emot remiss", "Bedöma remiss", "Skicka remissvar"], "S")
    english = chain(["Receive referral", "Assess referral", "Send referral answer"], "E")
    # when
    result, a, b = _match(swedish, english)
    # then
    assert _labels(result, a, b) == {
        ("Ta emot remiss", "Receive referral"),
        ("Bedöma remiss", "Assess referral"),
        ("Skicka remissvar", "Send referral answer"),
    }


def test_compound_word_matches_its_parts() -> None:
    result, a, b = _match(
        chain(["Registrera remiss", "Skicka remissbekräftelse", "Boka tid"], "A"),
        chain(["Registrera remiss", "Bekräfta remiss", "Boka tid"], "B"),
    )
    assert ("Skicka remissbekräftelse", "Bekräfta remiss") in _labels(result, a, b)


def test_abbreviation_matches_what_it_stands_for() -> None:
    result, a, b = _match(
        chain(["Registrera remiss", "BEK", "Bedöma remiss"], "A"),
        chain(["Registrera remiss", "Remissbekräftelse", "Bedöma remiss"], "B"),
    )
    match = next(m for m in result.matches if a.steps[m.a_ids[0]].label == "BEK")
    assert b.steps[match.b_ids[0]].label == "Remissbekräftelse"
    assert "synonyms" in match.reason or "shares" in match.reason


def test_typo_still_matches() -> None:
    result, a, b = _match(chain(["Bedöma remiss", "Signera svar"], "A"), chain(["Bedömma remis", "Signera svar"], "B"))
    assert ("Bedöma remiss", "Bedömma remis") in _labels(result, a, b)


def test_role_synonyms_pick_the_step_in_the_matching_lane() -> None:
    # given: B registers the referral twice, by the doctor and by the secretary
    a = model(
        [("a1", "task", "Registrera remiss"), ("a2", "task", "Bedöma remiss")],
        [("a1", "a2")],
        {"Vårdadministratör": ["a1"], "Läkare": ["a2"]},
    )
    b = model(
        [("b1", "task", "Registrera remiss"), ("b2", "task", "Registrera remiss"), ("b3", "task", "Bedöma remiss")],
        [("b1", "b3"), ("b2", "b3")],
        {"Doktor": ["b1", "b3"], "Medicinsk sekreterare": ["b2"]},
    )
    # when
    result = match_documents(a, b)
    # then
    assert ("a1", "b2") in result.pairs()
    assert ("a1", "b1") not in result.pairs()


def test_split_step_gives_one_to_many_match() -> None:
    # given
    whole = chain(["Ta emot remiss", "Bedöma och prioritera remiss", "Boka tid"], "A")
    split = chain(["Ta emot remiss", "Bedöma remiss", "Prioritera remiss", "Boka tid"], "B")
    # when
    result, a, b = _match(whole, split)
    # then
    group = next(m for m in result.matches if a.steps[m.a_ids[0]].label == "Bedöma och prioritera remiss")
    assert group.cardinality == "1:n"
    assert {b.steps[x].label for x in group.b_ids} == {"Bedöma remiss", "Prioritera remiss"}
    assert "split" in group.reason


def test_merged_steps_give_many_to_one_match() -> None:
    result, a, b = _match(
        chain(["Ta emot remiss", "Bedöma remiss", "Prioritera remiss", "Boka tid"], "A"),
        chain(["Ta emot remiss", "Bedöma och prioritera remiss", "Boka tid"], "B"),
    )
    group = next(m for m in result.matches if len(m.a_ids) > 1)
    assert group.cardinality == "n:1"
    assert {a.steps[x].label for x in group.a_ids} == {"Bedöma remiss", "Prioritera remiss"}


def test_forced_and_forbidden_pairs_are_honoured() -> None:
    # given
    doc_a = chain(["Ta emot remiss", "Bedöma remiss", "Boka tid"], "A")
    doc_b = chain(["Ta emot remiss", "Bedöma remiss", "Boka tid"], "B")
    # when
    result = match_documents(doc_a, doc_b, forced=[("A0", "B2")], forbidden=[("A1", "B1")])
    # then
    forced = next(m for m in result.matches if m.forced)
    assert (forced.a_ids, forced.b_ids, forced.score, forced.reason) == (("A0",), ("B2",), 1.0, "forced by the user")
    assert ("A1", "B1") not in result.pairs()
    assert not any(a == "A0" and b != "B2" for a, b in result.pairs())
    assert not any(b == "B2" and a != "A0" for a, b in result.pairs())


def test_forcing_an_unknown_step_is_an_error() -> None:
    with pytest.raises(KeyError, match="nope"):
        match_documents(chain(["X"], "A"), chain(["X"], "B"), forced=[("nope", "B0")])


def test_colliding_default_ids_do_not_match_unrelated_steps() -> None:
    # given: two unrelated models that both use modeller default ids
    doc_a = model([("StartEvent_1", "startEvent", ""), ("Activity_1", "task", "Skicka faktura")],
                  [("StartEvent_1", "Activity_1")])
    doc_b = model([("StartEvent_1", "startEvent", ""), ("Activity_1", "task", "Boka operationssal")],
                  [("StartEvent_1", "Activity_1")])
    # when
    result = match_documents(doc_a, doc_b)
    # then
    assert ("Activity_1", "Activity_1") not in result.pairs()
    assert "Activity_1" in result.unmatched_a


def test_every_match_has_a_score_and_a_reason_and_json_rows() -> None:
    # given
    result = match_documents(
        chain(["Ta emot remiss", "Bedöma och prioritera remiss"], "A"),
        chain(["Ta emot remiss", "Bedöma remiss", "Prioritera remiss"], "B"),
    )
    # when
    rows = result.to_json()["matches"]
    # then
    assert all(0.0 < m.score <= 1.0 and m.reason for m in result.matches)
    assert len(rows) == len(result.pairs())
    assert {"a", "b", "score", "reason"} == set(rows[0])
    assert {(r["a"], r["b"]) for r in rows} == result.pairs()


def test_match_pairs_and_cardinality() -> None:
    match = Match(("a",), ("b1", "b2"), 0.8, "split into several steps")
    assert list(match.pairs()) == [("a", "b1"), ("a", "b2")]
    assert match.cardinality == "1:n"


def _renamed(graph: ProcessGraph, prefix: str) -> ProcessGraph:
    """The same graph with every step id prefixed, and in reverse document order."""

    def new(ident: str | None) -> str | None:
        return None if ident is None else prefix + ident

    def relation(mapping: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return {prefix + k: tuple(prefix + v for v in values) for k, values in mapping.items()}

    steps = {
        prefix + s.id: dataclasses.replace(
            s, id=prefix + s.id, container=new(s.container), attached_to=new(s.attached_to)
        )
        for s in reversed(list(graph))
    }
    return ProcessGraph(
        steps=steps,
        successors=relation(graph.successors),
        predecessors=relation(graph.predecessors),
        message_partners=relation(graph.message_partners),
        messages_in={prefix + k: v for k, v in graph.messages_in.items()},
        messages_out={prefix + k: v for k, v in graph.messages_out.items()},
        children=relation(graph.children),
    )


@needs_miwg
@pytest.mark.parametrize("reference", REFERENCES, ids=lambda p: p.stem)
def test_matching_a_model_with_itself_pairs_every_step_with_itself(reference: Path) -> None:
    graph = build_graph(read_bpmn(reference))
    pairs = StepMatcher(graph, graph).match().pairs()
    assert pairs == {(s.id, s.id) for s in graph}


@needs_miwg
@pytest.mark.parametrize("reference", REFERENCES, ids=lambda p: p.stem)
def test_renaming_every_id_changes_nothing(reference: Path) -> None:
    # given: the reference against a redrawn export, and against it with new ids
    export = MIWG / "vendors" / "bpmn.io (Camunda Modeler) 18.6.1" / f"{reference.stem}-export.bpmn"
    if not export.is_file():
        pytest.skip("no bpmn.io export of this case")
    graph, other = build_graph(read_bpmn(reference)), build_graph(read_bpmn(export))
    # when
    plain = StepMatcher(graph, other).match()
    renamed = StepMatcher(_renamed(graph, "x_"), _renamed(other, "y_")).match()
    # then
    assert {("x_" + a, "y_" + b) for a, b in plain.pairs()} == renamed.pairs()


@pytest.mark.parametrize("size", [100, 1000])
def test_rematch_after_forcing_a_pair_honours_it(size: int) -> None:
    """Re-matching reuses the prepared evidence; its speed is measured in benchmarks/bench_diff.py."""
    # given
    graph_a, graph_b = build_graph(generated(size, 7, "a")), build_graph(generated(size, 7, "b"))
    matcher = StepMatcher(graph_a, graph_b)
    first = matcher.match()
    named_a = [s.id for s in graph_a if s.label]
    named_b = [s.id for s in graph_b if s.label]
    # when
    again = matcher.match(forced=[(named_a[2], named_b[-3])])
    # then
    assert len(first.pairs()) == len(graph_a)  # the same process under other ids: all paired ...
    assert all(a[1:] == b[1:] for a, b in first.pairs())  # ... each with its twin
    assert (named_a[2], named_b[-3]) in again.pairs()


def test_a_decision_is_placed_by_the_step_it_follows() -> None:
    # given a standard with two decisions, one after the assessment and one before booking,
    # and a local process whose only decision sits between the assessment and booking
    standard = model(
        [("S", "startEvent", ""), ("A", "task", "Bedöma remiss"), ("G1", "exclusiveGateway", "Beslut om remiss"),
         ("R", "task", "Registrera beslut"), ("G2", "exclusiveGateway", "Kan tid erbjudas?"),
         ("B", "task", "Boka tid"), ("X", "task", "Avvisa remiss"), ("O", "task", "Erbjuda annan vårdgivare"),
         ("E", "endEvent", "")],
        [("S", "A"), ("A", "G1"), ("G1", "R"), ("G1", "X"), ("R", "G2"), ("G2", "B"), ("G2", "O"), ("B", "E")],
    )
    local = model(
        [("s", "startEvent", ""), ("a", "task", "Bedöma remiss"), ("h", "exclusiveGateway", "Anta?"),
         ("b", "task", "Boka tid"), ("y", "task", "Skicka tillbaka"), ("e", "endEvent", "")],
        [("s", "a"), ("a", "h"), ("h", "b"), ("h", "y"), ("b", "e")],
    )
    # when they are matched
    pairs = match_documents(standard, local).pairs()
    # then the local decision is the one that follows the assessment, not the one before booking
    assert ("G1", "h") in pairs and ("G2", "h") not in pairs


def test_of_two_equally_placed_steps_the_one_in_the_same_role_is_the_counterpart() -> None:
    # given a standard where the assessor rejects and the administrator then tells the sender,
    # and a local process with one step in their place, in the assessor's lane, worded unlike both
    standard = model(
        [("S", "startEvent", ""), ("A", "task", "Bedöma remiss"), ("G", "exclusiveGateway", "Anta remiss?"),
         ("X", "task", "Avvisa remiss"), ("N", "task", "Meddela remittent om avvisning"),
         ("E", "endEvent", "Remiss avslutad"), ("B", "task", "Boka tid"), ("F", "endEvent", "Tid bokad")],
        [("S", "A"), ("A", "G"), ("G", "X"), ("X", "N"), ("N", "E"), ("G", "B"), ("B", "F")],
        lanes={"Läkare": ["A", "G", "X"], "Vårdadministratör": ["S", "N", "E", "B", "F"]},
    )
    local = model(
        [("s", "startEvent", ""), ("a", "task", "Bedöma remiss"), ("g", "exclusiveGateway", "Anta remiss?"),
         ("r", "task", "Returnera till remittent"), ("e", "endEvent", "Remiss avslutad"),
         ("b", "task", "Boka tid"), ("f", "endEvent", "Tid bokad")],
        [("s", "a"), ("a", "g"), ("g", "r"), ("r", "e"), ("g", "b"), ("b", "f")],
        lanes={"Läkare": ["a", "g", "r"], "Vårdadministratör": ["s", "e", "b", "f"]},
    )
    # when they are matched
    result, _, _ = _match(standard, local)
    # then the returning step is the rejection (done by the same role), and the notice is left over
    assert ("X", "r") in result.pairs()
    assert "N" in result.unmatched_a

