"""Practice changes: what a unit must change to work as the standard says (core layer, no Qt).

A :class:`PracticeChange` is one finding of the diff between a regional STANDARD process
and a unit's LOCAL process, in the terms of a process owner: a missing step, a step done
by another role, a time limit that is not kept. Its :attr:`~PracticeChange.id` is
computed from the category and the element ids alone (:func:`change_id`), so a decision
recorded against a change in a workshop finds the same change again after the models
were edited and diffed anew.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .wording import Sentence

__all__ = ["Category", "ChangeSeverity", "PracticeChange", "change_id"]


class Category(str, Enum):
    """What kind of difference a practice change is (see ``docs/diff-json.md``)."""

    MISSING_STEP = "missing_step"
    EXTRA_STEP = "extra_step"
    ROLE_CHANGE = "role_change"
    ORDER_CHANGE = "order_change"
    DECISION_CHANGE = "decision_change"
    MEDIUM_CHANGE = "medium_change"
    DEADLINE_CHANGE = "deadline_change"
    MESSAGE_CHANGE = "message_change"
    DATA_CHANGE = "data_change"
    RENAMED_STEP = "renamed_step"


class ChangeSeverity(str, Enum):
    """How urgently the unit's practice must change, most urgent first."""

    MUST = "must"
    REVIEW = "review"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for ``must``, 1 for ``review``, 2 for ``info`` (for sorting)."""
        return list(ChangeSeverity).index(self)


@dataclass(frozen=True)
class PracticeChange:
    """One way in which the local process differs from the standard in practice.

    Attributes
    ----------
    id : str
        Stable identifier: ``<category>-<10 hex digits>`` from the category and the
        element ids (:func:`change_id`).
    category : Category
        The kind of difference.
    severity : ChangeSeverity
        ``must``, ``review`` or ``info``.
    standard_elements, local_elements : tuple of str
        Ids of the elements concerned in the standard and in the local model; the step
        the change is about comes first.
    summary : dict of str to str
        One sentence per language, ``{"sv": ..., "en": ...}``.
    """

    id: str
    category: Category
    severity: ChangeSeverity
    standard_elements: tuple[str, ...]
    local_elements: tuple[str, ...]
    summary: Sentence

    @classmethod
    def create(
        cls,
        category: Category,
        severity: ChangeSeverity,
        standard_elements: tuple[str, ...],
        local_elements: tuple[str, ...],
        summary: Sentence,
    ) -> PracticeChange:
        """A change whose id is computed from ``category`` and the elements."""
        return cls(change_id(category, standard_elements, local_elements), category, severity,
                   standard_elements, local_elements, summary)

    def to_json(self) -> dict[str, Any]:
        """Plain data in the documented JSON form."""
        return {
            "id": self.id,
            "category": self.category.value,
            "severity": self.severity.value,
            "standard_elements": list(self.standard_elements),
            "local_elements": list(self.local_elements),
            "summary": {"sv": self.summary["sv"], "en": self.summary["en"]},
        }


def change_id(category: Category, standard_elements: tuple[str, ...], local_elements: tuple[str, ...]) -> str:
    """The stable id of a change: its category and a digest of the sorted element ids.

    Examples
    --------
    >>> change_id(Category.MISSING_STEP, ("A_T14",), ())
    'missing_step-25694d1548'
    """
    text = "\x1f".join([category.value, *sorted(standard_elements), "\x1e", *sorted(local_elements)])
    return f"{category.value}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
