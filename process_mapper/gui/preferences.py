"""The Preferences dialog: interface language and autosave interval (gui layer)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Store the preferences and close."""
        self._settings.set_language(str(self.language_box.currentData()))
        self._settings.set_autosave_seconds(self.autosave_box.value())
        super().accept()
