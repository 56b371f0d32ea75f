"""The workshop decision on the chosen change: what, who, by when (gui layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.comparison import DECISION_NAMES, Decision, WorkshopDecision

#: Lines of comment shown before the field scrolls.
COMMENT_LINES = 3


@dataclass(frozen=True)
class DecisionInput:
    """What the user entered in the form for one change."""

    change_id: str
    decision: Decision
    justification: str
    owner: str
    due_date: date | None
    comment: str


class DecisionForm(QWidget):
    """Decision, justification, owner, due date and comment for one change; Record keeps them.

    Parameters
    ----------
    language
        The language of the decision names (``"sv"`` or ``"en"``).
    parent
        The owning widget.
    """

    #: The user asked to record the decision entered.
    submitted = Signal(object)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._change_id = ""
        self.decision = QComboBox(self)
        for decision in Decision:
            self.decision.addItem(DECISION_NAMES[decision][language], decision)
        self.justification = QLineEdit(self)
        self.justification.setPlaceholderText(self.tr("Required to keep the local deviation"))
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("Who sees to it"))
        self.has_due_date = QCheckBox(self.tr("By"), self)
        self.due_date = QDateEdit(self)
        self.due_date.setCalendarPopup(True)
        self.due_date.setDate(QDate.currentDate())
        self.due_date.setEnabled(False)
        self.has_due_date.toggled.connect(self.due_date.setEnabled)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * COMMENT_LINES + 12)
        self.record_button = QPushButton(self.tr("&Record Decision"), self)
        self.record_button.clicked.connect(self._submit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        due = QHBoxLayout()
        due.addWidget(self.has_due_date)
        due.addWidget(self.due_date, 1)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), self.decision)
        form.addRow(self.tr("Justification:"), self.justification)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.tr("Due date:"), due)
        form.addRow(self.tr("Comment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.record_button)
        self.show_decision("", None)

    def show_decision(self, change_id: str, decision: WorkshopDecision | None, editable: bool = True) -> None:
        """Fill the form with the decision on ``change_id`` (None: nothing recorded yet).

        Parameters
        ----------
        change_id
            The change ('' when none is chosen: the form is disabled).
        decision
            What is recorded on it.
        editable
            False for a decision that cannot be placed on a current change: shown, not changed.
        """
        self._change_id = change_id
        chosen = decision.decision if decision else Decision.OPEN
        self.decision.setCurrentIndex(self.decision.findData(chosen))
        self.justification.setText(decision.justification if decision else "")
        self.owner.setText(decision.owner if decision else "")
        due = decision.due_date if decision else None
        self.has_due_date.setChecked(due is not None)
        if due is not None:
            self.due_date.setDate(QDate(due.year, due.month, due.day))
        self.comment.setPlainText(decision.comment if decision else "")
        self.error_label.hide()
        self.setEnabled(bool(change_id) and editable)

    def entered(self) -> DecisionInput:
        """What the form holds now."""
        due = self.due_date.date()
        return DecisionInput(
            self._change_id,
            Decision(self.decision.currentData()),
            self.justification.text().strip(),
            self.owner.text().strip(),
            date(due.year(), due.month(), due.day()) if self.has_due_date.isChecked() else None,
            self.comment.toPlainText().strip(),
        )

    def show_error(self, text: str) -> None:
        """Say why the decision could not be recorded."""
        self.error_label.setText(text)
        self.error_label.show()

    def _submit(self) -> None:
        self.error_label.hide()
        entered = self.entered()
        if entered.decision is Decision.KEEP and not entered.justification:
            self.show_error(self.tr("Say why the local deviation is kept."))
            self.justification.setFocus()
            return
        self.submitted.emit(entered)
