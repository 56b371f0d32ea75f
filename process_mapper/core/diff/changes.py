"""Derive practice changes from a match between a STANDARD and a LOCAL process (core layer, no Qt).

:func:`diff_documents` answers the question a process owner asks: *where must our way of
working change to follow the regional standard?* It matches the steps of both models
(:mod:`.matching`), then derives :class:`~.practice.PracticeChange` records:

- unmatched practice steps: ``missing_step`` (in the standard only; must) and
  ``extra_step`` (local work the standard does not have; review);
- within matched steps (:mod:`.compare`): ``renamed_step``, ``role_change``,
  ``medium_change``, ``data_change``, ``deadline_change`` and ``decision_change``;
- messages to and from outside parties (:mod:`.messages`): ``message_change``, pairing a
  message that moved to another step or pool rather than reporting it missing and added;
- between matched steps: ``order_change``, judged on behaviour
  (:mod:`.behaviour`): which step can follow which, which are exclusive or concurrent,
  which are done in every case. Drawing positions play no part;
- a decision of the local model without a counterpart is folded into the change it
  causes (:mod:`.gateways`): a decision made in two steps, a step repeated or skipped;

A :class:`Differ` keeps everything that does not depend on the match (the step graphs,
the facts, the behavioural relations, the label similarities), so diffing again after the
user forced or forbade a pair only re-runs the assignment and the comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import BpmnDocument
from ..xmlio.reader import gc_paused
from .behaviour import BehaviourProfile, Relation
from .compare import MatchComparer, Side, Terms
from .facts import DocumentFacts, collect_facts
from .gateways import GatewayFolding
from .matching import ANCHOR_LABEL_FLOOR, Match, MatchResult, MatchSettings, Pair, StepMatcher
from .messages import MessageComparer
from .practice import Category, ChangeSeverity, PracticeChange
from .steps import ProcessGraph, Step, StepKind, build_graph, is_placeholder
from .thesaurus import Thesaurus
from .wording import Sentence, name_step, relation_phrase, say

__all__ = ["DiffResult", "Differ", "diff_documents"]

MUST, REVIEW, INFO = ChangeSeverity.MUST, ChangeSeverity.REVIEW, ChangeSeverity.INFO
#: The local model counts as derived from the standard (edited from a copy of its file)
#: when at least this share of the smaller model's steps, and at least two, keep a
#: distinctive id of the other model.
DERIVED_SHARE = 0.2
#: Ids that modelling tools hand out by default (``StartEvent_1``, ``Task_2``, ``_12``):
#: two unrelated models share them by accident, so they say nothing about derivation.
GENERIC_ID = re.compile(r"[A-Za-z]*_?\d{1,4}")
SHARED_ID_REASON = "same id (the local model keeps the standard's ids)"
PLACE_REASON = "same place: same type at the partners of its host or neighbours, or holding the same steps"


@dataclass(frozen=True)
class DiffResult:
    """The match between two models and the practice changes it implies.

    Attributes
    ----------
    matches : MatchResult
        Which standard step (a) corresponds to which local step (b).
    changes : tuple of PracticeChange
        Sorted by severity (must, review, info), then by the standard's document order.
    """

    matches: MatchResult
    changes: tuple[PracticeChange, ...]

    def to_json(self) -> dict[str, Any]:
        """Plain data in the form documented in ``docs/diff-json.md``."""
        rows = [
            {"standard": a, "local": b, "score": round(match.score, 4), "reason": match.reason}
            for match in self.matches.matches
            for a, b in match.pairs()
        ]
        return {"matches": rows, "changes": [change.to_json() for change in self.changes]}


class Differ:
    """Diffs one standard against one local model, as often as the user adjusts the match.

    Parameters
    ----------
    standard, local : BpmnDocument
        The regional standard process (side a) and the unit's local process (side b).
    thesaurus : Thesaurus or None
        Synonyms and abbreviations; None reads the shipped thesaurus.
    settings : MatchSettings or None
        Matcher thresholds and weights; None for the defaults.
    """

    def __init__(
        self,
        standard: BpmnDocument,
        local: BpmnDocument,
        *,
        thesaurus: Thesaurus | None = None,
        settings: MatchSettings | None = None,
    ) -> None:
        with gc_paused():  # tens of thousands of short-lived objects: collections meanwhile would find next to nothing
            graph_a, graph_b = build_graph(standard), build_graph(local)
            self.matcher = StepMatcher(graph_a, graph_b, thesaurus, settings)
            languages = self.matcher.labels.languages
            facts_a, facts_b = collect_facts(standard, graph_a), collect_facts(local, graph_b)
            self.standard = Side(graph_a, facts_a, languages[0])
            self.local = Side(graph_b, facts_b, languages[1])
            self.terms = Terms(self.matcher.labels.analyser, languages[0])
            self.comparer = MatchComparer(self.standard, self.local, self.terms)
            self.messages = MessageComparer(self.standard, self.local, self.terms)
            self.profiles = (BehaviourProfile(facts_a, _ordered(facts_a)), BehaviourProfile(facts_b, _ordered(facts_b)))

    def diff(self, forced: Iterable[Pair] = (), forbidden: Iterable[Pair] = ()) -> DiffResult:
        """Match the steps (honouring the user's decisions) and derive the practice changes.

        Parameters
        ----------
        forced, forbidden : iterable of (str, str)
            (standard id, local id) pairs that must, or must not, be matched.

        Raises
        ------
        KeyError
            When a forced or forbidden pair names a step that does not exist.
        """
        with gc_paused():
            forbidden = set(forbidden)
            result = self._with_shared_ids(self.matcher.match(forced, forbidden), forbidden)
            result = self._with_same_place(result, forbidden)
            partners: dict[str, set[str]] = {}
            for a, b in result.pairs():
                partners.setdefault(a, set()).add(b)
            frozen = {a: frozenset(bs) for a, bs in partners.items()}
            settled = self.comparer.settled_timers(result.pairs())
            changes = [*self._unmatched(result, settled), *self.messages.changes(result), *self._order_changes(result)]
            for match in result.matches:
                changes += self.comparer.compare(match, frozen, settled)
            mandatory = (self.profiles[0].mandatory, self.profiles[1].mandatory)
            folding = GatewayFolding(self.standard, self.local, result, mandatory, self.comparer, forbidden)
            changes = folding.fold(changes)
            return DiffResult(result, self._sorted(changes))

    def _with_shared_ids(self, result: MatchResult, forbidden: set[Pair]) -> MatchResult:
        """Pair the steps left unmatched that keep their id, when LOCAL was derived from STANDARD.

        A unit that edits a copy of the standard file keeps the ids of the steps it kept,
        however it rewords them. When most steps of the smaller model share an id with
        the other model (:data:`DERIVED_SHARE`), an unmatched step and the unmatched step
        of the same kind with the same id on the other side are the same step. Models
        drawn independently share few ids (``StartEvent_1``), so this never applies there.
        """
        graph_a, graph_b = self.standard.graph, self.local.graph
        shared = graph_a.steps.keys() & graph_b.steps.keys()
        if len(shared) < DERIVED_SHARE * min(len(graph_a), len(graph_b)):
            return result
        open_b = set(result.unmatched_b)
        extra = [
            Match((step_id,), (step_id,), float(self.matcher.base[self.matcher.index_a[step_id],
                                                                  self.matcher.index_b[step_id]]), SHARED_ID_REASON)
            for step_id in result.unmatched_a
            if step_id in open_b and (step_id, step_id) not in forbidden
            and graph_a.steps[step_id].kind is graph_b.steps[step_id].kind
        ]
        if not extra:
            return result
        paired = {m.a_ids[0] for m in extra}
        order = self.standard.graph.position
        return MatchResult(
            tuple(sorted((*result.matches, *extra), key=lambda m: min(order[a] for a in m.a_ids))),
            tuple(a for a in result.unmatched_a if a not in paired),
            tuple(b for b in result.unmatched_b if b not in paired),
        )

    def _with_same_place(self, result: MatchResult, forbidden: set[Pair]) -> MatchResult:
        """Pair the events, gateways and sub-processes left unmatched that sit at the same place in both flows.

        An event or a gateway is known by where it sits and what type and trigger it has more
        than by its name, which tools often leave out or fill with the shape's type ("Error
        Boundary Event_149"). An unmatched event (gateway) and an unmatched event (gateway)
        of the same type and trigger on the other side are the same when the partners of
        the steps before and after the one (its host, for a boundary event) are before and
        after the other, each is the other's best such candidate (most steps agreeing, no
        tie), and their names do not contradict it: one is unnamed or a placeholder
        (:func:`~.steps.is_placeholder`), or the labels are alike. Likewise an unmatched
        sub-process holding the partners of the steps another unmatched sub-process holds.
        Repeated until nothing changes, so one pair found places the next.
        """
        graph_a, graph_b = self.standard.graph, self.local.graph
        matches = list(result.matches)
        open_a, open_b = list(result.unmatched_a), list(result.unmatched_b)
        while open_a and open_b:
            partners: dict[str, set[str]] = {}
            for match in matches:
                for a, b in match.pairs():
                    partners.setdefault(a, set()).add(b)
            places_b = {b: self._place(graph_b, graph_b.steps[b]) for b in open_b}
            agreement: dict[Pair, int] = {}
            for a in open_a:
                step_a = graph_a.steps[a]
                around = [{b for s in steps for b in partners.get(s, ())} for steps in self._place(graph_a, step_a)]
                if not any(around):
                    continue
                for b in open_b:
                    shared = sum(len(mine & set(theirs)) for mine, theirs in zip(around, places_b[b], strict=True))
                    if shared and (a, b) not in forbidden and self._same_kind(step_a, graph_b.steps[b]):
                        agreement[(a, b)] = shared
            top_a: dict[str, int] = {}
            top_b: dict[str, int] = {}
            for (a, b), shared in agreement.items():
                top_a[a] = max(top_a.get(a, 0), shared)
                top_b[b] = max(top_b.get(b, 0), shared)
            best_a: dict[str, list[str]] = {}
            best_b: dict[str, list[str]] = {}
            for (a, b), shared in agreement.items():
                if shared == top_a[a]:
                    best_a.setdefault(a, []).append(b)
                if shared == top_b[b]:
                    best_b.setdefault(b, []).append(a)
            extra = [
                Match((a,), (found[0],), float(self.matcher.base[self.matcher.index_a[a],
                                                                 self.matcher.index_b[found[0]]]), PLACE_REASON)
                for a, found in best_a.items() if len(found) == 1 and best_b.get(found[0]) == [a]
            ]
            if not extra:
                break
            matches += extra
            open_a = [a for a in open_a if a not in {m.a_ids[0] for m in extra}]
            open_b = [b for b in open_b if b not in {m.b_ids[0] for m in extra}]
        if len(matches) == len(result.matches):
            return result
        order = self.standard.graph.position
        return MatchResult(tuple(sorted(matches, key=lambda m: min(order[a] for a in m.a_ids))),
                           tuple(open_a), tuple(open_b))

    @staticmethod
    def _place(graph: ProcessGraph, step: Step) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The steps that fix where a step is, before and after it: an event's host or an event's
        or gateway's neighbours (directly and through connectors); a sub-process's content."""
        if step.kind is StepKind.SUBPROCESS:
            return graph.children.get(step.id, ()), ()
        if step.kind in (StepKind.EVENT, StepKind.GATEWAY):
            return ((*graph.predecessors.get(step.id, ()), *graph.previous_steps(step.id)),
                    (*graph.successors.get(step.id, ()), *graph.next_steps(step.id)))
        return (), ()

    def _same_kind(self, step_a: Step, step_b: Step) -> bool:
        """Whether two steps may be one step at one place: same kind (an event or a gateway of the
        same type and trigger), and names that do not say otherwise."""
        if step_a.kind is not step_b.kind or step_a.kind not in (StepKind.EVENT, StepKind.GATEWAY, StepKind.SUBPROCESS):
            return False
        if step_a.kind is not StepKind.SUBPROCESS and (
                step_a.bpmn_type != step_b.bpmn_type or set(step_a.event_definitions) != set(step_b.event_definitions)):
            return False
        named = [s.label for s in (step_a, step_b) if s.label and not is_placeholder(s.label)]
        if len(named) < 2:
            return True
        matcher = self.matcher
        label = matcher.labels.matrix[matcher.index_a[step_a.id], matcher.index_b[step_b.id]]
        return float(label) >= ANCHOR_LABEL_FLOOR

    # --- steps without a counterpart --------------------------------------------------------------

    def _unmatched(self, result: MatchResult, settled: tuple[frozenset[str], frozenset[str]]) -> list[PracticeChange]:
        changes = []
        for side, ids, category, severity in (
            (self.standard, result.unmatched_a, Category.MISSING_STEP, MUST),
            (self.local, result.unmatched_b, Category.EXTRA_STEP, REVIEW),
        ):
            prefix = "missing" if category is Category.MISSING_STEP else "extra"
            for step_id in ids:
                if step_id not in side.facts.practice_steps:
                    continue
                step = side.graph.steps[step_id]
                kind = {StepKind.GATEWAY: "_decision", StepKind.EVENT: "_event"}.get(step.kind, "_step")
                if step.bpmn_type == "endEvent":
                    kind = "_outcome"
                summary = say(prefix + kind, step=name_step(step))
                standard_elements, local_elements = ((step_id,), ()) if side is self.standard else ((), (step_id,))
                changes.append(PracticeChange.create(category, severity, standard_elements, local_elements, summary))
                changes += self._unmatched_deadlines(side, step_id, settled[0 if side is self.standard else 1])
        return changes

    def _unmatched_deadlines(self, side: Side, step_id: str, settled: frozenset[str]) -> list[PracticeChange]:
        """The timers of a step without a counterpart: time limits lost (or added) with it.

        A timer matched with one of the same length (``settled``) is no loss: the limit is kept.
        """
        deadlines = [d for d in side.facts.steps[step_id].deadlines if d.source and d.source not in settled]
        timers = tuple(d.source for d in deadlines if d.source)
        if not timers:
            return []
        step = name_step(side.graph.steps[step_id])
        limits = self.comparer.limits(deadlines)
        if side is self.standard:
            summary = say("deadline_missing", step=step, standard=limits)
            return [PracticeChange.create(Category.DEADLINE_CHANGE, MUST, timers, (), summary)]
        summary = say("deadline_added", step=step, local=limits)
        return [PracticeChange.create(Category.DEADLINE_CHANGE, REVIEW, (), timers, summary)]

    # --- behaviour ---------------------------------------------------------------------------------

    def _order_changes(self, result: MatchResult) -> list[PracticeChange]:
        """Order changes: the steps whose relations to other matched steps differ, worst first.

        Every pair of matched steps whose relation differs between the models is a
        disagreement; two steps on a loop in both models are compared by their order
        within one round of it (:func:`_within_rounds`). The step in most disagreements is reported (with the steps it
        disagrees with), its pairs are settled, and so on until none is left; so a step
        that moved is reported once, not once for every step it passed. A step that is
        done in every case on one side and only in some cases on the other is reported
        too.
        """
        profile_a, profile_b = self.profiles
        rows = [(a, b) for match in result.matches for a, b in match.pairs()
                if a in profile_a.position and b in profile_b.position]
        if not rows:
            return []
        ids_a, ids_b = [a for a, _ in rows], [b for _, b in rows]
        relations_a, relations_b = profile_a.relations(ids_a), profile_b.relations(ids_b)
        codes_a = np.array([profile_a.position[a] for a in ids_a])
        codes_b = np.array([profile_b.position[b] for b in ids_b])
        distinct = (codes_a[:, None] != codes_a[None, :]) & (codes_b[:, None] != codes_b[None, :])
        relations_a, relations_b = _within_rounds(relations_a, relations_b, distinct, profile_a.round_relations,
                                                  profile_b.round_relations, ids_a, ids_b)
        disagree = (relations_a != relations_b) & distinct
        optional = np.array([(a in profile_a.mandatory) != (b in profile_b.mandatory) for a, b in rows])
        reversal = ((relations_a == Relation.BEFORE) & (relations_b == Relation.AFTER)) | (
            (relations_a == Relation.AFTER) & (relations_b == Relation.BEFORE))
        counts = disagree.sum(axis=1)
        changes = []
        reported: set[int] = set()
        while counts.size and counts.max() > 0:
            row = int(np.argmax(counts))
            others = [int(k) for k in np.flatnonzero(disagree[row])]
            reversed_pairs = [k for k in others if reversal[row, k]]
            changes.append(self._relation_change(rows, row, others, reversed_pairs, (relations_a, relations_b),
                                                 bool(optional[row])))
            reported.add(row)
            counts[others] -= 1
            counts[row] = 0
            disagree[row, :] = False
            disagree[:, row] = False
        done = {rows[r][0] for r in reported if optional[r]}
        for position in np.flatnonzero(optional):
            if rows[position][0] not in done:
                done.add(rows[position][0])
                changes.append(self._mandatory_change(rows[position]))
        return changes

    def _relation_change(
        self,
        rows: list[tuple[str, str]],
        row: int,
        others: list[int],
        reversed_pairs: list[int],
        relations: tuple[np.ndarray, np.ndarray],
        optional_differs: bool,
    ) -> PracticeChange:
        relations_a, relations_b = relations
        elements_a = tuple(dict.fromkeys(rows[k][0] for k in (row, *others)))
        elements_b = tuple(dict.fromkeys(rows[k][1] for k in (row, *others)))
        if optional_differs:
            return self._mandatory_change(rows[row], (elements_a, elements_b), bool(reversed_pairs))
        shown = min(reversed_pairs or others, key=lambda k: self.standard.graph.position[rows[k][0]])
        other_a = self.standard.graph.steps[rows[shown][0]]
        more: Sentence = {"sv": "", "en": ""}
        if len(others) > 1:
            more = say("more_steps", n=len(others) - 1)
        summary = say(
            "order_change",
            step=name_step(self.standard.graph.steps[rows[row][0]]),
            local=relation_phrase(Relation(int(relations_b[row, shown])), name_step(other_a)),
            standard=relation_phrase(Relation(int(relations_a[row, shown])), name_step(other_a)),
            more=more,
        )
        severity = MUST if reversed_pairs else REVIEW
        return PracticeChange.create(Category.ORDER_CHANGE, severity, elements_a, elements_b, summary)

    def _mandatory_change(
        self, row: tuple[str, str], elements: tuple[tuple[str, ...], tuple[str, ...]] | None = None, must: bool = False
    ) -> PracticeChange:
        a, b = row
        becomes_optional = a in self.profiles[0].mandatory
        step = name_step(self.standard.graph.steps[a])
        summary = say("becomes_optional" if becomes_optional else "becomes_mandatory", step=step)
        severity = MUST if becomes_optional or must else REVIEW
        elements_a, elements_b = elements or ((a,), (b,))
        return PracticeChange.create(Category.ORDER_CHANGE, severity, elements_a, elements_b, summary)

    # --- output -----------------------------------------------------------------------------------

    def _sorted(self, changes: list[PracticeChange]) -> tuple[PracticeChange, ...]:
        order_a, order_b = self.standard.graph.position, self.local.graph.position
        last = len(order_a) + len(order_b)

        def position(change: PracticeChange) -> int:
            if change.standard_elements and change.standard_elements[0] in order_a:
                return order_a[change.standard_elements[0]]
            if change.local_elements and change.local_elements[0] in order_b:
                return len(order_a) + order_b[change.local_elements[0]]
            return last

        categories = list(Category)
        ordered = sorted(changes, key=lambda c: (c.severity.rank, position(c), categories.index(c.category), c.id))
        seen: dict[str, int] = {}
        unique = []
        for change in ordered:
            count = seen.get(change.id, 0) + 1
            seen[change.id] = count
            if count > 1:
                change = PracticeChange(f"{change.id}-{count}", change.category, change.severity,
                                        change.standard_elements, change.local_elements, change.summary)
            unique.append(change)
        return tuple(unique)


