"""Extra decisions are not work: fold each into the change it causes (core layer, no Qt).

A decision gateway of the LOCAL model without a counterpart in the standard is no step
anyone performs; it matters by what it does to the standard's steps. So rather than an
``extra_step`` of its own, :class:`GatewayFolding` makes it part of the changes it causes:

- **a decision made in two steps**: it has an outcome in common with a matched decision
  it comes before, or one of the two is an outcome of the other (a checklist that
  accepts the clear cases before the assessment decides the rest). It becomes a
  ``decision_change`` of the standard's decision. When the standard prepares that
  decision with one step, the local model prepares its second stage with that step's
  counterpart, and the first stage is prepared by an extra step in another role (the
  administrator's checklist sorting before the physician's assessment), that extra step
  is the standard's step done, for the cases the first stage settles, by another role:
  a ``role_change`` instead of an ``extra_step``;
- **a repeated step**: it leads back to a matched step right before it, which the
  standard does once (visits repeated until the contact ends). It becomes an
  ``order_change`` of that step and of the steps after the loop, which now wait for its
  last round;
- **a skipped step**: one of its outcomes passes a matched step the standard does in
  every case. It joins that step's ``order_change`` (``becomes_optional``);
- **a choice of medium**: its outcomes name media or systems ("Papper, e-post", "Nytt
  system") and the matched step right before it changed its medium. It joins that step's
  ``medium_change``: the channels the step now has part there.

A gateway none of these applies to stays an ``extra_step``. A missing decision of the
standard is not folded: the unit does not decide what the standard requires it to.
Gateways are looked through when they are unmatched, so two such decisions in a row
fold alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .compare import MatchComparer, Side, medium_class
from .matching import MatchResult, Pair
from .practice import Category, ChangeSeverity, PracticeChange
from .steps import ACTIVITY_KINDS, StepKind
from .wording import Sentence, join, name_step, say

__all__ = ["GatewayFolding"]


class GatewayFolding:
    """Folds the local model's unmatched decision gateways into the changes they cause.

    Parameters
    ----------
    standard, local : Side
        The two models.
    result : MatchResult
        The match between them.
    mandatory : (frozenset of str, frozenset of str)
        The steps done in every case, in the standard and in the local model
        (:attr:`~.behaviour.BehaviourProfile.mandatory`).
    comparer : MatchComparer
        Compares the roles of the step that prepares a decision made in two steps.
    forbidden : set of (str, str)
        (standard id, local id) pairs the user says are not the same step: never joined.
    """

    def __init__(
        self,
        standard: Side,
        local: Side,
        result: MatchResult,
        mandatory: tuple[frozenset[str], frozenset[str]],
        comparer: MatchComparer,
        forbidden: set[Pair],
    ) -> None:
        self.standard, self.local = standard, local
        self.mandatory = mandatory
        self.comparer = comparer
        self.forbidden = forbidden
        self.partners_a: dict[str, list[str]] = {}
        self.partners_b: dict[str, list[str]] = {}
        for match in result.matches:
            for a, b in match.pairs():
                self.partners_a.setdefault(a, []).append(b)
                self.partners_b.setdefault(b, []).append(a)
        graph = local.graph
        self.gateways = [
            step_id for step_id in result.unmatched_b
            if graph.steps[step_id].kind is StepKind.GATEWAY and step_id in local.facts.practice_steps
        ]
        self._open = frozenset(self.gateways)

    def fold(self, changes: Sequence[PracticeChange]) -> list[PracticeChange]:
        """The changes with every foldable extra decision folded in, and its ``extra_step`` left out."""
        folded_changes = list(changes)
        for gateway in self.gateways:
            added = [*self._decision_split(gateway), *self._repetition(gateway)]
            folded_changes, joined = self._join_skipped(gateway, folded_changes)
            folded_changes, routed = self._join_medium(gateway, folded_changes)
            joined |= routed
            if added or joined:
                folded = {gateway, *(b for c in added if c.category is Category.ROLE_CHANGE for b in c.local_elements)}
                folded_changes = [c for c in folded_changes if not (
                    c.category is Category.EXTRA_STEP and len(c.local_elements) == 1 and c.local_elements[0] in folded
                )] + added
        return folded_changes

    # --- the flow around a gateway ----------------------------------------------------------------

    def _outcomes(self, gateway: str) -> list[str]:
        """The matched steps an unmatched gateway leads to, looking through unmatched gateways."""
        return self._matched_after(self.local.graph.next_steps(gateway), {gateway})

    def _matched_after(self, start: Iterable[str], seen: set[str]) -> list[str]:
        found: dict[str, None] = {}
        stack = list(reversed(list(start)))
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in self.partners_b:
                found[current] = None
            elif current in self._open:
                stack.extend(reversed(self.local.graph.next_steps(current)))
        return list(found)

    def _reaches(self, source: str, target: str) -> bool:
        """Whether ``target`` can follow ``source`` in the local model."""
        graph = self.local.graph
        seen = {source}
        stack = list(graph.successors.get(source, ()))
        while stack:
            current = stack.pop()
            if current == target:
                return True
            if current not in seen:
                seen.add(current)
                stack.extend(graph.successors.get(current, ()))
        return False

    def _branch_targets(self, gateway: str) -> set[str]:
        return {t for branch in self.local.facts.steps[gateway].branches for t in branch.targets}

    # --- the three folds -----------------------------------------------------------------------

    def _decision_split(self, gateway: str) -> list[PracticeChange]:
        """A ``decision_change``: the standard's decision is made here and at a matched decision."""
        graph = self.local.graph
        targets = self._branch_targets(gateway)
        if len(self.local.facts.steps[gateway].branches) < 2:
            return []
        decisions = [b for b in self.partners_b
                     if graph.steps[b].kind is StepKind.GATEWAY and len(self.local.facts.steps[b].branches) >= 2]
        adjacent = [b for b in decisions if b in targets or gateway in self._branch_targets(b)]
        shared = [b for b in decisions if targets & self._branch_targets(b) and self._reaches(gateway, b)]
        found = (adjacent or shared)[:1]
        if not found:
            return []
        decision = found[0]
        standard = tuple(self.partners_b[decision])
        summary = say("decision_split", step=join([name_step(self.standard.graph.steps[a]) for a in standard]),
                      extra=name_step(graph.steps[gateway]), partner=name_step(graph.steps[decision]))
        return [PracticeChange.create(Category.DECISION_CHANGE, ChangeSeverity.REVIEW, standard,
                                      (gateway, decision), summary), *self._first_stage_role(gateway, decision)]

    def _first_stage_role(self, gateway: str, decision: str) -> list[PracticeChange]:
        """A ``role_change``: the first stage of a decision made in two steps is prepared in another role.

        The standard prepares its decision with one activity; the local model prepares the
        second stage (``decision``) with that activity's counterpart and the first stage
        (``gateway``) with one unmatched activity. That activity is the standard's step
        done, for the cases the first stage settles, by whoever does it.
        """
        graph, standard = self.local.graph, self.standard.graph
        before_first = graph.previous_steps(gateway)
        prepared = {a for d in self.partners_b[decision] for a in standard.previous_steps(d)}
        if len(before_first) != 1 or len(prepared) != 1:
            return []
        extra, step = before_first[0], next(iter(prepared))
        if (extra in self.partners_b or extra not in self.local.facts.practice_steps
                or graph.steps[extra].kind not in ACTIVITY_KINDS or standard.steps[step].kind not in ACTIVITY_KINDS
                or not set(self.partners_a.get(step, ())) & set(graph.previous_steps(decision))
                or (step, extra) in self.forbidden):
            return []
        roles = self.comparer.role_difference((step,), (extra,))
        if roles is None:
            return []
        summary = say("first_stage_role", step=name_step(standard.steps[step]), extra=name_step(graph.steps[extra]),
                      decision=name_step(graph.steps[gateway]), standard=roles[0], local=roles[1])
        return [PracticeChange.create(Category.ROLE_CHANGE, ChangeSeverity.MUST, (step,), (extra,), summary)]

    def _repetition(self, gateway: str) -> list[PracticeChange]:
        """An ``order_change``: the gateway leads back to a matched step the standard does not repeat."""
        outcomes = self._outcomes(gateway)
        repeated = [b for b in outcomes if gateway in self._open_gateways_after(b)
                    and not any(self._standard_repeats(a) for a in self.partners_b[b])]
        if not repeated:
            return []
        step = repeated[0]
        after = [b for b in outcomes if b not in repeated]
        standard_after = [a for b in after for a in self.partners_b[b]]
        elements_a = tuple(dict.fromkeys((*self.partners_b[step], *standard_after)))
        elements_b = tuple(dict.fromkeys((step, gateway, *after)))
        graph = self.local.graph
        standard_step = name_step(self.standard.graph.steps[self.partners_b[step][0]])
        before: Sentence = {"sv": "", "en": ""}
        if standard_after:
            names = join([name_step(self.standard.graph.steps[a]) for a in dict.fromkeys(standard_after)])
            before = say("repeated_before", steps=names)
        summary = say("step_repeated", step=standard_step, decision=name_step(graph.steps[gateway]), before=before)
        return [PracticeChange.create(Category.ORDER_CHANGE, ChangeSeverity.REVIEW, elements_a, elements_b, summary)]

    def _open_gateways_after(self, step: str) -> set[str]:
        """The unmatched gateways that can follow a matched step before any matched step does."""
        graph = self.local.graph
        found: set[str] = set()
        stack = list(graph.next_steps(step))
        while stack:
            current = stack.pop()
            if current in found or current not in self._open:
                continue
            found.add(current)
            stack.extend(graph.next_steps(current))
        return found

    def _standard_repeats(self, step: str) -> bool:
        graph = self.standard.graph
        seen: set[str] = set()
        stack = list(graph.successors.get(step, ()))
        while stack:
            current = stack.pop()
            if current == step:
                return True
            if current not in seen:
                seen.add(current)
                stack.extend(graph.successors.get(current, ()))
        return False

    def _join_skipped(
        self, gateway: str, changes: list[PracticeChange]
    ) -> tuple[list[PracticeChange], bool]:
        """Add the gateway to the order change of a step it lets the unit skip."""
        skipped = {b for b in self._outcomes(gateway) if b not in self.mandatory[1]
                   and any(a in self.mandatory[0] for a in self.partners_b[b])}
        joined = False
        result = []
        for change in changes:
            if (change.category is Category.ORDER_CHANGE and change.local_elements
                    and change.local_elements[0] in skipped and gateway not in change.local_elements):
                change = PracticeChange.create(change.category, change.severity, change.standard_elements,
                                               (*change.local_elements, gateway), change.summary)
                joined = True
            result.append(change)
        return result, joined

    def _join_medium(self, gateway: str, changes: list[PracticeChange]) -> tuple[list[PracticeChange], bool]:
        """Add a gateway that chooses by medium to the medium change of the matched step before it."""
        branches = self.local.facts.steps[gateway].branches
        if not any(medium_class(branch.label) for branch in branches):
            return changes, False
        graph = self.local.graph
        before = {s for s in graph.previous_steps(gateway) if s in self.partners_b}
        joined = False
        result = []
        for change in changes:
            if (change.category is Category.MEDIUM_CHANGE and change.local_elements
                    and change.local_elements[0] in before and gateway not in change.local_elements):
                change = PracticeChange.create(change.category, change.severity, change.standard_elements,
                                               (*change.local_elements, gateway), change.summary)
                joined = True
            result.append(change)
        return result, joined
