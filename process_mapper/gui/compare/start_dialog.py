"""Choosing what to compare: a standard from the library and a local process (gui layer)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ..library_dock import LibraryEntry

_PATH_ROLE = Qt.ItemDataRole.UserRole
BPMN_FILTER = "*.bpmn *.xml"


class CompareDialog(QDialog):
    """Pick the standard (from the library or a file) and the local process (an open file or another).

    Parameters
    ----------
    standards
        The library's processes.
    open_files
        Saved files open in the main window, offered first for the local process.
    parent
        The owning widget.
    """

    def __init__(self, standards: Sequence[LibraryEntry], open_files: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with a Standard"))
        self.standard_list = QListWidget(self)
        for entry in standards:
            self._add_standard(entry.path, entry.title)
        browse_standard = QPushButton(self.tr("Other File…"), self)
        browse_standard.clicked.connect(self._browse_standard)
        self.local_combo = QComboBox(self)
        self.local_combo.setMinimumContentsLength(40)
        for path in open_files:
            self.local_combo.addItem(path.name, str(path))
            self.local_combo.setItemData(self.local_combo.count() - 1, str(path), Qt.ItemDataRole.ToolTipRole)
        browse_local = QPushButton(self.tr("Browse…"), self)
        browse_local.clicked.connect(self._browse_local)
        standard_row = QHBoxLayout()
        standard_row.addWidget(self.standard_list, 1)
        standard_row.addWidget(browse_standard, 0, Qt.AlignmentFlag.AlignTop)
        local_row = QHBoxLayout()
        local_row.addWidget(self.local_combo, 1)
        local_row.addWidget(browse_local)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Standard process:"), standard_row)
        layout.addRow(self.tr("Local process:"), local_row)
        layout.addRow(self.buttons)
        self.standard_list.currentItemChanged.connect(self._update_ok)
        self.local_combo.currentIndexChanged.connect(self._update_ok)
        if self.standard_list.count():
            self.standard_list.setCurrentRow(0)
        self._update_ok()

    def _add_standard(self, path: Path, title: str) -> QListWidgetItem:
        item = QListWidgetItem(title, self.standard_list)
        item.setData(_PATH_ROLE, str(path))
        item.setToolTip(str(path))
        return item

    def _browse_standard(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Standard Process"), "",
                                              self.tr("BPMN files ({patterns})").format(patterns=BPMN_FILTER))
        if name:
            self.standard_list.setCurrentItem(self._add_standard(Path(name), Path(name).name))

    def _browse_local(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Local Process"), "",
                                              self.tr("BPMN files ({patterns})").format(patterns=BPMN_FILTER))
        if name:
            self.set_local(Path(name))

    def set_local(self, path: Path) -> None:
        """Choose ``path`` as the local process."""
        index = self.local_combo.findData(str(path))
        if index < 0:
            self.local_combo.addItem(path.name, str(path))
            index = self.local_combo.count() - 1
        self.local_combo.setCurrentIndex(index)

    def set_standard(self, path: Path) -> None:
        """Choose ``path`` as the standard (added to the list when not in the library)."""
        for row in range(self.standard_list.count()):
            if self.standard_list.item(row).data(_PATH_ROLE) == str(path):
                self.standard_list.setCurrentRow(row)
                return
        self.standard_list.setCurrentItem(self._add_standard(path, path.name))

    def chosen(self) -> tuple[Path, Path] | None:
        """The (standard, local) files chosen, or None while either is missing."""
        item = self.standard_list.currentItem()
        local = self.local_combo.currentData()
        if item is None or not local:
            return None
        return Path(item.data(_PATH_ROLE)), Path(local)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)
