"""Compare a matched step of the standard with its local counterpart (core layer, no Qt).

:class:`MatchComparer` looks at one :class:`~.matching.Match` at a time and reports the
practice changes *within* the step: renamed, other role, other system or medium, other
time limit, other data, other decision outcomes (messages: :mod:`.messages`). Names (roles, partner
pools, systems, documents, branch labels) are compared as thesaurus terms
(:class:`Terms`), so "Vårdadministratör" and "Medicinsk sekreterare" are the same role.

Severity rules (see ``docs/diff-json.md``):

- ``role_change``: must. Roles are lane names (or a ``role`` property) compared as
  thesaurus terms, without qualifiers in parentheses ("Läkare (intygsutfärdare)" is "Läkare"),
  for activities and for events that send or receive a message (who gets the question).
- ``medium_change``: must when the work leaves the system (a user or service task, or an
  electronic medium, becomes a manual task or paper, post, fax or phone); review otherwise.
- ``deadline_change``: must when the standard's limit is missing or the local one is
  longer; review when the local limit is shorter or the standard has none. A timer
  matched with a timer of the same length is the same limit wherever it is drawn.
- ``order_change`` (review) for a wait: a step held back by a timer in the flow (a weekly
  meeting, signing at the end of the day) where the other model has no limit on it.
- ``decision_change``, ``data_change``: review. ``renamed_step``: info.

A value the local model does not state (a plain ``task``, no ``system`` property, a
timer without an expression, no data drawn at the step) is unknown, not different: only
stated values are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .facts import Branch, DataUse, Deadline, DocumentFacts, StepFacts
from .matching import Match
from .practice import Category, ChangeSeverity, PracticeChange
from .similarity import FUZZY_CUTOFF, LabelAnalyser
from .steps import ACTIVITY_KINDS, ProcessGraph, Step, StepKind
from .text import Language, normalise, tokenise
from .wording import WORK, Sentence, join, name_step, say

__all__ = ["MatchComparer", "Side", "Terms", "medium_class"]

MUST, REVIEW, INFO = ChangeSeverity.MUST, ChangeSeverity.REVIEW, ChangeSeverity.INFO
#: A qualifier in parentheses after a role, as in "Läkare (intygsutfärdare)": not part of the role.
_QUALIFIER = re.compile(r"\([^)]*\)")
#: The state of a document after its name, as in "Advertisement [Approved]".
_STATE = re.compile(r"\s*\[[^\]]*\]\s*$")
_SYSTEM_SEPARATORS = re.compile(r"\s*(?:[,;/+&]|\boch\b|\band\b)\s*", re.IGNORECASE)
#: Words that put a ``medium`` on the electronic or the paper side (post, fax and phone count as paper).
_ELECTRONIC = frozenset("electronic elektronisk elektroniskt elektroniska digital digitalt digitala e eremiss "
                        "webcert 1177 system it online inkorg".split())
_PAPER = frozenset("paper papper pappersform pappersblankett post brev letter fax telefax pdf print utskrift "
                   "telefon phone muntligt muntlig oral manuell manuellt manual blankett".split())


@dataclass(frozen=True)
class Side:
    """One model as the comparison sees it: its steps, their facts and its language."""

    graph: ProcessGraph
    facts: DocumentFacts
    language: Language


class Terms:
    """Names as sets of thesaurus terms, cached; two names mean the same when their sets are equal.

    Names of both models are analysed in the standard's language, so that the same word
    gets the same stem on both sides even where the language of a short model was guessed
    differently; thesaurus phrases are recognised in either language.

    Parameters
    ----------
    analyser : LabelAnalyser
        The matcher's analyser (thesaurus and the vocabulary of both models).
    language : str
        The language of the standard.
    """

    def __init__(self, analyser: LabelAnalyser, language: Language) -> None:
        self._analyser = analyser
        self._language = language
        self._cache: dict[str, frozenset[str]] = {}

    def key(self, text: str) -> frozenset[str]:
        """The terms of a name (empty for an empty name)."""
        found = self._cache.get(text)
        if found is None:
            terms = self._analyser.analyse(text, self._language).terms if text.strip() else ()
            found = frozenset(terms) or (frozenset({normalise(text)}) if normalise(text) else frozenset())
            self._cache[text] = found
        return found

    def same(self, name_a: str, name_b: str) -> bool:
        """Whether two names mean the same (an empty name matches any: it is unknown)."""
        key_a, key_b = self.key(name_a), self.key(name_b)
        return not key_a or not key_b or key_a == key_b

    def alike(self, name_a: str, name_b: str) -> bool:
        """Whether two names mean the same or are spelt alike ("analysed" and "analyzed", a typo)."""
        return self.same(name_a, name_b) or fuzz.ratio(normalise(name_a), normalise(name_b)) >= FUZZY_CUTOFF * 100

    def same_party(self, name_a: str, name_b: str) -> bool:
        """Whether two pool names name the same party: they share a term, or either is unnamed.

        Pool names carry qualifiers ("Remittent (elevhälsa m.fl.)", "Ungdom/patient"), so
        a shared term is enough, where roles (:meth:`same`) must agree entirely.
        """
        key_a, key_b = self.key(name_a), self.key(name_b)
        return not key_a or not key_b or bool(key_a & key_b)

    def systems(self, text: str) -> frozenset[frozenset[str]]:
        """The systems named in a ``system`` value such as ``"Webcert, journal"``."""
        return frozenset(self.key(part) for part in _SYSTEM_SEPARATORS.split(text) if part.strip())


def medium_class(value: str) -> str:
    """``"electronic"`` or ``"paper"`` when a text names a medium of that side (electronic first), else ``""``."""
    words = set(tokenise(value))
    if words & _ELECTRONIC:
        return "electronic"
    return "paper" if words & _PAPER else ""


class MatchComparer:
    """Finds the practice changes within matched steps.

    Parameters
    ----------
    standard, local : Side
        The two models.
    terms : Terms
        How names are compared.
    """

    def __init__(self, standard: Side, local: Side, terms: Terms) -> None:
        self.sides = (standard, local)
        self.terms = terms

    def compare(
        self,
        match: Match,
        partners: dict[str, frozenset[str]],
        settled: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    ) -> list[PracticeChange]:
        """The changes within one match.

        Parameters
        ----------
        match : Match
            Steps of the standard (``a_ids``) and their local counterparts (``b_ids``).
        partners : dict of str to frozenset of str
            For every matched standard step, the local steps it is matched with.
        settled : (frozenset of str, frozenset of str)
            Timer events of the standard and of the local model matched with a timer of
            the same length (:meth:`settled_timers`): their limit is not a change.
        """
        standard, local = self.sides
        steps_a = [standard.graph.steps[a] for a in match.a_ids]
        steps_b = [local.graph.steps[b] for b in match.b_ids]
        if all(a in standard.facts.timer_anchor for a in match.a_ids):
            return self._renamed(match, steps_a, steps_b)  # deadline events: limits compared at the steps they time
        facts_a = [standard.facts.steps[a] for a in match.a_ids]
        facts_b = [local.facts.steps[b] for b in match.b_ids]
        changes = [
            *self._renamed(match, steps_a, steps_b),
            *self._role(match, steps_a),
            *self._medium_and_data(match, steps_a, facts_a, facts_b),
            *self._deadline(match, steps_a, facts_a, facts_b, settled),
        ]
        if len(steps_a) == 1 and len(steps_b) == 1 and facts_a[0].branches and facts_b[0].branches:
            changes += self._decision(match, steps_a[0], facts_a[0].branches, facts_b[0].branches, partners)
        return changes

    # --- wording and roles ------------------------------------------------------------------------

    def _renamed(self, match: Match, steps_a: list[Step], steps_b: list[Step]) -> list[PracticeChange]:
        labels_a = [normalise(s.label) for s in steps_a]
        labels_b = [normalise(s.label) for s in steps_b]
        if not all(labels_a) or not all(labels_b) or set(labels_a) == set(labels_b):
            return []
        names_a = join([name_step(s) for s in steps_a])
        names_b = join([name_step(s) for s in steps_b])
        template = "renamed_step"
        if len(set(labels_b)) > 1:
            template = "split_step"
        elif len(set(labels_a)) > 1:
            template = "merged_steps"
        summary = say(template, standard=names_a, local=names_b)
        return [PracticeChange.create(Category.RENAMED_STEP, INFO, match.a_ids, match.b_ids, summary)]

    def _role_name(self, step: Step, facts: StepFacts) -> str:
        if facts.properties.get("role"):
            return facts.properties["role"]
        return step.lanes[-1] if step.lanes else ""

    def _role(self, match: Match, steps_a: list[Step]) -> list[PracticeChange]:
        roles = self.role_difference(match.a_ids, match.b_ids)
        if roles is None:
            return []
        summary = say("role_change", step=name_step(steps_a[0]), standard=roles[0], local=roles[1])
        return [PracticeChange.create(Category.ROLE_CHANGE, MUST, match.a_ids, match.b_ids, summary)]

    def role_difference(self, a_ids: Sequence[str], b_ids: Sequence[str]) -> tuple[str, str] | None:
        """The roles of standard steps and of local steps when they differ (``"A / B"`` for several), else None.

        None also when either side states no role (no lane, or steps whose lane says
        nothing about who does the work).
        """
        roles_a, roles_b = self._roles(self.sides[0], a_ids), self._roles(self.sides[1], b_ids)
        if not roles_a or not roles_b:
            return None
        if {self.terms.key(_QUALIFIER.sub(" ", r)) for r in roles_a} == {
                self.terms.key(_QUALIFIER.sub(" ", r)) for r in roles_b}:
            return None
        return " / ".join(sorted(roles_a)), " / ".join(sorted(roles_b))

    def _roles(self, side: Side, ids: Sequence[str]) -> set[str]:
        """The roles stated for steps of one model (activities, and events that exchange messages)."""
        found = {self._role_name(side.graph.steps[i], side.facts.steps[i]) for i in ids
                 if _has_role(side.graph.steps[i], side.facts.steps[i])}
        return found - {""}

    # --- how the work is done, and with what data -----------------------------------------------

    def _medium_and_data(
        self, match: Match, steps_a: list[Step], facts_a: list[StepFacts], facts_b: list[StepFacts]
    ) -> list[PracticeChange]:
        parts: list[Sentence] = []
        must = False
        work_a, work_b = {f.work for f in facts_a} - {""}, {f.work for f in facts_b} - {""}
        if work_a and work_b and work_a != work_b:
            parts.append(self._instead(_join_work(work_b), _join_work(work_a)))
            must |= "manual" in work_b and "manual" not in work_a
        for key, template in (("system", "in_system"), ("medium", "on_medium")):
            value_a = "; ".join(sorted({f.properties[key] for f in facts_a if f.properties.get(key)}))
            value_b = "; ".join(sorted({f.properties[key] for f in facts_b if f.properties.get(key)}))
            if value_a and value_b and self.terms.systems(value_a) != self.terms.systems(value_b):
                parts.append(self._instead(say(template, value=value_b), say(template, value=value_a)))
                if key == "medium":
                    must |= medium_class(value_a) == "electronic" and medium_class(value_b) == "paper"
        data_a = [use for f in facts_a for use in f.data if use.name]
        data_b = [use for f in facts_b for use in f.data if use.name]
        stores_a = {self.terms.key(u.name) for u in data_a if u.store}
        stores_b = {self.terms.key(u.name) for u in data_b if u.store}
        replaced = bool(stores_a) and bool(stores_b) and not stores_a & stores_b
        if replaced:
            names_a = "; ".join(sorted({u.name for u in data_a if u.store}))
            names_b = "; ".join(sorted({u.name for u in data_b if u.store}))
            parts.append(self._instead(say("with_store", value=names_b), say("with_store", value=names_a)))
            data_a = [u for u in data_a if not u.store]
            data_b = [u for u in data_b if not u.store]
        changes = []
        step = name_step(steps_a[0])
        if parts:
            elements_a = (*match.a_ids, *sorted({u.element for f in facts_a for u in f.data if u.store and replaced}))
            elements_b = (*match.b_ids, *sorted({u.element for f in facts_b for u in f.data if u.store and replaced}))
            summary = say("medium_change", step=step, details=join(parts))
            changes.append(PracticeChange.create(Category.MEDIUM_CHANGE, MUST if must else REVIEW,
                                                 elements_a, elements_b, summary))
        changes += self._data(match, step, data_a, data_b)
        return changes

    @staticmethod
    def _instead(local: Sentence, standard: Sentence) -> Sentence:
        return say("instead_of", local=local, standard=standard)

    def _data(self, match: Match, step: Sentence, data_a: list[DataUse], data_b: list[DataUse]) -> list[PracticeChange]:
        if not data_a or not data_b:
            return []  # data not drawn on one side: unknown, not different
        keyed_a = {(self.terms.key(u.name), u.store, u.writes): u for u in data_a}
        keyed_b = {(self.terms.key(u.name), u.store, u.writes): u for u in data_b}
        missing = [use for key, use in keyed_a.items() if key not in keyed_b]
        added = [use for key, use in keyed_b.items() if key not in keyed_a]
        for use in list(missing):
            spelt = next((u for u in added if (u.store, u.writes) == (use.store, use.writes)
                          and self._same_document(use.name, u.name)), None)
            if spelt is not None:
                missing.remove(use)
                added.remove(spelt)
        if not missing and not added:
            return []
        parts = [say("data_not_written" if u.writes else "data_not_read", name=u.name) for u in missing]
        parts += [say("data_also_written" if u.writes else "data_also_read", name=u.name) for u in added]
        summary = say("data_change", step=step, details=join(parts))
        elements_a = (*match.a_ids, *sorted({u.element for u in missing}))
        elements_b = (*match.b_ids, *sorted({u.element for u in added}))
        return [PracticeChange.create(Category.DATA_CHANGE, REVIEW, elements_a, elements_b, summary)]

    def _same_document(self, name_a: str, name_b: str) -> bool:
        """Whether two document names name the same document: alike, or alike but for a state
        ("[Approved]") that only one of them states (unknown, not different)."""
        if self.terms.alike(name_a, name_b):
            return True
        stated = [bool(_STATE.search(name)) for name in (name_a, name_b)]
        return stated[0] != stated[1] and self.terms.alike(_STATE.sub("", name_a), _STATE.sub("", name_b))

    # --- time limits and messages -----------------------------------------------------------------

    def settled_timers(self, pairs: Iterable[tuple[str, str]]) -> tuple[frozenset[str], frozenset[str]]:
        """Matched timer events that moved to another step and kept their length, on each side.

        A standard timer matched with a local timer of the same length, where the
        counterparts of the step each one times have no time limit of their own (the
        limit was drawn elsewhere, say as a routine wait instead of a race with the
        awaited messages), is the same limit: not a deadline change at either step.
        """
        standard, local = self.sides
        pairs = list(pairs)
        partners_a: dict[str, set[str]] = {}
        partners_b: dict[str, set[str]] = {}
        for a, b in pairs:
            partners_a.setdefault(a, set()).add(b)
            partners_b.setdefault(b, set()).add(a)

        def unlimited(side: Side, steps: set[str], timer: str) -> bool:
            return all(d.source == timer for s in steps for d in side.facts.steps[s].deadlines)

        settled = [
            (a, b) for a, b in pairs
            if a in standard.facts.timer_anchor and b in local.facts.timer_anchor
            and _same_limit(self._timer_limit(standard, a), self._timer_limit(local, b))
            and unlimited(local, partners_a.get(standard.facts.timer_anchor[a], set()), b)
            and unlimited(standard, partners_b.get(local.facts.timer_anchor[b], set()), a)
        ]
        return frozenset(a for a, _ in settled), frozenset(b for _, b in settled)

    @staticmethod
    def _timer_limit(side: Side, timer: str) -> Deadline | None:
        anchor = side.facts.timer_anchor[timer]
        return next((d for d in side.facts.steps[anchor].deadlines if d.source == timer), None)

    def _deadline(
        self,
        match: Match,
        steps_a: list[Step],
        facts_a: list[StepFacts],
        facts_b: list[StepFacts],
        settled: tuple[frozenset[str], frozenset[str]],
    ) -> list[PracticeChange]:
        limits_a = [d for f in facts_a for d in f.deadlines if d.source not in settled[0]]
        limits_b = [d for f in facts_b for d in f.deadlines if d.source not in settled[1]]
        if not limits_a and not limits_b:
            return []
        step = name_step(steps_a[0])
        known_a = {d.duration for d in limits_a if d.duration is not None}
        known_b = {d.duration for d in limits_b if d.duration is not None}
        elements_a = (*match.a_ids, *sorted({d.source for d in limits_a if d.source}))
        elements_b = (*match.b_ids, *sorted({d.source for d in limits_b if d.source}))
        if all(d.wait for d in limits_a + limits_b):
            if limits_a and limits_b:
                if not known_a or not known_b or known_a == known_b:
                    return []
                template = "wait_changed"
            else:
                template = "wait_added" if limits_b else "wait_removed"
            summary = say(template, step=step, standard=self.limits(limits_a), local=self.limits(limits_b))
            return [PracticeChange.create(Category.ORDER_CHANGE, REVIEW, elements_a, elements_b, summary)]
        if not limits_b:
            template, severity = "deadline_missing", MUST
        elif not limits_a:
            template, severity = "deadline_added", REVIEW
        elif known_a and known_b and known_a != known_b:
            template = "deadline_changed"
            longest_allowed = min(d.calendar_seconds for d in known_a)
            severity = MUST if min(d.calendar_seconds for d in known_b) > longest_allowed else REVIEW
        else:
            return []
        summary = say(template, step=step, standard=self.limits(limits_a), local=self.limits(limits_b))
        return [PracticeChange.create(Category.DEADLINE_CHANGE, severity, elements_a, elements_b, summary)]

    def limits(self, limits: Sequence[Deadline]) -> Sentence:
        """The distinct time limits, as the sentences state them ("14 dagar och 'samma dag'")."""
        seen: dict[object, Sentence] = {}
        for limit in limits:
            key = limit.duration if limit.duration is not None else limit.text
            if key not in seen:
                seen[key] = {language: limit.duration.describe(language) if limit.duration else f"'{limit.text}'"
                             for language in ("sv", "en")}
        return join(list(seen.values()))

    # --- decisions --------------------------------------------------------------------------------

    def _decision(
        self,
        match: Match,
        step: Step,
        branches_a: Sequence[Branch],
        branches_b: Sequence[Branch],
        partners: dict[str, frozenset[str]],
    ) -> list[PracticeChange]:
        paired: list[tuple[Branch, Branch]] = []
        open_b = list(branches_b)
        unpaired_a = []
        for branch in branches_a:
            wanted = set().union(*(partners.get(t, frozenset()) for t in branch.targets))
            found = next((b for b in open_b if wanted & set(b.targets)), None)
            if found is None:
                unpaired_a.append(branch)
            else:
                open_b.remove(found)
                paired.append((branch, found))
        missing = []
        for branch in unpaired_a:
            found = next((b for b in open_b if branch.label and self._same(branch.label, b.label)), None)
            if found is None:
                missing.append(branch)
            else:
                open_b.remove(found)
                paired.append((branch, found))
        parts = [say("outcome_missing", outcome=self._outcome(b, 0)) for b in missing]
        parts += [say("outcome_extra", outcome=self._outcome(b, 1)) for b in open_b]
        for branch_a, branch_b in paired:
            for text_a, text_b in ((branch_a.label, branch_b.label), (branch_a.condition, branch_b.condition)):
                if text_a and text_b and not self._same(text_a, text_b):
                    parts.append(say("outcome_condition", standard=f"'{text_a}'", local=f"'{text_b}'"))
                    break
        if not parts:
            return []
        summary = say("decision_change", step=name_step(step), details=join(parts))
        lost = self._outcome_steps(0, [t for branch in missing for t in branch.targets])
        kept = [b for t in lost for b in sorted(partners.get(t, frozenset()))]
        added = self._outcome_steps(1, [t for branch in open_b for t in branch.targets])
        elements_a = tuple(dict.fromkeys((*match.a_ids, *lost)))
        elements_b = tuple(dict.fromkeys((*match.b_ids, *kept, *added)))
        return [PracticeChange.create(Category.DECISION_CHANGE, REVIEW, elements_a, elements_b, summary)]

    def _outcome_steps(self, side: int, targets: Sequence[str]) -> list[str]:
        """The first steps of outcomes: their targets, and behind a deadline event the steps it leads to."""
        graph, facts = self.sides[side].graph, self.sides[side].facts
        found: list[str] = []
        for target in targets:
            found.append(target)
            if target in facts.timer_anchor:
                found += graph.next_steps(target)
        return found

    def _same(self, text_a: str, text_b: str) -> bool:
        return normalise(text_a) == normalise(text_b) or self.terms.key(text_a) == self.terms.key(text_b)

    def _outcome(self, branch: Branch, side: int) -> Sentence:
        if branch.label or branch.condition:
            text = f"'{branch.label or branch.condition}'"
            return {"sv": text, "en": text}
        graph = self.sides[side].graph
        targets = [name_step(graph.steps[t]) for t in branch.targets]
        arrow = join(targets) if targets else {"sv": branch.flow, "en": branch.flow}
        return {language: f"→ {arrow[language]}" for language in ("sv", "en")}


def _has_role(step: Step, facts: StepFacts) -> bool:
    """Whether the lane of a step says who does the work: activities, and events that exchange messages."""
    return step.kind in ACTIVITY_KINDS or (step.kind is StepKind.EVENT and bool(facts.messages))


def _same_limit(limit_a: Deadline | None, limit_b: Deadline | None) -> bool:
    """Whether two timers state the same length (or, stating none, the same words)."""
    if limit_a is None or limit_b is None:
        return False
    if limit_a.duration is not None and limit_b.duration is not None:
        return limit_a.duration.calendar_seconds == limit_b.duration.calendar_seconds
    return limit_a.duration is None and limit_b.duration is None and normalise(limit_a.text) == normalise(limit_b.text)


def _join_work(kinds: Iterable[str]) -> Sentence:
    return join([WORK[kind] for kind in sorted(kinds)])
