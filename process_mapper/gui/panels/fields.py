"""Input fields that commit a finished value, never a keystroke (gui layer).

Each field emits ``committed`` once the user is done: Enter, or leaving the field. The
properties panel turns every commit into one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QPlainTextEdit, QWidget

#: Lines of documentation visible without scrolling.
DOCUMENTATION_LINES = 4


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed when the field loses focus or on Ctrl+Enter (Enter adds a line)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        self.setFixedHeight(
            DOCUMENTATION_LINES * line + 2 * round(self.document().documentMargin()) + margins.top() + margins.bottom()
        )

    def set_text(self, text: str) -> None:
        """Show ``text`` without committing it (the cursor stays where it was when unchanged)."""
        if text != self.toPlainText():
            self.setPlainText(text)
        self.document().setModified(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self._commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the context menu keeps the edit going
            self._commit()

    def _commit(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.committed.emit(self.toPlainText())


class SuggestionCombo(QComboBox):
    """Free text with suggestions; commits on Enter, on leaving it and on choosing a suggestion."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        completer = self.completer()
        assert completer is not None
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._shown = ""
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(self._commit)
        self.textActivated.connect(lambda _text: self._commit())

    def set_placeholder(self, text: str) -> None:
        """The grey hint shown while the field is empty."""
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(text)

    def set_value(self, value: str, suggestions: list[str]) -> None:
        """Show ``value`` with ``suggestions`` in the list, without committing anything."""
        self.blockSignals(True)
        self.clear()
        self.addItems(suggestions)
        self.setCurrentIndex(-1)
        self.setEditText(value)
        self.blockSignals(False)
        self._shown = value

    def _commit(self) -> None:
        value = self.currentText().strip()
        if value != self._shown:
            self._shown = value
            self.committed.emit(value)
