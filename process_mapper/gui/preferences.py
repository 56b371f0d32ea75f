"""The Preferences dialog: interface language, autosave interval, library folders (gui layer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .i18n import LANGUAGES
from .settings import AppSettings

#: Language names are written in their own language, never translated.
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
MAX_AUTOSAVE_SECONDS = 3600
AUTOSAVE_STEP_SECONDS = 10


class PreferencesDialog(QDialog):
    """Edits the preferences kept in :class:`~.settings.AppSettings`; OK stores them.

    Parameters
    ----------
    settings
        Where the preferences are kept.
    parent
        The main window.
    """

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("System Language"), "")
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language())))
        self.autosave_box = QSpinBox(self)
        self.autosave_box.setRange(0, MAX_AUTOSAVE_SECONDS)
        self.autosave_box.setSingleStep(AUTOSAVE_STEP_SECONDS)
        self.autosave_box.setSuffix(self.tr(" s"))
        self.autosave_box.setSpecialValueText(self.tr("Off"))
        self.autosave_box.setValue(settings.autosave_seconds())
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_box)
        note = QLabel(self.tr("A new language is used the next time you start Process Mapper."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("&Autosave unsaved diagrams every:"), self.autosave_box)
        self.folder_list = QListWidget(self)
        self.folder_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for folder in settings.library_folders():
            self._add_folder_item(folder)
        self.add_folder_button = QPushButton(self.tr("A&dd…"), self)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_folder_button = QPushButton(self.tr("&Remove"), self)
        self.remove_folder_button.clicked.connect(self.remove_selected_folders)
        self.folder_list.itemSelectionChanged.connect(self._update_remove)
        self._update_remove()
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(self.add_folder_button)
        folder_buttons.addWidget(self.remove_folder_button)
        folder_buttons.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_list, 1)
        folder_row.addLayout(folder_buttons)
        folders_label = QLabel(self.tr("Further &folders of standard processes:"), self)
        folders_label.setBuddy(self.folder_list)
        folders_note = QLabel(
            self.tr("For example the region's shared folder. The standard processes that come with "
                    "Process Mapper are always listed."),
            self,
        )
        folders_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(folders_label)
        layout.addLayout(folder_row)
        layout.addWidget(folders_note)
        layout.addWidget(buttons)

    def folders(self) -> list[Path]:
        """The library folders listed in the dialog, in order."""
        return [
            Path(self.folder_list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.folder_list.count())
        ]

    def add_folder(self, folder: Path) -> None:
        """List ``folder`` among the library folders (once) and select it."""
        for row in range(self.folder_list.count()):
            if Path(self.folder_list.item(row).data(Qt.ItemDataRole.UserRole)) == folder:
                self.folder_list.setCurrentRow(row)
                return
        self.folder_list.setCurrentItem(self._add_folder_item(folder))

    def remove_selected_folders(self) -> None:
        """Take the selected folders off the list (the folders themselves are left alone)."""
        for item in self.folder_list.selectedItems():
            self.folder_list.takeItem(self.folder_list.row(item))

    def _add_folder_item(self, folder: Path) -> QListWidgetItem:
        item = QListWidgetItem(str(folder), self.folder_list)
        item.setData(Qt.ItemDataRole.UserRole, str(folder))
        item.setToolTip(str(folder))
        return item

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Add a Folder of Standard Processes"))
        if chosen:
            self.add_folder(Path(chosen))

    def _update_remove(self) -> None:
        self.remove_folder_button.setEnabled(bool(self.folder_list.selectedItems()))

    def accept(self) -> None:
        """Store the preferences and close."""
        self._settings.set_language(str(self.language_box.currentData()))
        self._settings.set_autosave_seconds(self.autosave_box.value())
        self._settings.set_library_folders(self.folders())
        super().accept()
