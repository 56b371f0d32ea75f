"""The undoable edit: one user intent as a named list of changes (core layer, no Qt).

Life cycle
----------
1. An operation of :class:`~.editor.DocumentEditor` checks the rules, then *builds* an
   :class:`Edit` from the document as it is: the primary change and every follow-up its
   behaviours ask for (flows of a deleted task, its lane references, its drawings, ...).
   Building changes nothing; a refused operation raises :class:`EditRefused`.
2. :meth:`Edit.apply` runs the changes in order, then notifies the listeners once.
3. :meth:`Edit.revert` runs them backwards, restoring what each recorded.
4. ``apply`` may run again after ``revert`` (redo) and gives the same tree.

Edits assume a linear history, as an undo stack keeps it: an edit is applied to the tree
it was built from, and reverted only after every edit applied after it was reverted. The
Qt layer wraps each edit in a ``QUndoCommand`` whose ``redo``/``undo`` call
``apply``/``revert``; the edit never starts another edit itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model.document import BpmnDocument
from ..model.issues import Issue
from .changes import Change, ElementChanges
from .names import Sentence


class EditRefused(Exception):
    """An operation the rules do not allow, with the reason in English and Swedish.

    Parameters
    ----------
    reason
        ``{"en": ..., "sv": ...}``: a short sentence for the status bar or a message box.
    """

    def __init__(self, reason: Sentence) -> None:
        super().__init__(reason["en"])
        self.reason = reason


class EditStateError(RuntimeError):
    """``apply`` on an applied edit, or ``revert`` on one that is not applied."""


class Edit:
    """One undoable edit: a stable kind, a bilingual name and the changes it makes.

    Parameters
    ----------
    kind
        A stable ``noun.verb`` id such as ``shape.create``, for hooks and logs.
    name
        What the Edit menu shows: ``{"en": "Add User Task", "sv": "Lägg till användaraktivitet"}``.
    changes
        The primitive changes, in the order they are applied.
    document
        The document the changes belong to; its lookups are invalidated after each run.
    notify
        Called with the element changes after every apply and revert.
    notes
        Findings made while building that the user may want to see (auto-layout warnings).
    """

    def __init__(
        self,
        kind: str,
        name: Sentence,
        changes: Sequence[Change],
        document: BpmnDocument,
        notify: Callable[[ElementChanges], None],
        notes: Sequence[Issue] = (),
    ) -> None:
        self.kind = kind
        self.name = name
        self.changes = tuple(changes)
        self.document = document
        self._notify = notify
        self.notes = tuple(notes)
        self.applied = False

    @property
    def is_empty(self) -> bool:
        """True when the edit changes nothing (an undo stack need not keep it)."""
        return not self.changes

    def apply(self) -> ElementChanges:
        """Make the changes (do or redo) and notify the listeners.

        Returns
        -------
        ElementChanges
            What changed, by element id.

        Raises
        ------
        EditStateError
            When the edit is applied already.
        """
        if self.applied:
            raise EditStateError(f"{self.kind} is applied already")
        done: list[Change] = []
        try:
            for change in self.changes:
                change.apply()
                done.append(change)
        except BaseException:
            for change in reversed(done):  # leave the tree as it was, then report the bug
                change.revert()
            self.document.invalidate()
            raise
        self.applied = True
        return self._finish(inverted=False)

    def revert(self) -> ElementChanges:
        """Undo the changes and notify the listeners.

        Raises
        ------
        EditStateError
            When the edit is not applied.
        """
        if not self.applied:
            raise EditStateError(f"{self.kind} is not applied")
        for change in reversed(self.changes):
            change.revert()
        self.applied = False
        return self._finish(inverted=True)

    def _finish(self, inverted: bool) -> ElementChanges:
        """Refresh the document's lookups and tell the listeners what changed."""
        self.document.invalidate()
        effect = ElementChanges()
        for change in self.changes:
            effect.merge(change.effect())
        settled = effect.settled()
        if inverted:
            settled = settled.inverted()
        self._notify(settled)
        return settled

    def __repr__(self) -> str:
        return f"Edit({self.kind!r}, {self.name['en']!r}, {len(self.changes)} changes)"