def _within_rounds(
    relations_a: np.ndarray,
    relations_b: np.ndarray,
    distinct: np.ndarray,
    rounds_a: Callable[[Sequence[str]], np.ndarray],
    rounds_b: Callable[[Sequence[str]], np.ndarray],
    ids_a: Sequence[str],
    ids_b: Sequence[str],
) -> tuple[np.ndarray, np.ndarray]:
    """The relations, with the order within one round of a loop where both models loop and that order turned.

    Two steps on a common loop in both models are ``LOOP`` on both sides, whatever their
    order in the loop. Where one model does them in the order the other reverses within
    one round (:meth:`~.behaviour.BehaviourProfile.round_relations`), that order replaces
    ``LOOP`` on both sides, so the swap is a disagreement (and a reversal) like any other.
    """
    looping = (relations_a == Relation.LOOP) & (relations_b == Relation.LOOP) & distinct
    if not looping.any():
        return relations_a, relations_b
    order_a, order_b = rounds_a(ids_a), rounds_b(ids_b)
    turned = looping & (((order_a == Relation.BEFORE) & (order_b == Relation.AFTER))
                        | ((order_a == Relation.AFTER) & (order_b == Relation.BEFORE)))
    return np.where(turned, order_a, relations_a), np.where(turned, order_b, relations_b)


