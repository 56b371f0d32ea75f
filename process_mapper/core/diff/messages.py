"""Compare the messages a STANDARD and a LOCAL process exchange with outside parties (core layer, no Qt).

:class:`MessageComparer` pairs the message flows of both models by what they are, not
only by the step that draws them:

1. at a matched step, a message to (or from) the same party is the same message; when
   it is the only one to that party on both sides and carries something else (another
   name), that is a change of content;
2. the messages left over (at a matched step without a counterpart, at a step without a
   counterpart, or between two other pools) are paired across the models by party and
   direction when they carry the same thing or sit at neighbouring steps: the message
   *moved* to another step, or to another party's pool (the patient now sends the
   certificate to the insurance office), and is reported once, with both flows;
3. what is still left over is a message missing (must) or added (review): at a matched
   step, or between two pools. A message at a step without a counterpart goes with the
   missing or extra step.

Parties are compared as thesaurus terms sharing a word (:meth:`~.compare.Terms.same_party`);
message names as thesaurus terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from .compare import Side, Terms
from .matching import Match, MatchResult
from .practice import Category, ChangeSeverity, PracticeChange
from .wording import Sentence, name_party, name_step, say

__all__ = ["MessageComparer"]

MUST, REVIEW = ChangeSeverity.MUST, ChangeSeverity.REVIEW
_A_MESSAGE: Sentence = {"sv": "ett meddelande", "en": "a message"}


@dataclass(frozen=True, slots=True)
class _End:
    """A message flow of one model not yet accounted for.

    ``step`` is the step that sends (``sends``) or receives it, with ``partner`` the
    other party; for a message between two other pools ``step`` is empty and
    ``source``/``target`` name the pools. ``match`` is the step's match, if any.
    """

    flow: str
    names: tuple[str, str]
    step: str = ""
    sends: bool = False
    partner: str = ""
    source: str = ""
    target: str = ""
    match: Match | None = None


class MessageComparer:
    """Finds the ``message_change`` records between two models.

    Parameters
    ----------
    standard, local : Side
        The two models.
    terms : Terms
        How party and message names are compared.
    """

    def __init__(self, standard: Side, local: Side, terms: Terms) -> None:
        self.sides = (standard, local)
        self.terms = terms

    def changes(self, result: MatchResult) -> list[PracticeChange]:
        """The message changes implied by ``result`` (see the module docstring)."""
        standard, local = self.sides
        changes: list[PracticeChange] = []
        loose_a: list[_End] = []
        loose_b: list[_End] = []
        for match in result.matches:
            changes += self._at_match(match, loose_a, loose_b)
        for side, ids, loose in ((standard, result.unmatched_a, loose_a), (local, result.unmatched_b, loose_b)):
            loose += [_End(u.flow, u.names, step_id, u.sends, u.partner)
                      for step_id in ids for u in side.facts.steps[step_id].messages]
        pools_a, pools_b = self._pool_ends(standard, local), self._pool_ends(local, standard)
        pairs = self._pair(loose_a + pools_a, loose_b + pools_b, result)
        paired_a = {end_a.flow for end_a, _ in pairs}
        paired_b = {end_b.flow for _, end_b in pairs}
        changes += [self._moved(end_a, end_b) for end_a, end_b in pairs]
        for end in loose_a:
            if end.match is not None and end.flow not in paired_a:
                changes.append(self._missing(end, end.match))
        for end in loose_b:
            if end.match is not None and end.flow not in paired_b:
                changes.append(self._added(end, end.match))
        for end in pools_a:
            if end.flow not in paired_a:
                summary = say("pool_message_missing", source=name_party(end.source), target=name_party(end.target))
                changes.append(PracticeChange.create(Category.MESSAGE_CHANGE, MUST, (end.flow,), (), summary))
        for end in pools_b:
            if end.flow not in paired_b:
                summary = say("pool_message_added", source=name_party(end.source), target=name_party(end.target))
                changes.append(PracticeChange.create(Category.MESSAGE_CHANGE, REVIEW, (), (end.flow,), summary))
        return changes

    # --- at one matched step ----------------------------------------------------------------------

    def _at_match(self, match: Match, loose_a: list[_End], loose_b: list[_End]) -> list[PracticeChange]:
        """Pair the messages of a match by party and direction; collect the rest as loose ends."""
        standard, local = self.sides
        uses_a = [(a, u) for a in match.a_ids for u in standard.facts.steps[a].messages]
        uses_b = [(b, u) for b in match.b_ids for u in local.facts.steps[b].messages]
        for step_id, use in uses_a:
            if not any(u.sends == use.sends and self.terms.same_party(use.partner, u.partner) for _, u in uses_b):
                loose_a.append(_End(use.flow, use.names, step_id, use.sends, use.partner, match=match))
        for step_id, use in uses_b:
            if not any(u.sends == use.sends and self.terms.same_party(u.partner, use.partner) for _, u in uses_a):
                loose_b.append(_End(use.flow, use.names, step_id, use.sends, use.partner, match=match))
        changes = []
        for _, use in uses_a:
            same_a = [u for _, u in uses_a if u.sends == use.sends and self.terms.same_party(use.partner, u.partner)]
            same_b = [u for _, u in uses_b if u.sends == use.sends and self.terms.same_party(use.partner, u.partner)]
            if len(same_a) == 1 and len(same_b) == 1 and self._same_names(use.names, same_b[0].names) is False:
                summary = say("message_content_send" if use.sends else "message_content_receive",
                              step=name_step(standard.graph.steps[match.a_ids[0]]), partner=name_party(use.partner),
                              standard=_quoted(use.names), local=_quoted(same_b[0].names))
                changes.append(PracticeChange.create(Category.MESSAGE_CHANGE, REVIEW, (*match.a_ids, use.flow),
                                                     (*match.b_ids, same_b[0].flow), summary))
        return changes

    def _missing(self, end: _End, match: Match) -> PracticeChange:
        template = "message_missing_send" if end.sends else "message_missing_receive"
        summary = say(template, step=self._step_name(match), partner=name_party(end.partner))
        return PracticeChange.create(Category.MESSAGE_CHANGE, MUST, (*match.a_ids, end.flow), match.b_ids, summary)

    def _added(self, end: _End, match: Match) -> PracticeChange:
        template = "message_added_send" if end.sends else "message_added_receive"
        summary = say(template, step=self._step_name(match), partner=name_party(end.partner))
        return PracticeChange.create(Category.MESSAGE_CHANGE, REVIEW, match.a_ids, (*match.b_ids, end.flow), summary)

    def _step_name(self, match: Match) -> Sentence:
        return name_step(self.sides[0].graph.steps[match.a_ids[0]])

    # --- messages between two other pools ---------------------------------------------------------

    def _pool_ends(self, side: Side, other: Side) -> list[_End]:
        """The messages between two pools of ``side`` that ``other`` has no message between the same parties for."""
        ends = []
        for flow, source, target in side.facts.pool_messages:
            if not any(self.terms.same_party(source, s) and self.terms.same_party(target, t)
                       for _, s, t in other.facts.pool_messages):
                ends.append(_End(flow, side.facts.message_names.get(flow, ("", "")), source=source, target=target))
        return ends

    # --- messages that moved ----------------------------------------------------------------------

    def _pair(self, ends_a: list[_End], ends_b: list[_End], result: MatchResult) -> list[tuple[_End, _End]]:
        """Loose ends of both models that are the same message, best first, each used once."""
        partners_a: dict[str, set[str]] = {}
        partners_b: dict[str, set[str]] = {}
        for a, b in result.pairs():
            partners_a.setdefault(a, set()).add(b)
            partners_b.setdefault(b, set()).add(a)
        candidates = []
        for x, end_a in enumerate(ends_a):
            for y, end_b in enumerate(ends_b):
                score = self._affinity(end_a, end_b, partners_a, partners_b)
                if score:
                    candidates.append((-score, x, y))
        used_a: set[int] = set()
        used_b: set[int] = set()
        pairs = []
        for _, x, y in sorted(candidates):
            if x not in used_a and y not in used_b:
                used_a.add(x)
                used_b.add(y)
                pairs.append((ends_a[x], ends_b[y]))
        return pairs

    def _affinity(
        self, end_a: _End, end_b: _End, partners_a: dict[str, set[str]], partners_b: dict[str, set[str]]
    ) -> int:
        """How surely two loose ends are one message: 0 not at all, more for the same name and nearby steps."""
        same_name = bool(self._same_names(end_a.names, end_b.names))
        if end_a.step and end_b.step:
            if end_a.sends != end_b.sends or not self.terms.same_party(end_a.partner, end_b.partner):
                return 0
            return 2 * same_name + self._near(end_a.step, end_b.step, partners_a, partners_b)
        if not same_name or (not end_a.step and not end_b.step):
            return 0  # between pools on both sides: compared by parties alone (_pool_ends)
        at_step, between = (end_a, end_b) if end_a.step else (end_b, end_a)
        party = between.target if at_step.sends else between.source
        return 2 if self.terms.same_party(at_step.partner, party) else 0

    def _near(self, step_a: str, step_b: str, partners_a: dict[str, set[str]], partners_b: dict[str, set[str]]) -> int:
        """1 when either step's counterpart is the other step or one of its neighbours, else 0."""
        graph_a, graph_b = self.sides[0].graph, self.sides[1].graph
        around_a = {step_a, *graph_a.next_steps(step_a), *graph_a.previous_steps(step_a)}
        around_b = {step_b, *graph_b.next_steps(step_b), *graph_b.previous_steps(step_b)}
        return int(bool(partners_a.get(step_a, set()) & around_b or partners_b.get(step_b, set()) & around_a))

    def _moved(self, end_a: _End, end_b: _End) -> PracticeChange:
        standard, local = self.sides
        message = _quoted(end_a.names if any(end_a.names) else end_b.names)
        elements_a = (end_a.step, end_a.flow) if end_a.step else (end_a.flow,)
        elements_b = (end_b.step, end_b.flow) if end_b.step else (end_b.flow,)
        if end_a.step and end_b.step:
            summary = say("message_moved_send" if end_a.sends else "message_moved_receive", message=message,
                          partner=name_party(end_a.partner), standard=name_step(standard.graph.steps[end_a.step]),
                          local=name_step(local.graph.steps[end_b.step]))
            return PracticeChange.create(Category.MESSAGE_CHANGE, REVIEW, elements_a, elements_b, summary)
        if end_a.step:
            summary = say("message_to_pool_send" if end_a.sends else "message_to_pool_receive", message=message,
                          source=name_party(end_b.source, first=True), target=name_party(end_b.target),
                          step=name_step(standard.graph.steps[end_a.step]))
            return PracticeChange.create(Category.MESSAGE_CHANGE, MUST, elements_a, elements_b, summary)
        summary = say("message_from_pool_send" if end_b.sends else "message_from_pool_receive", message=message,
                      source=name_party(end_a.source), target=name_party(end_a.target),
                      step=name_step(local.graph.steps[end_b.step]))
        return PracticeChange.create(Category.MESSAGE_CHANGE, REVIEW, elements_a, elements_b, summary)

    def _same_names(self, names_a: tuple[str, str], names_b: tuple[str, str]) -> bool | None:
        """Whether two messages carry the same: a name of one kind (flow or message) agrees; None when unknown.

        Names of different kinds are not compared: a tool's default flow name ("Message
        Flow 1") says nothing against the other tool's message name.
        """
        known = [(a, b) for a, b in zip(names_a, names_b, strict=True) if a and b]
        if not known:
            return None
        return any(self.terms.key(a) == self.terms.key(b) for a, b in known)


def _quoted(names: tuple[str, str]) -> Sentence:
    """A message for the sentences: the name of the message it carries, else the flow's name, quoted."""
    name = names[1] or names[0]
    return {"sv": f"'{name}'", "en": f"'{name}'"} if name else _A_MESSAGE
