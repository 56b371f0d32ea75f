"""The editing session of one open document: its editor and undo stack (gui layer)."""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.editing import DocumentEditor, Edit, EditRefused
from ...core.model import BpmnDocument
from ..i18n import interface_language
from .commands import EditCommand


class EditingSession(QObject):
    """Edits one document through undoable commands.

    Every change of the model goes through :meth:`perform`: it asks the core editor to
    build an edit, and pushes it onto :attr:`undo_stack` (which applies it). A refused
    edit changes nothing and emits :attr:`refused` with the reason in the interface
    language, for the status bar.

    Parameters
    ----------
    document
        The document to edit.
    parent
        The owning Qt object.
    rng
        Randomness for new ids (a seeded ``random.Random`` makes them repeatable).
    """

    #: Element ids added, removed or changed by an apply or a revert.
    elements_added = Signal(tuple)
    elements_removed = Signal(tuple)
    elements_changed = Signal(tuple)
    #: Auto-layout replaced the diagrams (or its undo put them back): reload the view.
    diagrams_replaced = Signal()
    #: An edit was refused, with the reason in the interface language.
    refused = Signal(str)

    def __init__(self, document: BpmnDocument, parent: QObject | None = None, rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.editor = DocumentEditor(document, rng)
        self.undo_stack = QUndoStack(self)
        signals = self.editor.signals
        signals.element_added.connect(self.elements_added.emit)
        signals.element_removed.connect(self.elements_removed.emit)
        signals.element_changed.connect(self.elements_changed.emit)
        signals.diagrams_replaced.connect(lambda _none: self.diagrams_replaced.emit())

    def perform(self, build: Callable[[DocumentEditor], Edit]) -> Edit | None:
        """Build an edit with ``build(editor)`` and apply it as one undoable command.

        Parameters
        ----------
        build
            For example ``lambda editor: editor.rename("Task_1", "Ta emot remiss")``.

        Returns
        -------
        Edit | None
            The applied edit; None when it was refused or changes nothing.
        """
        try:
            edit = build(self.editor)
        except EditRefused as refusal:
            self.refused.emit(refusal.reason.get(interface_language()) or refusal.reason["en"])
            return None
        if edit.is_empty:
            return None
        self.undo_stack.push(EditCommand(edit, interface_language()))
        return edit

    def is_modified(self) -> bool:
        """Whether there are edits since the last save (or since opening)."""
        return not self.undo_stack.isClean()
