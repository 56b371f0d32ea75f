"""A comparison of a local process with its regional standard, as a workshop works on it (no Qt).

A :class:`Comparison` holds the two models and their identities, the user's corrections
of the matcher (links: forced pairs; unlinks: forbidden pairs) and the workshop decisions
per change. It keeps one :class:`~process_mapper.core.diff.Differ`, so a link or unlink
re-runs only the assignment and the comparison of the steps (:meth:`Comparison.result`).

Decisions and links are never dropped because they do not fit the current models: a
decision whose change is not in the current result (the models were edited, or a link
made the change go away) is listed in :attr:`Comparison.unplaced_decisions`, a link naming
a step that no longer exists in :attr:`Comparison.unplaced_links`; both stay in the
comparison and in its file, and are placed again as soon as they fit.

Example
-------
::

    comparison = Comparison.create(Path("STD-REM-IN.bpmn"), Path("A-V1.bpmn"))
    comparison.link("A_T01", "UM_T01")
    change = comparison.ordered_changes()[0]
    comparison.decide(change.id, Decision.ADOPT, owner="Enhetschef", due_date=date(2026, 6, 1))
    save_comparison(comparison, Path("A-V1.pmcompare"))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from ..diff import (
    Category,
    ChangeSeverity,
    Differ,
    DiffResult,
    Match,
    PracticeChange,
    Thesaurus,
)
from ..model import BpmnDocument
from .decisions import Decision, WorkshopDecision
from .errors import Side
from .identity import FileIdentity, read_side
from .order import flow_order, in_process_order
from .rows import ChangeRow, ElementNamer

__all__ = ["Comparison", "ComparisonRecord", "ComparisonSummary", "FileStatus", "Link"]

Link = tuple[str, str]
"""A (standard step id, local step id) pair."""


@dataclass(frozen=True)
class ComparisonRecord:
    """Everything a comparison saves: the files' identities, links, unlinks and decisions.

    Two comparisons with equal records reopen the same; this is what the comparison file
    holds (``docs/comparison-file.md``).

    Attributes
    ----------
    standard, local : FileIdentity
        The two compared files.
    links, unlinks : tuple of Link
        Forced and forbidden (standard id, local id) pairs, in the order made.
    decisions : tuple of WorkshopDecision
        By change id.
    """

    standard: FileIdentity
    local: FileIdentity
    links: tuple[Link, ...] = ()
    unlinks: tuple[Link, ...] = ()
    decisions: tuple[WorkshopDecision, ...] = ()


@dataclass(frozen=True)
class FileStatus:
    """How a compared file was found when a comparison file was opened.

    Attributes
    ----------
    side : {"standard", "local"}
        Which file.
    changed : bool
        Its content differs from the recorded one (another SHA-256).
    moved : bool
        It was found elsewhere than at its recorded absolute path.
    recorded : FileIdentity
        The identity the comparison file recorded.
    """

    side: Side
    changed: bool
    moved: bool
    recorded: FileIdentity


@dataclass(frozen=True)
class ComparisonSummary:
    """The counts of a summary bar.

    Attributes
    ----------
    standard_steps : int
        Practice steps of the standard (see ``docs/diff-json.md``).
    matched_steps : int
        Of those, the ones matched with a local step.
    by_category : Mapping of Category to int
        Changes per category (every category, zero included).
    by_severity : Mapping of ChangeSeverity to int
        Changes per severity (every severity, zero included).
    by_decision : Mapping of Decision to int
        Changes per decision; a change without a recorded decision counts as open.
    unplaced_decisions : int
        Recorded decisions whose change is not in the current result.
    """

    standard_steps: int
    matched_steps: int
    by_category: Mapping[Category, int] = field(default_factory=dict)
    by_severity: Mapping[ChangeSeverity, int] = field(default_factory=dict)
    by_decision: Mapping[Decision, int] = field(default_factory=dict)
    unplaced_decisions: int = 0

    @property
    def changes(self) -> int:
        """All changes."""
        return sum(self.by_severity.values())

    @property
    def open_decisions(self) -> int:
        """Changes with nothing decided yet."""
        return self.by_decision.get(Decision.OPEN, 0)


class Comparison:
    """A standard and a local process compared, with the workshop's corrections and decisions.

    Build one with :meth:`create` (two BPMN files) or
    :func:`~.fileformat.load_comparison` (a comparison file).

    Parameters
    ----------
    standard, local : tuple of (BpmnDocument, FileIdentity)
        The two models as read, with their identities.
    links, unlinks : iterable of Link
        Forced and forbidden pairs; pairs naming a step that does not exist are kept
        but not applied (:attr:`unplaced_links`).
    decisions : iterable of WorkshopDecision
        Recorded decisions.
    thesaurus : Thesaurus or None
        For the matcher; None reads the shipped thesaurus.
    """

    def __init__(
        self,
        standard: tuple[BpmnDocument, FileIdentity],
        local: tuple[BpmnDocument, FileIdentity],
        *,
        links: Iterable[Link] = (),
        unlinks: Iterable[Link] = (),
        decisions: Iterable[WorkshopDecision] = (),
        thesaurus: Thesaurus | None = None,
    ) -> None:
        (self.standard_document, self.standard), (self.local_document, self.local) = standard, local
        self.differ = Differ(self.standard_document, self.local_document, thesaurus=thesaurus)
        self._flow_orders = (flow_order(self.differ.standard.graph), flow_order(self.differ.local.graph))
        self._links: list[Link] = list(dict.fromkeys(links))
        self._unlinks: list[Link] = list(dict.fromkeys(unlinks))
        self._decisions: dict[str, WorkshopDecision] = {d.change_id: d for d in decisions}
        #: The comparison file this comparison was opened from or last saved to.
        self.path: Path | None = None
        #: How the compared files were found when the comparison file was opened (empty otherwise).
        self.file_status: tuple[FileStatus, ...] = ()
        self._result = self._diff()

    @classmethod
    def create(cls, standard: Path, local: Path, *, thesaurus: Thesaurus | None = None) -> Comparison:
        """Compare two BPMN files afresh.

        Raises
        ------
        ComparisonFileError
            When either file cannot be read; :attr:`~.ComparisonFileError.side` says which.
        """
        return cls(read_side(standard, "standard"), read_side(local, "local"), thesaurus=thesaurus)

    # --- what is compared -----------------------------------------------------------------------

    @property
    def record(self) -> ComparisonRecord:
        """Everything the comparison file saves."""
        return ComparisonRecord(self.standard, self.local, tuple(self._links), tuple(self._unlinks),
                                tuple(self._decisions[key] for key in sorted(self._decisions)))

    @property
    def changed_files(self) -> tuple[Side, ...]:
        """The sides whose file changed since the comparison file was saved."""
        return tuple(status.side for status in self.file_status if status.changed)

    @property
    def moved_files(self) -> tuple[Side, ...]:
        """The sides whose file was found elsewhere than where the comparison file recorded it."""
        return tuple(status.side for status in self.file_status if status.moved)

    # --- correcting the matcher -----------------------------------------------------------------

    @property
    def links(self) -> tuple[Link, ...]:
        """Forced (standard id, local id) pairs, in the order made."""
        return tuple(self._links)

    @property
    def unlinks(self) -> tuple[Link, ...]:
        """Forbidden (standard id, local id) pairs, in the order made."""
        return tuple(self._unlinks)

    @property
    def unplaced_links(self) -> tuple[tuple[str, Link], ...]:
        """Links and unlinks naming a step that no longer exists: ``("link" or "unlink", pair)``."""
        return tuple((kind, pair) for kind, pairs in (("link", self._links), ("unlink", self._unlinks))
                     for pair in pairs if not self._applies(pair))

    def link(self, standard_id: str, local_id: str) -> DiffResult:
        """Match a standard step with a local step, whatever the matcher thinks.

        Linking a step to several steps on the other side makes a split (or merge). An
        unlink of the same pair is lifted.

        Raises
        ------
        KeyError
            When either id is not a step of its model.
        """
        pair = self._checked(standard_id, local_id)
        if pair in self._unlinks:
            self._unlinks.remove(pair)
        if pair not in self._links:
            self._links.append(pair)
        return self._recompute()

    def unlink(self, standard_id: str, local_id: str) -> DiffResult:
        """Forbid matching a standard step with a local step; a link of the same pair is lifted.

        Raises
        ------
        KeyError
            When either id is not a step of its model.
        """
        pair = self._checked(standard_id, local_id)
        if pair in self._links:
            self._links.remove(pair)
        if pair not in self._unlinks:
            self._unlinks.append(pair)
        return self._recompute()

    def remove_link(self, standard_id: str, local_id: str) -> DiffResult:
        """Lift a link or an unlink of this pair (placed or not): the matcher decides again.

        Raises
        ------
        KeyError
            When the pair is neither linked nor unlinked.
        """
        pair = (standard_id, local_id)
        if pair not in self._links and pair not in self._unlinks:
            raise KeyError(f"{standard_id!r} and {local_id!r} are neither linked nor unlinked")
        self._links = [p for p in self._links if p != pair]
        self._unlinks = [p for p in self._unlinks if p != pair]
        return self._recompute()

    def _checked(self, standard_id: str, local_id: str) -> Link:
        if standard_id not in self.differ.standard.graph.steps:
            raise KeyError(f"no step {standard_id!r} in the standard process")
        if local_id not in self.differ.local.graph.steps:
            raise KeyError(f"no step {local_id!r} in the local process")
        return standard_id, local_id

    def _applies(self, pair: Link) -> bool:
        return pair[0] in self.differ.standard.graph.steps and pair[1] in self.differ.local.graph.steps

    # --- the diff -------------------------------------------------------------------------------

    def result(self) -> DiffResult:
        """The current match and practice changes (recomputed on every link and unlink)."""
        return self._result

    def _diff(self) -> DiffResult:
        return self.differ.diff([p for p in self._links if self._applies(p)],
                                [p for p in self._unlinks if self._applies(p)])

    def _recompute(self) -> DiffResult:
        self._result = self._diff()
        return self._result

    def change(self, change_id: str) -> PracticeChange:
        """The current change with this id.

        Raises
        ------
        KeyError
            When the current result has no such change.
        """
        found = next((c for c in self._result.changes if c.id == change_id), None)
        if found is None:
            raise KeyError(f"no change {change_id!r} in the current comparison")
        return found

    def match_of(self, side: Side, step_id: str) -> Match | None:
        """The current match holding a step of ``side`` (its counterparts and why), or None."""
        ids = "a_ids" if side == "standard" else "b_ids"
        return next((m for m in self._result.matches.matches if step_id in getattr(m, ids)), None)

    def ordered_changes(self) -> tuple[PracticeChange, ...]:
        """The current changes in process order, for Next and Previous (see :mod:`.order`)."""
        return in_process_order(self._result.changes, self._result.matches, *self._flow_orders)

    # --- workshop decisions ---------------------------------------------------------------------

    @property
    def decisions(self) -> Mapping[str, WorkshopDecision]:
        """Every recorded decision by change id, placed or not."""
        return dict(self._decisions)

    def decision(self, change_id: str) -> WorkshopDecision | None:
        """The decision recorded on a change, or None."""
        return self._decisions.get(change_id)

    def decide(
        self,
        change_id: str,
        decision: Decision,
        *,
        justification: str = "",
        owner: str = "",
        due_date: date | None = None,
        comment: str = "",
    ) -> WorkshopDecision:
        """Record (or replace) the decision on a current change, stamped with the time now.

        Raises
        ------
        KeyError
            When the current result has no such change.
        ValueError
            When the local deviation is kept without a justification.
        """
        made = WorkshopDecision.on(self.change(change_id), decision, datetime.now(UTC).replace(microsecond=0),
                                   justification=justification.strip(), owner=owner.strip(), due_date=due_date,
                                   comment=comment.strip())
        previous = self._decisions.get(change_id)
        if previous is not None and replace(previous, updated=made.updated) == made:
            return previous  # nothing changed: keep the time it was last changed
        self._decisions[change_id] = made
        return made

    def forget_decision(self, change_id: str) -> None:
        """Remove the decision on a change, placed or not (an unplaced one is then lost).

        Raises
        ------
        KeyError
            When no decision is recorded on it.
        """
        del self._decisions[change_id]

    @property
    def unplaced_decisions(self) -> tuple[WorkshopDecision, ...]:
        """Recorded decisions whose change is not in the current result, by change id.

        Each carries the change as it was when decided (category, elements, sentence).
        """
        current = {change.id for change in self._result.changes}
        return tuple(self._decisions[key] for key in sorted(self._decisions) if key not in current)

    # --- what the interface and the reports show ------------------------------------------------

    def summary(self) -> ComparisonSummary:
        """The counts of the summary bar for the current result."""
        result = self._result
        practice = self.differ.standard.facts.practice_steps
        matched = {a for a, _ in result.matches.pairs()} & set(practice)
        decisions = Counter(self._decided(change.id) for change in result.changes)
        return ComparisonSummary(
            standard_steps=len(practice),
            matched_steps=len(matched),
            by_category={category: sum(c.category is category for c in result.changes) for category in Category},
            by_severity={severity: sum(c.severity is severity for c in result.changes) for severity in ChangeSeverity},
            by_decision={decision: decisions[decision] for decision in Decision},
            unplaced_decisions=len(self.unplaced_decisions),
        )

    def _decided(self, change_id: str) -> Decision:
        found = self._decisions.get(change_id)
        return found.decision if found else Decision.OPEN

    def rows(self, language: str) -> tuple[ChangeRow, ...]:
        """One row per current change, in process order, in ``language`` (``"sv"`` or ``"en"``)."""
        namer = self.namer()
        return tuple(
            ChangeRow.of(change.id, change.category, change.severity,
                         (namer.main_step(0, change.standard_elements, language),
                          namer.main_step(1, change.local_elements, language)),
                         change.summary[language], self._decisions.get(change.id), language)
            for change in self.ordered_changes()
        )

    def unplaced_rows(self, language: str) -> tuple[ChangeRow, ...]:
        """One row per unplaced decision, from the change as it was when decided.

        Steps that still exist are named by their current label, the others by id.
        """
        namer = self.namer()
        return tuple(
            ChangeRow.of(d.change_id, d.category, d.severity,
                         (namer.main_step(0, d.standard_elements, language),
                          namer.main_step(1, d.local_elements, language)),
                         d.summary[language], d, language)
            for d in self.unplaced_decisions
        )

    def namer(self) -> ElementNamer:
        """Names the elements of both models (labels of steps) for the current match."""
        return ElementNamer(self.differ.standard.graph, self.differ.local.graph,
                            (self.standard_document, self.local_document), self._result.matches)
