"""One core edit as one ``QUndoCommand`` (gui layer)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ...core.editing import Edit


class EditCommand(QUndoCommand):
    """Wraps a built, not yet applied :class:`~process_mapper.core.editing.Edit`.

    ``QUndoStack.push`` calls :meth:`redo` at once, which applies the edit; undo reverts
    it. The command's text (what Edit > Undo shows) is the edit's name in ``language``.

    Parameters
    ----------
    edit
        The edit to apply on push.
    language
        ``sv`` or ``en``: which of the edit's names to show.
    """

    def __init__(self, edit: Edit, language: str) -> None:
        super().__init__(edit.name.get(language) or edit.name["en"])
        self.edit = edit

    def redo(self) -> None:
        self.edit.apply()

    def undo(self) -> None:
        self.edit.revert()
