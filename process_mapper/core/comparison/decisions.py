"""Workshop decisions on practice changes (core layer, no Qt).

In a workshop the unit decides, change by change, whether to adopt the standard, keep its
own way of working (which needs a justification) or investigate first, and who does it by
when. A :class:`WorkshopDecision` is attached to a change by the change's stable id
(``docs/diff-json.md``) and also records the change as it was when decided (category,
elements, sentence), so that a decision whose change no longer exists after the models
were edited can still be shown for what it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from ..diff import Category, ChangeSeverity, PracticeChange

__all__ = ["DECISION_NAMES", "Decision", "WorkshopDecision"]


class Decision(str, Enum):
    """What the unit decided about a change."""

    OPEN = "open"
    ADOPT = "adopt"
    KEEP = "keep"
    INVESTIGATE = "investigate"


#: How reports and the interface name the decisions, per language.
DECISION_NAMES: dict[Decision, dict[str, str]] = {
    Decision.OPEN: {"sv": "Ej beslutad", "en": "Open"},
    Decision.ADOPT: {"sv": "Inför standarden", "en": "Adopt the standard"},
    Decision.KEEP: {"sv": "Behåll lokal avvikelse", "en": "Keep the local deviation"},
    Decision.INVESTIGATE: {"sv": "Utred", "en": "Investigate"},
}


@dataclass(frozen=True)
class WorkshopDecision:
    """The decision on one practice change, and the change as it was when decided.

    Attributes
    ----------
    change_id : str
        The id of the change (stable across re-diffs).
    decision : Decision
        Open, adopt, keep or investigate.
    justification : str
        Why the local deviation is kept; required for :attr:`Decision.KEEP`.
    owner : str
        Who sees to it.
    due_date : date or None
        By when.
    comment : str
        Free notes from the workshop.
    updated : datetime
        When the decision was last changed (UTC, whole seconds).
    category : Category
        The change's category when decided.
    severity : ChangeSeverity
        The change's severity when decided.
    standard_elements, local_elements : tuple of str
        The change's elements when decided.
    summary : dict of str to str
        The change's sentence (``sv``, ``en``) when decided.
    """

    change_id: str
    decision: Decision
    updated: datetime
    category: Category
    severity: ChangeSeverity
    standard_elements: tuple[str, ...]
    local_elements: tuple[str, ...]
    summary: dict[str, str]
    justification: str = ""
    owner: str = ""
    due_date: date | None = None
    comment: str = ""

    def __post_init__(self) -> None:
        if self.decision is Decision.KEEP and not self.justification.strip():
            raise ValueError("keeping the local deviation needs a justification")

    @classmethod
    def on(
        cls,
        change: PracticeChange,
        decision: Decision,
        updated: datetime,
        *,
        justification: str = "",
        owner: str = "",
        due_date: date | None = None,
        comment: str = "",
    ) -> WorkshopDecision:
        """A decision on ``change``, recording the change as it is now.

        Raises
        ------
        ValueError
            When ``decision`` is :attr:`Decision.KEEP` without a justification.
        """
        return cls(change.id, decision, updated, change.category, change.severity, change.standard_elements,
                   change.local_elements, dict(change.summary), justification, owner, due_date, comment)

    @property
    def is_open(self) -> bool:
        """True while nothing is decided (:attr:`Decision.OPEN`)."""
        return self.decision is Decision.OPEN
