"""The main window: menus, document tabs, the library dock, the status bar (gui layer).

Every diagram opens in a tab of its own; ``.bpmn`` files dropped on the window open
too. The window remembers its layout, the recent files and the preferences through
:class:`~.settings.AppSettings`. A file that cannot be read gives a message box in plain
words, never a traceback. Saving, exporting, printing, the unsaved-changes prompt and
changes made on disk are :class:`~.files.documents.DocumentFiles`' work; unsaved
documents are autosaved by :class:`~.files.autosave.Autosaver` and offered back after a
crash (:meth:`MainWindow.restore_autosaves`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from .. import __version__
from ..core.library import SHIPPED_STANDARDS_DIR
from ..core.model import BpmnDocument, Issue
from ..core.xmlio import BpmnReadError, read_bpmn
from .document_tab import DocumentTab
from .editing.edit_actions import EditActions
from .files.autosave import AutosavedDocument, Autosaver
from .files.documents import DocumentFiles
from .files.read_problems import read_error_reason
from .files.restore_dialog import RestoreDialog
from .library_dock import LibraryDock
from .panels import ProblemsDock, PropertiesDock
from .panels.problems import PROBLEMS_HEIGHT
from .panels.properties import PROPERTIES_WIDTH
from .preferences import PreferencesDialog
from .settings import APPLICATION, AppSettings

if TYPE_CHECKING:
    from .compare import CompareWindow

BPMN_SUFFIX = ".bpmn"
#: Issues listed in the tooltip of the status bar's issue count.
MAX_LISTED_ISSUES = 15
STATUS_TIMEOUT_MS = 8000
#: Width of the library dock until the user resizes it: room for a process title and its version.
LIBRARY_WIDTH = 380
#: The sample local variants beside the shipped standards (in a source checkout), for File > Open Sample Process….
SAMPLE_PROCESSES_DIR = SHIPPED_STANDARDS_DIR.parent / "local"


class MainWindow(QMainWindow):
    """The application window.

    Parameters
    ----------
    settings
        Where the window keeps what it remembers.
    library
        A folder of standard processes listed in the library dock for this session, besides
        the shipped standards and the folders chosen in the preferences.
    parent
        The owning widget (none for the application window).
    """

    def __init__(self, settings: AppSettings, library: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(APPLICATION)
        self.setAcceptDrops(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.undo_group = QUndoGroup(self)
        self._welcome = QLabel(self._welcome_text(), self)
        self._welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._welcome.setWordWrap(True)
        self._central = QStackedWidget(self)
        self._central.addWidget(self._welcome)
        self._central.addWidget(self.tabs)
        self.setCentralWidget(self._central)
        self._session_library = library
        self.library_dock = LibraryDock(self)
        self.library_dock.open_requested.connect(lambda path: self.open_file(path, read_only=True))
        self.library_dock.set_folders(self._library_folders())
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.properties_dock = PropertiesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties_dock)
        self.problems_dock = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        for dock in (self.properties_dock, self.problems_dock):
            dock.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS))
        self.files = DocumentFiles(self, settings, self.library_dock.library_folder_of)
        self.files.saved.connect(self._show_modified)
        self.files.reload_requested.connect(self.reload_tab)
        self.autosaver = Autosaver(settings.autosave_folder(), self.document_tabs, self)
        self.autosaver.set_interval(settings.autosave_seconds())
        self.files.saved.connect(self.autosaver.discard)
        self.autosaver.failed.connect(
            lambda reason: self.statusBar().showMessage(
                self.tr("Autosave failed: {reason}").format(reason=reason), STATUS_TIMEOUT_MS
            )
        )
        self._create_actions()
        self._create_menus()
        self.issues_label = QLabel(self)
        self.problems_dock.open_on_click(self.issues_label)
        self._zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.issues_label)
        self.statusBar().addPermanentWidget(self._zoom_label)
        geometry, state = settings.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks(
                [self.library_dock, self.properties_dock], [LIBRARY_WIDTH, PROPERTIES_WIDTH], Qt.Orientation.Horizontal
            )
            self.resizeDocks([self.problems_dock], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)
        self._on_current_changed()

    def _welcome_text(self) -> str:
        return self.tr(
            "Draw a new process with File > New, open a BPMN file with File > Open…, "
            "drop one on this window, or double-click a standard process in the list."
        )

    # --- actions and menus ------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(self.tr("&New"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_document)
        self.open_action = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(lambda: self.choose_files())
        self.open_sample_action = self._action(self.tr("Open &Sample Process…"))
        self.open_sample_action.triggered.connect(lambda: self.choose_files(SAMPLE_PROCESSES_DIR))
        self.open_sample_action.setVisible(SAMPLE_PROCESSES_DIR.is_dir())
        self.refresh_library_action = self._action(self.tr("Refresh Standard Pro&cesses"), "F5")
        self.refresh_library_action.triggered.connect(self.library_dock.refresh)
        self.compare_action = self._action(self.tr("Co&mpare with Standard…"), "Ctrl+K")
        self.compare_action.triggered.connect(self.choose_comparison)
        self.open_comparison_action = self._action(self.tr("Open Compar&ison…"))
        self.open_comparison_action.triggered.connect(self.choose_comparison_file)
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda: self._with_tab(self.files.save))
        self.save_as_action = self._action(self.tr("Save &As…"), QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(lambda: self._with_tab(self.files.save_as))
        self.export_bpmn_action = self._action(self.tr("&BPMN…"))
        self.export_bpmn_action.triggered.connect(lambda: self._with_tab(self.files.export_bpmn))
        self.export_diagram_action = self._action(self.tr("&Diagram as PDF, SVG or PNG…"), "Ctrl+E")
        self.export_diagram_action.triggered.connect(lambda: self._with_tab(self.files.export_diagram))
        self.print_preview_action = self._action(self.tr("Print Pre&view…"))
        self.print_preview_action.triggered.connect(lambda: self._with_tab(self.files.preview_print))
        self.print_action = self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self._with_tab(self.files.print_document))
        self.close_action = self._action(self.tr("&Close"), QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.zoom_in_action = self._action(self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: self._with_view("zoom_in"))
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self._with_view("zoom_out"))
        self.fit_action = self._action(self.tr("Zoom to &Fit"), "Ctrl+1")
        self.fit_action.triggered.connect(lambda: self._with_view("zoom_to_fit"))
        self.actual_size_action = self._action(self.tr("&Actual Size"), "Ctrl+0")
        self.actual_size_action.triggered.connect(lambda: self._with_view("actual_size"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.edit_actions = EditActions(self, self._settings)
        self.about_action = self._action(self.tr("&About Process Mapper…"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.preferences_action = self._action(self.tr("Pre&ferences…"), QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.show_preferences)

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.open_sample_action)
        file_menu.addSeparator()
        file_menu.addActions([self.compare_action, self.open_comparison_action])
        file_menu.addActions([self.save_action, self.save_as_action])
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self.export_menu.addActions([self.export_bpmn_action, self.export_diagram_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_preview_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        for action in self.edit_actions.menu_actions():
            self.edit_menu.addAction(action) if action is not None else self.edit_menu.addSeparator()
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action])
        view_menu.addSeparator()
        view_menu.addAction(self.edit_actions.grid_action)
        library_action = self.library_dock.toggleViewAction()
        library_action.setText(self.tr("Standard &Processes"))
        view_menu.addActions([library_action, self.refresh_library_action])
        properties_action = self.properties_dock.toggleViewAction()
        properties_action.setText(self.tr("P&roperties"))
        problems_action = self.problems_dock.toggleViewAction()
        problems_action.setText(self.tr("Pro&blems"))
        view_menu.addActions([properties_action, problems_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}" if number < 10 else path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if not recent:
            self.recent_menu.addAction(self.tr("No Recent Files")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear Menu")).triggered.connect(self._settings.clear_recent_files)

    def _with_view(self, method: str) -> None:
        tab = self.current_tab()
        if tab is not None:
            getattr(tab.view, method)()

    def _with_tab(self, work: Callable[[DocumentTab], object]) -> None:
        tab = self.current_tab()
        if tab is not None:
            work(tab)

    def _library_folders(self) -> list[Path]:
        """The folders of standards besides the shipped one: the preferences', then ``--library``'s."""
        return [*self._settings.library_folders(), *([self._session_library] if self._session_library else [])]

    def show_preferences(self) -> None:
        """The Preferences dialog; a new autosave interval and new library folders apply at once."""
        language, folders = self._settings.language(), self._settings.library_folders()
        if PreferencesDialog(self._settings, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.autosaver.set_interval(self._settings.autosave_seconds())
        if self._settings.library_folders() != folders:
            self.library_dock.set_folders(self._library_folders())
        if self._settings.language() != language:
            self.statusBar().showMessage(
                self.tr("The new language is used the next time you start Process Mapper."), STATUS_TIMEOUT_MS
            )

    # --- documents --------------------------------------------------------------------------

    def current_tab(self) -> DocumentTab | None:
        """The tab shown, if any."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def document_tabs(self) -> list[DocumentTab]:
        """Every open tab, left to right."""
        return [tab for i in range(self.tabs.count()) if isinstance(tab := self.tabs.widget(i), DocumentTab)]

    def choose_files(self, folder: Path | None = None) -> None:
        """Ask for BPMN files, in ``folder`` (default: the last file's), and open them."""
        recent = self._settings.recent_files()
        start = folder if folder is not None else recent[0].parent if recent else ""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open BPMN File"), str(start), self.tr("BPMN files (*.bpmn *.xml);;All files (*)")
        )
        for name in names:
            self.open_file(Path(name))

    def open_file(self, path: Path, read_only: bool = False) -> DocumentTab | None:
        """Open ``path`` in a new tab (or show its tab if it is open already).

        Parameters
        ----------
        path
            The BPMN file.
        read_only
            Opened from the library: marked read-only.

        Returns
        -------
        DocumentTab | None
            The tab, or None when the file could not be read (the user was told why).
        """
        path = path.resolve()
        for open_tab in self.document_tabs():
            if open_tab.path == path:
                self.tabs.setCurrentWidget(open_tab)
                return open_tab
        tab = self._read_tab(path, read_only)
        if tab is None:
            return None
        self._add_tab(tab)
        self._settings.add_recent_file(path)
        if not tab.has_diagram():
            self.statusBar().showMessage(self.tr("This file has no diagram to show."), STATUS_TIMEOUT_MS)
        return tab

    def new_document(self) -> DocumentTab:
        """A new, empty diagram in a tab of its own ("Untitled", "Untitled 2", ...)."""
        document = BpmnDocument.new(self.tr("New process"))
        tab = DocumentTab(document, None, False, self.tabs, untitled_number=self._free_untitled_number())
        self._add_tab(tab)
        return tab

    def _free_untitled_number(self) -> int:
        taken = {tab.untitled_number for tab in self.document_tabs() if tab.path is None}
        return next(number for number in range(1, len(taken) + 2) if number not in taken)

    def _read_tab(self, path: Path, read_only: bool) -> DocumentTab | None:
        """A tab for the file at ``path``; None when it cannot be read (the user was told why)."""
        try:
            document = read_bpmn(path)
        except (BpmnReadError, OSError) as error:
            self._settings.remove_recent_file(path)
            self._show_open_error(path, error)
            return None
        return DocumentTab(document, path, read_only, self.tabs)

    def _add_tab(self, tab: DocumentTab, index: int = -1) -> None:
        """Show ``tab`` at ``index`` (default: last) and follow its edits and its file."""
        tab.view.zoom_changed.connect(self._show_zoom)
        tab.scene.selection_changed.connect(self._show_selection)
        self.undo_group.addStack(tab.session.undo_stack)
        tab.session.undo_stack.cleanChanged.connect(lambda _clean, t=tab: self._show_modified(t))
        tab.session.refused.connect(lambda reason: self.statusBar().showMessage(reason, STATUS_TIMEOUT_MS))
        self.tabs.setCurrentIndex(self.tabs.insertTab(index, tab, tab.title()))
        self._show_modified(tab)
        self.files.watch(tab)

    def reload_tab(self, tab: DocumentTab) -> DocumentTab | None:
        """Read ``tab``'s file again into a new tab in its place (its edits are dropped).

        Returns
        -------
        DocumentTab | None
            The new tab; None when the file could not be read (the old tab stays).
        """
        if tab.path is None:
            return None
        fresh = self._read_tab(tab.path, tab.read_only)
        if fresh is not None:
            index = self.tabs.indexOf(tab)
            self._remove_tab(tab)
            self._add_tab(fresh, index)
        return fresh

    def restore_autosaves(self) -> list[DocumentTab]:
        """Offer the diagrams autosaved by a run that crashed, and open those chosen.

        Restored tabs keep their original file (if any) and are marked modified; the
        crashed run's autosaves are removed once the user has chosen.

        Returns
        -------
        list[DocumentTab]
            The restored tabs (none when there was nothing to restore or all were discarded).
        """
        leftovers = self.autosaver.leftovers()
        if not leftovers:
            return []
        dialog = RestoreDialog(leftovers, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
        restored = [tab for document in chosen if (tab := self._restore(document)) is not None]
        self.autosaver.forget()
        self.autosaver.autosave()
        return restored

    def _restore(self, autosaved: AutosavedDocument) -> DocumentTab | None:
        try:
            document = read_bpmn(autosaved.autosave)
        except (BpmnReadError, OSError) as error:
            self._show_open_error(autosaved.autosave, error)
            return None
        document.path = autosaved.original_path
        tab = DocumentTab(
            document,
            autosaved.original_path,
            autosaved.read_only,
            self.tabs,
            untitled_number=self._free_untitled_number(),
            disk_stamp=autosaved.disk_stamp,
        )
        tab.session.undo_stack.resetClean()
        self._add_tab(tab)
        return tab

    def _show_open_error(self, path: Path, error: Exception) -> None:
        reason, detail = read_error_reason(error)
        text = self.tr("“{file}” could not be opened.").format(file=path.name)
        details = self.tr("Details: {detail}").format(detail=detail)
        QMessageBox.warning(self, self.tr("Cannot Open File"), f"{text}\n\n{reason}\n\n{details}")

    def close_tab(self, index: int) -> bool:
        """Close the tab at ``index``, asking first to save unsaved changes.

        Returns
        -------
        bool
            Whether it closed (False when the user cancelled or for an invalid index).
        """
        widget = self.tabs.widget(index)
        if not isinstance(widget, DocumentTab) or not self.files.confirm_close(widget):
            return False
        self._remove_tab(widget)
        return True

    def _remove_tab(self, tab: DocumentTab) -> None:
        """Take ``tab`` away without asking; its autosave goes with it."""
        self.undo_group.removeStack(tab.session.undo_stack)
        tab.session.undo_stack.clear()  # its signals now, not from the destructor of a deleted tab
        self.files.unwatch(tab)
        self.autosaver.discard(tab)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()

    def choose_comparison(self) -> CompareWindow | None:
        """Ask for a standard and a local process and compare them in a compare window."""
        from .compare import CompareDialog, compare_files  # the diff engine: loaded when first needed, not at start

        local_files = [tab.path for tab in self.document_tabs() if tab.path is not None and not tab.read_only]
        current = self.current_tab()
        dialog = CompareDialog(self.library_dock.library(), local_files, self)
        if current is not None and current.path is not None and not current.read_only:
            dialog.set_local(current.path)
        if dialog.exec() != CompareDialog.DialogCode.Accepted or (chosen := dialog.chosen()) is None:
            return None
        return compare_files(self, *chosen)

    def choose_comparison_file(self) -> CompareWindow | None:
        """Ask for a comparison file and open it in a compare window."""
        from .compare import choose_comparison_file  # the diff engine: loaded when first needed, not at start

        return choose_comparison_file(self)

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(
            self,
            self.tr("About Process Mapper"),
            self.tr(
                "<h3>Process Mapper {version}</h3>"
                "<p>Map your care processes in BPMN 2.0 and compare them with the region's "
                "standard processes.</p>"
            ).format(version=__version__),
        )

    # --- status -----------------------------------------------------------------------------

    def _on_current_changed(self, _index: int = -1) -> None:
        tab = self.current_tab()
        self._central.setCurrentWidget(self.tabs if tab is not None else self._welcome)
        for action in (
            self.close_action, self.save_action, self.save_as_action,
            self.export_bpmn_action, self.export_diagram_action, self.print_action, self.print_preview_action,
            self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action,
        ):
            action.setEnabled(tab is not None)
        self.undo_group.setActiveStack(tab.session.undo_stack if tab is not None else None)
        self.edit_actions.set_tab(tab)
        self.setWindowTitle(f"{tab.title()}[*] – {APPLICATION}" if tab is not None else APPLICATION)
        self.setWindowModified(tab is not None and tab.session.is_modified())
        self._show_issues(tab.document.issues if tab is not None else None)
        self._show_zoom(tab.view.zoom() if tab is not None else None)
        self.properties_dock.set_tab(tab)
        self.problems_dock.set_tab(tab)

    def _show_modified(self, tab: DocumentTab) -> None:
        """Show the tab's title and file, and mark it (and the window) as modified or saved."""
        if not shiboken6.isValid(self.tabs):  # the window is being destroyed: its tabs clear their stacks
            return
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, f"{tab.title()}*" if tab.session.is_modified() else tab.title())
            self.tabs.setTabToolTip(index, str(tab.path) if tab.path is not None else "")
        if tab is self.current_tab():
            self.setWindowTitle(f"{tab.title()}[*] – {APPLICATION}")
            self.setWindowModified(tab.session.is_modified())

    def _show_issues(self, issues: list[Issue] | None) -> None:
        if issues is None:
            self.issues_label.clear()
            self.issues_label.setToolTip("")
            return
        if issues:
            self.issues_label.setText(self.tr("%n import issue(s)", "", len(issues)))
        else:
            self.issues_label.setText(self.tr("No import issues"))
        listed = [issue.message for issue in issues[:MAX_LISTED_ISSUES]]
        if len(issues) > MAX_LISTED_ISSUES:
            listed.append(self.tr("and %n more", "", len(issues) - MAX_LISTED_ISSUES))
        self.issues_label.setToolTip("\n".join(listed))

    def _show_zoom(self, zoom: float | None) -> None:
        self._zoom_label.setText(self.tr("{percent}%").format(percent=round(zoom * 100)) if zoom is not None else "")

    def _show_selection(self, element_id: str) -> None:
        tab = self.current_tab()
        if tab is None or not element_id:
            self.statusBar().clearMessage()
            return
        record = tab.document.get(element_id)
        self.statusBar().showMessage(getattr(record, "name", None) or element_id)

    # --- window events ----------------------------------------------------------------------

    @staticmethod
    def _dropped_files(mime: QMimeData) -> list[Path]:
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(BPMN_SUFFIX)
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self._dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            for path in files:
                self.open_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask about each tab's unsaved changes (Cancel keeps the window open), then quit cleanly.

        The tabs close with the window, so that none outlives it with unsaved edits.
        """
        if not all(self.files.confirm_close(tab) for tab in self.document_tabs()):
            event.ignore()
            return
        for tab in self.document_tabs():
            self._remove_tab(tab)
        self.autosaver.shutdown()
        self._settings.set_window_layout(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
