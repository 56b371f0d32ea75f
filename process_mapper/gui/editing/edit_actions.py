"""The Edit menu's editing entries, View > Show Grid and the palette, acting on the current tab (gui layer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ...core.editing import MIME_TYPE
from ..palette import PaletteToolBar
from ..settings import AppSettings

if TYPE_CHECKING:
    from ..document_tab import DocumentTab


class EditActions(QObject):
    """Cut, Copy, Paste, Delete, Select All, Tidy Up, Show Grid and the palette of a main window.

    Each acts on the tab shown (see :meth:`set_tab`) through its canvas editor, so every
    change is one command on that tab's undo stack.

    Parameters
    ----------
    window
        The main window; the palette docks on its left.
    settings
        Where the grid preference is kept.
    """

    def __init__(self, window: QMainWindow, settings: AppSettings) -> None:
        super().__init__(window)
        self._settings = settings
        self._tab: DocumentTab | None = None
        keys = QKeySequence.StandardKey
        self.cut_action = self._action(self.tr("Cu&t"), keys.Cut, lambda tab: tab.canvas_editor.cut_selection())
        self.copy_action = self._action(self.tr("&Copy"), keys.Copy, lambda tab: tab.canvas_editor.copy_selection())
        self.paste_action = self._action(self.tr("&Paste"), keys.Paste, lambda tab: tab.canvas_editor.paste())
        self.delete_action = self._action(
            self.tr("&Delete"), keys.Delete, lambda tab: tab.canvas_editor.delete_selection()
        )
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.select_all_action = self._action(
            self.tr("Select &All"), keys.SelectAll, lambda tab: tab.canvas_editor.select_all()
        )
        self.tidy_action = self._action(self.tr("&Tidy Up Layout"), None, lambda tab: tab.canvas_editor.tidy_up())
        self.grid_action = QAction(self.tr("Show &Grid"), self)
        self.grid_action.setCheckable(True)
        self.grid_action.setChecked(settings.show_grid())
        self.grid_action.toggled.connect(self._show_grid)
        self.palette = PaletteToolBar(window)
        window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.palette)
        self.palette.tool_chosen.connect(self._choose_tool)
        QGuiApplication.clipboard().dataChanged.connect(self._update)
        self._update()

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | None, run: Callable[[DocumentTab], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda: run(self._tab) if self._tab is not None else None)
        return action

    def menu_actions(self) -> list[QAction | None]:
        """The Edit menu's entries after Undo and Redo (None: a separator)."""
        return [
            None,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.delete_action,
            None,
            self.select_all_action,
            None,
            self.tidy_action,
        ]

    def set_tab(self, tab: DocumentTab | None) -> None:
        """Act on ``tab`` from now on (None: no document is open)."""
        if self._tab is not None:
            self._tab.canvas_editor.tool_changed.disconnect(self.palette.show_tool)
            self._tab.scene.selected_ids_changed.disconnect(self._update)
        self._tab = tab
        if tab is not None:
            tab.canvas_editor.tool_changed.connect(self.palette.show_tool)
            tab.scene.selected_ids_changed.connect(self._update)
            tab.view.set_grid_visible(self.grid_action.isChecked())
            self.palette.show_tool(tab.canvas_editor.tool())
        self._update()

    def _choose_tool(self, tool: str) -> None:
        if self._tab is not None:
            self._tab.canvas_editor.set_tool(tool)
            self._tab.view.setFocus()

    def _show_grid(self, shown: bool) -> None:
        self._settings.set_show_grid(shown)
        if self._tab is not None:
            self._tab.view.set_grid_visible(shown)

    def _update(self, _ids: tuple[str, ...] = ()) -> None:
        tab = self._tab
        selected = bool(tab is not None and tab.scene.selected_ids())
        for action in (self.cut_action, self.copy_action, self.delete_action):
            action.setEnabled(selected)
        mime = QGuiApplication.clipboard().mimeData()
        self.paste_action.setEnabled(tab is not None and mime is not None and mime.hasFormat(MIME_TYPE))
        for action in (self.select_all_action, self.tidy_action):
            action.setEnabled(tab is not None)
        self.palette.setEnabled(tab is not None)