def _ordered(facts: DocumentFacts) -> list[str]:
    """The steps whose order matters: practice steps other than gateways and ends, in document order."""
    return [s.id for s in facts.graph
            if s.id in facts.practice_steps and s.kind is not StepKind.GATEWAY and s.bpmn_type != "endEvent"]


def diff_documents(
    standard: BpmnDocument,
    local: BpmnDocument,
    *,
    thesaurus: Thesaurus | None = None,
    forced: Iterable[Pair] = (),
    forbidden: Iterable[Pair] = (),
) -> DiffResult:
    """Compare a unit's LOCAL process with the regional STANDARD process.

    Parameters
    ----------
    standard : BpmnDocument
        The regional standard (side a of the match).
    local : BpmnDocument
        The unit's process (side b).
    thesaurus : Thesaurus or None
        Synonyms and abbreviations; None reads the shipped thesaurus.
    forced, forbidden : iterable of (str, str)
        (standard id, local id) pairs the user matched or separated by hand.

    Returns
    -------
    DiffResult
        The matches and the practice changes, ready for :meth:`DiffResult.to_json`.

    Raises
    ------
    KeyError
        When a forced or forbidden pair names a step that does not exist.
    """
    return Differ(standard, local, thesaurus=thesaurus).diff(forced, forbidden)
