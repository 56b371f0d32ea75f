"""The dialog offering to restore the diagrams autosaved before a crash (gui layer)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .autosave import AutosavedDocument


class RestoreDialog(QDialog):
    """Lists the autosaved diagrams, each with a check box; Restore keeps the checked ones.

    Parameters
    ----------
    documents
        The autosaved documents of runs that did not quit cleanly.
    parent
        The main window.
    """

    def __init__(self, documents: Sequence[AutosavedDocument], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents = list(documents)
        self.setWindowTitle(self.tr("Restore Unsaved Diagrams"))
        intro = QLabel(
            self.tr(
                "Process Mapper did not quit properly last time. These diagrams had unsaved "
                "changes and were saved automatically. Restore the ones you want to keep; "
                "the others are discarded."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        locale = QLocale()
        for document in self._documents:
            saved_at = QDateTime.fromSecsSinceEpoch(int(document.saved_at.timestamp()))
            when = locale.toString(saved_at, QLocale.FormatType.ShortFormat)
            where = str(document.original_path) if document.original_path else self.tr("never saved")
            item = QListWidgetItem(
                self.tr("{title} — autosaved {time} ({file})").format(title=document.title, time=when, file=where)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton(self.tr("&Discard All"), QDialogButtonBox.ButtonRole.DestructiveRole)
        discard.clicked.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def chosen(self) -> list[AutosavedDocument]:
        """The documents checked for restoring."""
        return [
            document
            for row, document in enumerate(self._documents)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
