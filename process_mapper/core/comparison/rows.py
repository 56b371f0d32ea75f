"""The change list as rows for people: the compare window, reports, CSV and XLSX (no Qt).

One :class:`ChangeRow` per practice change holds everything a row of the change list or
of an action plan shows, in one language: category, severity, the step on each side by
its label, the explanation and the workshop decision. :class:`ElementNamer` names the
elements of a change the way the diff's sentences do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ..diff import Category, ChangeSeverity, MatchResult, ProcessGraph
from ..diff.wording import name_step
from ..model import BpmnDocument
from .decisions import DECISION_NAMES, Decision, WorkshopDecision

__all__ = ["CATEGORY_NAMES", "SEVERITY_NAMES", "ChangeRow", "ElementNamer"]

#: How reports and the interface name the categories, per language.
CATEGORY_NAMES: dict[Category, dict[str, str]] = {
    Category.MISSING_STEP: {"sv": "Saknat steg", "en": "Missing step"},
    Category.EXTRA_STEP: {"sv": "Extra steg", "en": "Extra step"},
    Category.ROLE_CHANGE: {"sv": "Annan roll", "en": "Other role"},
    Category.ORDER_CHANGE: {"sv": "Annan ordning", "en": "Other order"},
    Category.DECISION_CHANGE: {"sv": "Annat beslut", "en": "Other decision"},
    Category.MEDIUM_CHANGE: {"sv": "Annat system eller medium", "en": "Other system or medium"},
    Category.DEADLINE_CHANGE: {"sv": "Annan tidsgräns", "en": "Other time limit"},
    Category.MESSAGE_CHANGE: {"sv": "Annat meddelande", "en": "Other message"},
    Category.DATA_CHANGE: {"sv": "Andra uppgifter", "en": "Other data"},
    Category.RENAMED_STEP: {"sv": "Annan benämning", "en": "Other wording"},
}

#: How reports and the interface name the severities, per language.
SEVERITY_NAMES: dict[ChangeSeverity, dict[str, str]] = {
    ChangeSeverity.MUST: {"sv": "Måste ändras", "en": "Must change"},
    ChangeSeverity.REVIEW: {"sv": "Granska", "en": "Review"},
    ChangeSeverity.INFO: {"sv": "För kännedom", "en": "For information"},
}


@dataclass(frozen=True)
class ChangeRow:
    """One practice change with its decision, in one language.

    Attributes
    ----------
    change_id : str
        The change's stable id.
    category, severity : Category, ChangeSeverity
        As the diff reports them; :attr:`category_name` and :attr:`severity_name` name them.
    standard_step, local_step : str
        The step the change is about on each side (with the steps matched together with
        it), by label; ``""`` where the side has none.
    explanation : str
        The diff's sentence.
    decision : Decision
        :attr:`Decision.OPEN` when nothing is recorded; :attr:`decision_name` names it.
    justification, owner, comment : str
        From the decision, ``""`` when none.
    due_date : date or None
        From the decision.
    updated : datetime or None
        When the decision was last changed; None when none is recorded.
    """

    change_id: str
    category: Category
    category_name: str
    severity: ChangeSeverity
    severity_name: str
    standard_step: str
    local_step: str
    explanation: str
    decision: Decision
    decision_name: str
    justification: str
    owner: str
    due_date: date | None
    comment: str
    updated: datetime | None

    @property
    def is_open(self) -> bool:
        """True while nothing is decided."""
        return self.decision is Decision.OPEN

    @classmethod
    def of(
        cls,
        change_id: str,
        category: Category,
        severity: ChangeSeverity,
        steps: tuple[str, str],
        explanation: str,
        decision: WorkshopDecision | None,
        language: str,
    ) -> ChangeRow:
        """A row from a change's parts and its decision (None when none is recorded)."""
        chosen = decision.decision if decision else Decision.OPEN
        return cls(
            change_id, category, CATEGORY_NAMES[category][language], severity, SEVERITY_NAMES[severity][language],
            steps[0], steps[1], explanation, chosen, DECISION_NAMES[chosen][language],
            decision.justification if decision else "", decision.owner if decision else "",
            decision.due_date if decision else None, decision.comment if decision else "",
            decision.updated if decision else None,
        )


class ElementNamer:
    """Names the elements of changes: steps by label, the rest by name, else by id.

    Parameters
    ----------
    standard, local : ProcessGraph
        The step graphs of the two models.
    documents : tuple of BpmnDocument
        The standard's and the local model's documents, for elements that are no steps
        (message flows, data references).
    matches : MatchResult
        The current match, to name a split or merged step with all its parts.
    """

    def __init__(
        self,
        standard: ProcessGraph,
        local: ProcessGraph,
        documents: tuple[BpmnDocument, BpmnDocument],
        matches: MatchResult,
    ) -> None:
        self._graphs = (standard, local)
        self._documents = documents
        self._groups: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
        for match in matches.matches:
            for a in match.a_ids:
                self._groups[0][a] = match.a_ids
            for b in match.b_ids:
                self._groups[1][b] = match.b_ids

    def name(self, side: int, element_id: str, language: str) -> str:
        """The label of an element of side 0 (standard) or 1 (local), as the sentences name it."""
        step = self._graphs[side].steps.get(element_id)
        if step is not None:
            return step.label or name_step(step)[language]
        record = self._documents[side].get(element_id)
        name = getattr(record, "name", None)
        return " ".join(name.split()) if name and name.strip() else element_id

    def main_step(self, side: int, elements: Sequence[str], language: str) -> str:
        """The element a change is about, with the elements matched together with it, by name.

        A step split in two on the local side gives both local labels, joined by ``" + "``;
        related elements (timers, message flows, other steps) are left out.
        """
        if not elements:
            return ""
        group = self._groups[side].get(elements[0], (elements[0],))
        shown = [element for element in elements if element in group]
        return " + ".join(self.name(side, element, language) for element in shown)
