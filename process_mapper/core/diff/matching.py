"""Match the steps of two independently drawn models (core layer, no Qt).

:func:`match_documents` pairs the flow nodes of two models by meaning, not by id. The
:class:`StepMatcher` behind it works in four stages:

1. **Label evidence** (:class:`~.similarity.LabelSimilarity`): how alike two labels are,
   in Swedish or English, with synonyms, abbreviations, compounds and typos. Two
   unnamed nodes of the same BPMN type get a neutral :attr:`MatchSettings.unnamed_base`.
   The element kind gates it (a gateway never pairs with a task; an event may pair with
   a task, as "Accepted" with "Receive acceptance", at a discount), the role (lanes and
   pool) nudges it, and equal ids add a bonus only where the labels already agree:
   default ids such as ``StartEvent_1`` collide by accident between unrelated models.
2. **Context** by similarity propagation: a pair whose predecessors, successors and
   message partners also pair well gains, one whose surroundings differ loses. Three
   rounds carry evidence a few steps along the flow.
3. **Assignment**: the best one-to-one pairing (Hungarian method on each connected group
   of candidates), keeping pairs that score at least :attr:`MatchSettings.threshold`.
4. **Groups**: a step left over joins a match as a 1:n (or n:1) correspondence when it
   is a twin of the matched step (same label twice in one model), or when the two
   neighbouring steps together cover the other side's label better than one alone
   (one step split in two, or two merged into one).

Forced pairs and forbidden pairs are always honoured. Label evidence is computed once per
pair of models; :meth:`StepMatcher.match` re-runs stages 2-4 only, so re-matching after the
user forces a pair is fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import BpmnDocument
from .grouping import Group, assign, join_leftovers, twin_classes
from .propagation import Propagation
from .similarity import LabelSimilarity
from .steps import ACTIVITY_KINDS, ProcessGraph, Step, StepKind, build_graph
from .text import Language, normalise
from .thesaurus import Thesaurus, default_thesaurus

__all__ = ["Match", "MatchResult", "MatchSettings", "StepMatcher", "match_documents"]

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Match:
    """A correspondence between steps of model A and steps of model B.

    One side always holds exactly one step: ``a_ids=("a1",), b_ids=("b1", "b2")`` says
    that step a1 was split into b1 and b2 (1:n); the reverse shape says two steps were
    merged (n:1).

    Attributes
    ----------
    a_ids, b_ids : tuple of str
        The step ids on each side.
    score : float
        Confidence in [0, 1] (1.0 for forced matches).
    reason : str
        A short explanation for people, such as ``"same label; neighbours agree"``.
    forced : bool
        True when the user imposed the match.
    """

    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    score: float
    reason: str
    forced: bool = False

    @property
    def cardinality(self) -> str:
        """``"1:1"``, ``"1:n"`` or ``"n:1"``."""
        if len(self.b_ids) > 1:
            return "1:n"
        return "n:1" if len(self.a_ids) > 1 else "1:1"

    def pairs(self) -> Iterator[Pair]:
        """Every (a id, b id) pair the match stands for."""
        return ((a, b) for a in self.a_ids for b in self.b_ids)


@dataclass(frozen=True)
class MatchResult:
    """The outcome of matching model A against model B.

    Attributes
    ----------
    matches : tuple of Match
        In the order of model A's steps.
    unmatched_a, unmatched_b : tuple of str
        Ids of the steps on each side that are in no match.
    """

    matches: tuple[Match, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]

    def pairs(self) -> set[Pair]:
        """All matched (a id, b id) pairs; a 1:n match gives n pairs."""
        return {pair for match in self.matches for pair in match.pairs()}

    def to_json(self) -> dict[str, Any]:
        """Plain data: ``{"matches": [{"a", "b", "score", "reason"}, ...]}``, one row per pair."""
        rows = [
            {"a": a, "b": b, "score": round(match.score, 4), "reason": match.reason}
            for match in self.matches
            for a, b in match.pairs()
        ]
        return {"matches": rows}


#: Least label similarity of an unmatched pair placed by one matched neighbour (see
#: :meth:`StepMatcher._anchor_leftovers`); anchors on both sides halve it.
ANCHOR_LABEL_FLOOR = 0.35


@dataclass(frozen=True)
class MatchSettings:
    """The knobs of the matcher; the defaults are meant for every pair of models.

    Attributes
    ----------
    threshold : float
        Lowest score of an accepted pair.
    label_weight : float
        Share of the label evidence in a score; the rest is context.
    role_weight : float
        How much a differing role (lane/pool) lowers the label evidence.
    event_task_factor, activity_factor : float
        Discount when an event pairs with an activity, or two kinds of activity pair.
    unnamed_base : float
        Label evidence of two unnamed steps of the same type.
    unnamed_label_weight : float
        Replaces ``label_weight`` for two unnamed steps, whose pairing rests mostly on
        context.
    id_bonus : float
        Added when both ids are equal and the labels agree.
    iterations : int
        Rounds of similarity propagation.
    group_threshold : float
        Lowest score of a step joining an existing match (twins, splits and merges).
    """

    threshold: float = 0.6
    label_weight: float = 0.9
    role_weight: float = 0.3
    event_task_factor: float = 0.8
    activity_factor: float = 0.9
    unnamed_base: float = 0.5
    unnamed_label_weight: float = 0.3
    id_bonus: float = 0.2
    iterations: int = 3
    group_threshold: float = 0.6


class StepMatcher:
    """Matches two process graphs; build once, call :meth:`match` as often as needed.

    Parameters
    ----------
    graph_a, graph_b : ProcessGraph
        The models to compare.
    thesaurus : Thesaurus or None
        Synonyms and abbreviations; None reads :func:`~.thesaurus.default_thesaurus`.
    settings : MatchSettings, optional
        Thresholds and weights.
    """

    def __init__(
        self,
        graph_a: ProcessGraph,
        graph_b: ProcessGraph,
        thesaurus: Thesaurus | None = None,
        settings: MatchSettings | None = None,
    ) -> None:
        self.settings = settings or MatchSettings()
        self.graph_a, self.graph_b = graph_a, graph_b
        self.steps_a: list[Step] = list(graph_a)
        self.steps_b: list[Step] = list(graph_b)
        self.index_a = {s.id: i for i, s in enumerate(self.steps_a)}
        self.index_b = {s.id: i for i, s in enumerate(self.steps_b)}
        self.labels = LabelSimilarity(graph_a, graph_b, thesaurus or default_thesaurus())
        self.propagation = Propagation(graph_a, graph_b)
        self.base = self._base_evidence()
        self._twins_a = twin_classes([_twin_key(s) for s in self.steps_a])
        self._twins_b = twin_classes([_twin_key(s) for s in self.steps_b])

    # --- stage 1: evidence that does not depend on other pairs ----------------------------

    def _base_evidence(self) -> np.ndarray:
        settings = self.settings
        # Two unnamed steps: the neutral label evidence if of the same type, and a lower label weight.
        unnamed_a = np.flatnonzero([not s.label for s in self.steps_a])
        unnamed_b = np.flatnonzero([not s.label for s in self.steps_b])
        unnamed = np.ix_(unnamed_a, unnamed_b)
        same_type = _same_code(
            [(self.steps_a[i].bpmn_type, self.steps_a[i].event_definitions) for i in unnamed_a],
            [(self.steps_b[j].bpmn_type, self.steps_b[j].event_definitions) for j in unnamed_b],
        )
        evidence = self.labels.matrix.copy()
        evidence[unnamed] = np.where(same_type, settings.unnamed_base, evidence[unnamed])
        self._label_weight = np.full(evidence.shape, settings.label_weight)
        self._label_weight[unnamed] = settings.unnamed_label_weight
        evidence *= self._kind_factors()
        self._roles = self._role_similarity()
        role_factor = self._roles.copy()  # becomes 1 - role_weight * (1 - role similarity)
        np.subtract(1.0, role_factor, out=role_factor)
        role_factor *= settings.role_weight
        np.subtract(1.0, role_factor, out=role_factor)
        evidence *= role_factor
        # Equal ids add a bonus where the labels agree (or both steps are unnamed of one type).
        unnamed_position_a = {int(i): k for k, i in enumerate(unnamed_a)}
        unnamed_position_b = {int(j): k for k, j in enumerate(unnamed_b)}
        for step_id in self.index_a.keys() & self.index_b.keys():
            i, j = self.index_a[step_id], self.index_b[step_id]
            both_unnamed = i in unnamed_position_a and j in unnamed_position_b and bool(
                same_type[unnamed_position_a[i], unnamed_position_b[j]])
            if self.labels.matrix[i, j] >= settings.threshold or both_unnamed:
                evidence[i, j] += settings.id_bonus
        return np.minimum(1.0, evidence, out=evidence)

    def _kind_factors(self) -> np.ndarray:
        """How far the element kinds allow each pair (0 for a gateway with a non-gateway)."""
        kinds = list(StepKind)
        table = np.empty((len(kinds), len(kinds)))
        for x, a in enumerate(kinds):
            for y, b in enumerate(kinds):
                if a is b:
                    table[x, y] = 1.0
                elif StepKind.GATEWAY in (a, b):
                    table[x, y] = 0.0
                elif a in ACTIVITY_KINDS and b in ACTIVITY_KINDS:
                    table[x, y] = self.settings.activity_factor
                else:
                    table[x, y] = self.settings.event_task_factor
        codes_a = np.array([kinds.index(s.kind) for s in self.steps_a], dtype=int)
        codes_b = np.array([kinds.index(s.kind) for s in self.steps_b], dtype=int)
        return table[np.ix_(codes_a, codes_b)]

    def _role_similarity(self) -> np.ndarray:
        """Overlap of the words naming each step's lanes and pool (1 where either has none)."""
        analyser, languages = self.labels.analyser, self.labels.languages

        def role_terms(steps: list[Step], language: Language) -> tuple[list[frozenset[str]], np.ndarray]:
            roles: dict[tuple[str, ...], int] = {}
            codes = np.array([roles.setdefault((*s.lanes, s.pool), len(roles)) for s in steps], dtype=int)
            terms = [frozenset(analyser.analyse(" ".join(role), language).terms) for role in roles]
            return terms, codes

        terms_a, codes_a = role_terms(self.steps_a, languages[0])
        terms_b, codes_b = role_terms(self.steps_b, languages[1])
        table = np.ones((len(terms_a), len(terms_b)))
        for x, ra in enumerate(terms_a):
            for y, rb in enumerate(terms_b):
                if ra and rb:
                    table[x, y] = len(ra & rb) / min(len(ra), len(rb))
        if codes_a.size and codes_b.size:
            return table[np.ix_(codes_a, codes_b)]
        return np.ones((len(codes_a), len(codes_b)))

    # --- stage 2: context ------------------------------------------------------------------

    def scores(self, forced: Iterable[Pair] = (), forbidden: Iterable[Pair] = ()) -> np.ndarray:
        """The combined score of every pair after propagation, with user decisions applied."""
        base = self.base.copy()
        for i, j in self._positions(forbidden):
            base[i, j] = 0.0
        forced_cells = self._positions(forced)
        for i, j in forced_cells:
            base[i, :] = 0.0
            base[:, j] = 0.0
        for i, j in forced_cells:
            base[i, j] = 1.0
        return self.propagation.run(base, self._label_weight, self.settings.iterations, forced_cells)

    def _positions(self, pairs: Iterable[Pair]) -> list[tuple[int, int]]:
        found = []
        for a, b in pairs:
            if a not in self.index_a or b not in self.index_b:
                raise KeyError(f"no step {a!r} in model A or no step {b!r} in model B")
            found.append((self.index_a[a], self.index_b[b]))
        return found

    # --- stage 3 and 4: assignment and groups ----------------------------------------------

    def match(self, forced: Iterable[Pair] = (), forbidden: Iterable[Pair] = ()) -> MatchResult:
        """Pair the steps, honouring ``forced`` and ``forbidden`` (a id, b id) pairs.

        Raises
        ------
        KeyError
            When a forced or forbidden pair names a step that does not exist.
        """
        forced, forbidden = list(forced), set(forbidden)
        scores = self.scores(forced, forbidden)
        forced_cells = self._positions(forced)
        forced_rows = {i for i, _ in forced_cells}
        forced_cols = {j for _, j in forced_cells}
        open_scores = scores.copy()
        open_scores[list(forced_rows), :] = 0.0
        open_scores[:, list(forced_cols)] = 0.0
        settings = self.settings
        groups = assign(open_scores, self._twins_a, self._twins_b, settings.threshold, settings.group_threshold)
        join_leftovers(open_scores, groups, settings.group_threshold, self._belongs_with, (forced_rows, forced_cols))
        self._anchor_leftovers(groups, _forced_groups(forced_cells), set(self._positions(forbidden)))
        return self._result(scores, _forced_groups(forced_cells) + groups, forced_cells)

    def _anchor_leftovers(self, groups: list[Group], forced: list[Group], forbidden: set[tuple[int, int]]) -> None:
        """Pair unmatched steps that sit where their matched neighbours say they should, in place.

        A step whose label shares too little with anything to pass the threshold may still
        be the same step as an unmatched step of the other model: same kind, and the
        partner of a matched step before (or after) it is also before (or after) the other
        step, directly or behind one unmatched step on one of the two sides (an inserted
        timer, say). Such a pair is taken when each step is the other's only candidate and
        the labels do not contradict it: activities and events need some label evidence
        (:data:`ANCHOR_LABEL_FLOOR` with one anchor, less as the anchors on the other side
        grow, half of it with anchors on both sides); gateways, whose labels are
        questions, need a direct anchor, and with anchors on one side only the same
        gateway type. A decision is placed above all by the step it follows (its outcome
        depends on that step's result), so among several gateway candidates the one with
        the strongest placement, anchors before counting double, is taken when no other
        is as strong. Among several equally placed activity or event candidates, the one
        done by the closest role (lane) is taken when no other is as close, and it has no
        other candidate as close either: who does a step tells which of two neighbouring
        steps it is (the assessor rejects a referral, the administrator tells the sender).
        Steps whose id also exists in the other model are left to id matching. Repeated
        until nothing changes, so one pair found places the next.
        """
        graph_a, graph_b = self.graph_a, self.graph_b
        labels = self.labels.matrix
        shared_ids = set(graph_a.steps) & set(graph_b.steps)
        for _ in range(len(self.steps_a) + 1):
            partner_a: dict[int, set[int]] = {}
            partner_b: dict[int, set[int]] = {}
            for rows, cols in (*forced, *groups):
                for i in rows:
                    partner_a.setdefault(i, set()).update(cols)
                for j in cols:
                    partner_b.setdefault(j, set()).update(rows)
            near_b: dict[int, tuple[dict[int, float], dict[int, float]]] = {}
            candidates: dict[int, dict[int, float]] = {}
            for i, step in enumerate(self.steps_a):
                if i in partner_a or step.id in shared_ids:
                    continue
                before = self._near(graph_a, self.index_a, step.id, partner_a, "previous")
                after = self._near(graph_a, self.index_a, step.id, partner_a, "next")
                if not before and not after:
                    continue
                around = {j for k in before for j in partner_a[k]}, {j for k in after for j in partner_a[k]}
                nearby = self._reach(graph_b, self.index_b, around[0], partner_b, "next") | self._reach(
                    graph_b, self.index_b, around[1], partner_b, "previous")
                for j in sorted(nearby):
                    if self.steps_b[j].id in shared_ids:
                        continue
                    if j not in near_b:
                        near_b[j] = (self._near(graph_b, self.index_b, self.steps_b[j].id, partner_b, "previous"),
                                     self._near(graph_b, self.index_b, self.steps_b[j].id, partner_b, "next"))
                    other = self.steps_b[j]
                    if other.kind is not step.kind or (i, j) in forbidden:
                        continue
                    side_before = _anchored(before, near_b[j][0], partner_a)
                    side_after = _anchored(after, near_b[j][1], partner_a)
                    sides = side_before + side_after
                    if not sides or not (side_before or self._same_shape(step.id, other.id, "previous")) or not (
                        side_after or self._same_shape(step.id, other.id, "next")
                    ):
                        continue
                    if step.kind is StepKind.GATEWAY:
                        if sides < 1 or (sides < 2 and step.bpmn_type != other.bpmn_type):
                            continue
                        strength = 2 * side_before + side_after
                    elif labels[i, j] < ANCHOR_LABEL_FLOOR * (3 - min(max(sides, 1), 2)) / 2:
                        continue
                    else:
                        strength = sides
                    candidates.setdefault(i, {})[j] = strength
            wanting: dict[int, dict[int, float]] = {}
            for i, found in candidates.items():
                for j, strength in found.items():
                    wanting.setdefault(j, {})[i] = strength
            added = False
            for i, found in candidates.items():
                if self.steps_a[i].kind is StepKind.GATEWAY:
                    best = _sole_best(found)
                    if best is None or _sole_best(wanting[best]) != i:
                        continue
                else:
                    best = self._same_role_only(i, found, wanting)
                    if best is None:
                        continue
                groups.append(([i], [best]))
                added = True
            if not added:
                return

    def _same_role_only(self, i: int, found: dict[int, float], wanting: dict[int, dict[int, float]]) -> int | None:
        """The counterpart of step ``i`` of model A among its candidates, decided by role if need be.

        A step with one candidate that has it as its one candidate is paired with it. Of
        several equally placed candidates, the one done by the role (lane) closest to the
        step's own is its counterpart: who does a step says which step it is. None unless
        this leaves one candidate each way.
        """
        roles = self._roles
        j = _closest_role({k: float(roles[i, k]) for k in found}, found)
        if j is None or _closest_role({k: float(roles[k, j]) for k in wanting[j]}, wanting[j]) != i:
            return None
        return j

    def _same_shape(self, id_a: str, id_b: str, relation: str) -> bool:
        """Whether the steps before (or after) two steps share a kind (or neither has any).

        A timer event caught in the flow is looked through: it makes the step after it
        wait, it is not a step of its own.
        """
        kinds_a = _neighbour_kinds(self.graph_a, id_a, relation)
        kinds_b = _neighbour_kinds(self.graph_b, id_b, relation)
        return kinds_a == kinds_b or bool(kinds_a & kinds_b)

    def _reach(
        self, graph: ProcessGraph, index: dict[str, int], start: set[int], partners: dict[int, set[int]], relation: str
    ) -> set[int]:
        """The unmatched steps right after (or before) ``start``, or behind one unmatched step."""
        steps = self.steps_b if graph is self.graph_b else self.steps_a
        step_of = graph.previous_steps if relation == "previous" else graph.next_steps
        found: set[int] = set()
        for k in start:
            for neighbour in step_of(steps[k].id):
                n = index[neighbour]
                if n in partners:
                    continue
                found.add(n)
                found.update(index[x] for x in step_of(neighbour) if index[x] not in partners)
        return found

    @staticmethod
    def _near(
        graph: ProcessGraph, index: dict[str, int], step_id: str, partners: dict[int, set[int]], relation: str
    ) -> dict[int, float]:
        """The matched steps before or after a step: 1.0 next to it, 0.5 behind one unmatched step."""
        step_of = graph.previous_steps if relation == "previous" else graph.next_steps
        found: dict[int, float] = {}
        for neighbour in step_of(step_id):
            k = index[neighbour]
            if k in partners:
                found[k] = 1.0
                continue
            for second in step_of(neighbour):
                if index[second] in partners:
                    found.setdefault(index[second], 0.5)
        return found

    def _belongs_with(self, side: int, extra: int, mate: int, partner: int) -> bool:
        """Whether ``extra`` is a twin of ``mate`` or the other half of a split of ``partner``."""
        steps = self.steps_b if side == 1 else self.steps_a
        if _twin_key(steps[extra]) is not None and _twin_key(steps[extra]) == _twin_key(steps[mate]):
            return True
        graph = self.graph_b if side == 1 else self.graph_a
        extra_id, mate_id = steps[extra].id, steps[mate].id
        adjacent = extra_id in graph.next_steps(mate_id) or extra_id in graph.previous_steps(mate_id)
        return adjacent and self._covers_better(side, extra, mate, partner)

    def _covers_better(self, side: int, extra: int, mate: int, partner: int) -> bool:
        """True when ``mate`` and ``extra`` together cover ``partner``'s label, each a part of it."""
        analysed = self.labels.analysed_b if side == 1 else self.labels.analysed_a
        whole = (self.labels.analysed_a if side == 1 else self.labels.analysed_b)[partner]
        wanted = {t for t, implicit in zip(whole.terms, whole.implicit, strict=True) if not implicit}
        part_1 = wanted & set(analysed[mate].terms)
        part_2 = wanted & set(analysed[extra].terms)
        return bool(part_1 - part_2) and bool(part_2 - part_1) and len(part_1 | part_2) > len(part_1)

    def _result(self, scores: np.ndarray, groups: list[Group], forced_cells: list[tuple[int, int]]) -> MatchResult:
        forced = set(forced_cells)
        matches = []
        grouped = [(i, j) for rows, cols in groups for i in rows for j in cols]
        context = dict(zip(grouped, self.propagation.context_of(
            scores, np.array([i for i, _ in grouped], dtype=np.intp), np.array([j for _, j in grouped], dtype=np.intp)
        ).tolist(), strict=True))
        for rows, cols in sorted(groups, key=lambda g: (min(g[0]), min(g[1]))):
            cells = [(i, j) for i in rows for j in cols]
            is_forced = all(cell in forced for cell in cells)
            score = 1.0 if is_forced else sum(float(scores[c]) for c in cells) / len(cells)
            reason = "forced by the user" if is_forced else self._reason(cells, context, len(rows), len(cols))
            matches.append(Match(
                tuple(self.steps_a[i].id for i in rows), tuple(self.steps_b[j].id for j in cols),
                min(1.0, score), reason, is_forced,
            ))
        used_a = {i for rows, _ in groups for i in rows}
        used_b = {j for _, cols in groups for j in cols}
        return MatchResult(
            tuple(matches),
            tuple(s.id for i, s in enumerate(self.steps_a) if i not in used_a),
            tuple(s.id for j, s in enumerate(self.steps_b) if j not in used_b),
        )

    def _reason(
        self, cells: Sequence[tuple[int, int]], context: dict[tuple[int, int], float], n_a: int, n_b: int
    ) -> str:
        i, j = max(cells, key=lambda c: self.labels.matrix[c])
        a, b = self.steps_a[i], self.steps_b[j]
        notes = []
        if n_b > 1 or n_a > 1:
            twins = {self.steps_b[c].label.casefold() for _, c in cells} if n_b > 1 else {
                self.steps_a[r].label.casefold() for r, _ in cells}
            notes.append("same step drawn twice" if len(twins) == 1 else
                         ("split into several steps" if n_b > 1 else "several steps merged"))
        if not a.label and not b.label:
            notes.append(f"both unnamed {a.bpmn_type}")
        elif " ".join(a.label.casefold().split()) == " ".join(b.label.casefold().split()):
            notes.append("same label")
        else:
            explained = self.labels.explain(i, j)
            notes.append(f"similar label ({self.labels.matrix[i, j]:.2f}{': ' + explained if explained else ''})")
        if a.kind is not b.kind:
            notes.append(f"{a.kind.value} ~ {b.kind.value}")
        if a.id == b.id:
            notes.append("same id")
        if max(context[c] for c in cells) >= 0.5:
            notes.append("neighbours agree")
        return "; ".join(notes)


