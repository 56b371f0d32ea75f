"""Choosing what to compare: a standard from the library and a local process (gui layer).

When a local process is chosen, the dialog asks the library which standard it fits best
(:meth:`~process_mapper.core.library.StandardLibrary.suggest`), selects that standard and
says why in one line under the list. For the shipped standards this takes about a tenth of
a second (the first time; the standards' step graphs are kept), so it runs on the spot
under a wait cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.library import LibraryEntry, StandardLibrary, Suggestion
from ...core.xmlio import BpmnReadError, read_bpmn
from ..files.read_problems import read_error_reason
from ..library_dock import by_group

_PATH_ROLE = Qt.ItemDataRole.UserRole
BPMN_FILTER = "*.bpmn *.xml"
#: Room for a standard's title and the one-line reason of the suggestion under the list.
STANDARD_LIST_WIDTH = 540


class CompareDialog(QDialog):
    """Pick the standard (from the library or a file) and the local process (an open file or another).

    Parameters
    ----------
    library
        The standard library: its standards are offered, and it suggests the one that fits
        the local process.
    open_files
        Saved files open in the main window, offered first for the local process.
    parent
        The owning widget.
    """

    def __init__(self, library: StandardLibrary, open_files: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.setWindowTitle(self.tr("Compare with a Standard"))
        self.standard_list = QListWidget(self)
        self.standard_list.setMinimumWidth(STANDARD_LIST_WIDTH)
        for entry in chain.from_iterable(by_group(library.scan().entries).values()):
            self._add_standard(entry.path, self._standard_text(entry), self._standard_tooltip(entry))
        browse_standard = QPushButton(self.tr("Other File…"), self)
        browse_standard.clicked.connect(self._browse_standard)
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setWordWrap(True)
        self.local_combo = QComboBox(self)
        self.local_combo.setMinimumContentsLength(40)
        for path in open_files:
            self.local_combo.addItem(path.name, str(path))
            self.local_combo.setItemData(self.local_combo.count() - 1, str(path), Qt.ItemDataRole.ToolTipRole)
        browse_local = QPushButton(self.tr("Browse…"), self)
        browse_local.clicked.connect(self._browse_local)
        standard_list_column = QVBoxLayout()
        standard_list_column.addWidget(self.standard_list, 1)
        standard_list_column.addWidget(self.suggestion_label)
        standard_row = QHBoxLayout()
        standard_row.addLayout(standard_list_column, 1)
        standard_row.addWidget(browse_standard, 0, Qt.AlignmentFlag.AlignTop)
        local_row = QHBoxLayout()
        local_row.addWidget(self.local_combo, 1)
        local_row.addWidget(browse_local)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Local process:"), local_row)
        layout.addRow(self.tr("Standard process:"), standard_row)
        layout.addRow(self.buttons)
        self.standard_list.currentItemChanged.connect(self._update_ok)
        self.local_combo.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def _standard_text(self, entry: LibraryEntry) -> str:
        if not entry.version:
            return entry.title
        return self.tr("{title} ({version})").format(title=entry.title, version=entry.version)

    def _standard_tooltip(self, entry: LibraryEntry) -> str:
        return "\n".join(part for part in (entry.identifier, entry.owner, str(entry.path)) if part)

    def _add_standard(self, path: Path, text: str, tooltip: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.standard_list)
        item.setData(_PATH_ROLE, str(path))
        item.setToolTip(tooltip)
        return item

    def _browse_standard(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Standard Process"), "",
                                              self.tr("BPMN files ({patterns})").format(patterns=BPMN_FILTER))
        if name:
            self.set_standard(Path(name))

    def _browse_local(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Local Process"), "",
                                              self.tr("BPMN files ({patterns})").format(patterns=BPMN_FILTER))
        if name:
            self.set_local(Path(name))

    def set_local(self, path: Path) -> None:
        """Choose ``path`` as the local process (and select the standard that fits it best)."""
        index = self.local_combo.findData(str(path))
        if index < 0:
            self.local_combo.addItem(path.name, str(path))
            index = self.local_combo.count() - 1
            self.local_combo.setItemData(index, str(path), Qt.ItemDataRole.ToolTipRole)
        self.local_combo.setCurrentIndex(index)

    def set_standard(self, path: Path) -> None:
        """Choose ``path`` as the standard (added to the list when not in the library)."""
        for row in range(self.standard_list.count()):
            if self.standard_list.item(row).data(_PATH_ROLE) == str(path):
                self.standard_list.setCurrentRow(row)
                return
        self.standard_list.setCurrentItem(self._add_standard(path, path.name, str(path)))

    def chosen(self) -> tuple[Path, Path] | None:
        """The (standard, local) files chosen, or None while either is missing."""
        item = self.standard_list.currentItem()
        local = self.local_combo.currentData()
        if item is None or not local:
            return None
        return Path(item.data(_PATH_ROLE)), Path(local)

    # --- the suggestion ---------------------------------------------------------------------

    def _suggest(self) -> None:
        """Select the standard that fits the chosen local process best, and say why."""
        for row in range(self.standard_list.count()):
            self._mark(self.standard_list.item(row), False)
        local = self.local_combo.currentData()
        suggestion = None
        if local:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                suggestion = self._best_fit(Path(local))
            finally:
                QApplication.restoreOverrideCursor()
        item = self._item(suggestion.entry.path) if isinstance(suggestion, Suggestion) else None
        if item is not None:
            self._mark(item, True)
            self.standard_list.setCurrentItem(item)
        elif self.standard_list.currentItem() is None and self.standard_list.count():
            self.standard_list.setCurrentRow(0)
        self.suggestion_label.setText(self._reason(suggestion) if local else "")
        self.suggestion_label.setVisible(bool(local))
        self._update_ok()

    def _best_fit(self, local: Path) -> Suggestion | str | None:
        """The library's best suggestion for ``local``; why it cannot be read; or None."""
        try:
            document = read_bpmn(local)
        except (BpmnReadError, OSError) as error:
            return read_error_reason(error)[0]
        suggestions = self._library.suggest(document, top=1)
        return suggestions[0] if suggestions else None

    def _reason(self, suggestion: Suggestion | str | None) -> str:
        """One line under the list: which standard fits best and why, or why none is suggested."""
        if isinstance(suggestion, str):
            return self.tr("No suggestion: the local process cannot be read. {reason}").format(reason=suggestion)
        if suggestion is None:
            return self.tr("No suggestion: the library is empty or the local process has no named steps.")
        title = suggestion.entry.title
        if not suggestion.matched_steps:
            return self.tr("Closest in wording: {title} — no local step has a clear counterpart").format(title=title)
        return self.tr("Fits best: {title} — {matched} of %n local step(s) have a counterpart", "",
                       suggestion.local_steps).format(title=title, matched=suggestion.matched_steps)

    def _item(self, path: Path) -> QListWidgetItem | None:
        return next((item for row in range(self.standard_list.count())
                     if (item := self.standard_list.item(row)).data(_PATH_ROLE) == str(path)), None)

    @staticmethod
    def _mark(item: QListWidgetItem, suggested: bool) -> None:
        font = QFont(item.font())
        font.setBold(suggested)
        item.setFont(font)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)
