"""The rollout overview: many units compared with one standard (no Qt).

The region asks which standard steps most units miss. :func:`build_overview` counts, for
every practice step of the standard, the units whose local process lacks it (a
``missing_step`` change names it), and sums up each unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..comparison import Comparison
from ..diff import Category, ChangeSeverity
from .tables import Table

__all__ = ["MissedStep", "Overview", "UnitSummary", "build_overview"]

_STEP_HEADERS = {
    "sv": ("Standardsteg", "Id", "Enheter som saknar steget", "Andel", "Enheter"),
    "en": ("Standard step", "Id", "Units missing the step", "Share", "Units"),
}
_UNIT_HEADERS = {
    "sv": ("Enhet", "Matchade steg", "Standardsteg", "Ändringar", "Måste ändras", "Ej beslutade"),
    "en": ("Unit", "Matched steps", "Standard steps", "Changes", "Must change", "Open decisions"),
}
_TITLES = {"sv": ("Saknade steg", "Enheter"), "en": ("Missed steps", "Units")}


@dataclass(frozen=True)
class MissedStep:
    """A practice step of the standard and the units that miss it."""

    step_id: str
    label: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class UnitSummary:
    """One unit's comparison in figures."""

    unit: str
    matched_steps: int
    standard_steps: int
    changes: int
    must_change: int
    open_decisions: int


@dataclass(frozen=True)
class Overview:
    """The rollout view of one standard over several units.

    Attributes
    ----------
    standard : str
        The standard's display name.
    steps : tuple of MissedStep
        Every practice step of the standard, the most often missed first.
    units : tuple of UnitSummary
        In the order given.
    """

    standard: str
    steps: tuple[MissedStep, ...]
    units: tuple[UnitSummary, ...]

    def tables(self, language: str) -> tuple[Table, Table]:
        """The missed steps and the units as tables in ``language``."""
        count = max(1, len(self.units))
        steps = tuple((step.label, step.step_id, str(len(step.units)), f"{round(100 * len(step.units) / count)} %",
                       ", ".join(step.units)) for step in self.steps)
        units = tuple((u.unit, str(u.matched_steps), str(u.standard_steps), str(u.changes), str(u.must_change),
                       str(u.open_decisions)) for u in self.units)
        return (Table(_TITLES[language][0], _STEP_HEADERS[language], steps, (40, 16, 14, 8, 60)),
                Table(_TITLES[language][1], _UNIT_HEADERS[language], units, (36, 14, 14, 12, 14, 14)))


def build_overview(units: Sequence[tuple[str, Comparison]], language: str) -> Overview:
    """Count which standard steps the units miss.

    Parameters
    ----------
    units
        (unit name, its comparison with the standard) pairs; all compare the same standard.
    language
        For the steps' labels.

    Raises
    ------
    ValueError
        When ``units`` is empty.
    """
    if not units:
        raise ValueError("an overview needs at least one unit")
    first = units[0][1]
    namer = first.namer()
    practice = first.differ.standard.facts.practice_steps
    order = [step for step in first.differ.standard.graph.steps if step in practice]
    missing: dict[str, list[str]] = {step: [] for step in order}
    summaries = []
    for unit, comparison in units:
        result = comparison.result()
        for change in result.changes:
            if change.category is Category.MISSING_STEP:
                for step in change.standard_elements:
                    if step in missing and unit not in missing[step]:
                        missing[step].append(unit)
        summary = comparison.summary()
        summaries.append(UnitSummary(unit, summary.matched_steps, summary.standard_steps, summary.changes,
                                     summary.by_severity.get(ChangeSeverity.MUST, 0), summary.open_decisions))
    steps = sorted((MissedStep(step, namer.name(0, step, language), tuple(missing[step])) for step in order),
                   key=lambda step: -len(step.units))
    return Overview(first.standard.display_name, tuple(steps), tuple(summaries))