def _sole_best(strengths: dict[int, float]) -> int | None:
    """The candidate with the strongest placement (or the closest role), when no other is as strong."""
    ranked = sorted(strengths.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _closest_role(roles: dict[int, float], strengths: dict[int, float]) -> int | None:
    """The only candidate, or of equally placed candidates (``strengths``) the one in the closest role."""
    if len(set(strengths.values())) > 1:
        return None
    return _sole_best(roles)


def _neighbour_kinds(graph: ProcessGraph, step_id: str, relation: str) -> set[StepKind]:
    """The kinds of the steps right before (or after) a step, looking through timer events in the flow."""
    step_of = graph.previous_steps if relation == "previous" else graph.next_steps
    kinds: set[StepKind] = set()
    seen = {step_id}
    stack = list(step_of(step_id))
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        step = graph.steps[current]
        if step.bpmn_type == "intermediateCatchEvent" and "timer" in step.event_definitions:
            stack.extend(step_of(current))
        else:
            kinds.add(step.kind)
    return kinds


def _anchored(near_a: dict[int, float], near_b: dict[int, float], partner_a: dict[int, set[int]]) -> float:
    """How strongly a matched neighbour of one step is the partner of a neighbour of the other."""
    return max((_pair_weight(weight, near_b[j]) for k, weight in near_a.items() for j in partner_a[k] if j in near_b),
               default=0.0)


def _pair_weight(weight_a: float, weight_b: float) -> float:
    """1 for neighbours on both sides, 0.5 behind an unmatched step on one side, else 0."""
    return 0.0 if weight_a < 1 and weight_b < 1 else min(weight_a, weight_b)


def _same_code(keys_a: Sequence[object], keys_b: Sequence[object]) -> np.ndarray:
    """``result[i, j]`` is True when ``keys_a[i] == keys_b[j]`` (vectorised through codes)."""
    codes: dict[object, int] = {}
    codes_a = np.array([codes.setdefault(k, len(codes)) for k in keys_a], dtype=int)
    codes_b = np.array([codes.setdefault(k, len(codes)) for k in keys_b], dtype=int)
    return codes_a.reshape(-1, 1) == codes_b.reshape(1, -1)


def _twin_key(step: Step) -> tuple[str, str, tuple[str, ...], bool] | None:
    """Steps with equal keys are the same step drawn twice: same label, same role, both waiting or not.

    An event that waits for something (a boundary or catch event) and one that throws are
    not one step drawn twice, even under one name: a compensation boundary event 'Hotel'
    and the throw event 'Hotel' that triggers it are two steps.
    """
    return (normalise(step.label), step.pool, step.lanes, step.is_catching) if step.label else None


def _forced_groups(cells: list[tuple[int, int]]) -> list[Group]:
    """Group forced pairs that share a step (several pairs for one step make a 1:n match)."""
    groups: list[Group] = []
    owner_a: dict[int, int] = {}
    owner_b: dict[int, int] = {}
    for i, j in cells:
        if i in owner_a and j in owner_b:
            continue
        if i in owner_a:
            owner_b[j] = owner_a[i]
            groups[owner_a[i]][1].append(j)
        elif j in owner_b:
            owner_a[i] = owner_b[j]
            groups[owner_b[j]][0].append(i)
        else:
            owner_a[i] = owner_b[j] = len(groups)
            groups.append(([i], [j]))
    return groups


def match_documents(
    a: BpmnDocument,
    b: BpmnDocument,
    *,
    thesaurus: Thesaurus | None = None,
    forced: Iterable[Pair] = (),
    forbidden: Iterable[Pair] = (),
    settings: MatchSettings | None = None,
) -> MatchResult:
    """Match the flow nodes of two documents by meaning.

    Parameters
    ----------
    a, b : BpmnDocument
        The two models, e.g. a local variant and the regional standard.
    thesaurus : Thesaurus or None
        Synonyms and abbreviations; None reads the shipped thesaurus.
    forced : iterable of (str, str)
        (a id, b id) pairs that must be matched; several pairs for one step make a group.
    forbidden : iterable of (str, str)
        (a id, b id) pairs that must not be matched.
    settings : MatchSettings or None
        Thresholds and weights; None for the defaults.

    Returns
    -------
    MatchResult
        The matches, each with a score and a reason, and the steps left unmatched.
    """
    matcher = StepMatcher(build_graph(a), build_graph(b), thesaurus, settings)
    return matcher.match(forced, forbidden)
