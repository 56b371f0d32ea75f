"""The main window: menus, document tabs, the library dock, the status bar (gui layer).

Every diagram opens in a tab of its own; ``.bpmn`` files dropped on the window open
too. The window remembers its layout, the recent files and the language preference
through :class:`~.settings.AppSettings`. A file that cannot be read gives a message
box in plain words, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QTabWidget, QWidget

from .. import __version__
from ..core.model import Issue
from ..core.xmlio import BpmnReadError, read_bpmn
from .compare import CompareDialog, CompareWindow, choose_comparison_file, compare_files
from .document_tab import DocumentTab
from .editing.edit_actions import EditActions
from .i18n import LANGUAGES
from .library_dock import LibraryDock
from .panels import ProblemsDock, PropertiesDock
from .panels.problems import PROBLEMS_HEIGHT
from .panels.properties import PROPERTIES_WIDTH
from .settings import APPLICATION, AppSettings

BPMN_SUFFIX = ".bpmn"
#: Issues listed in the tooltip of the status bar's issue count.
MAX_LISTED_ISSUES = 15
STATUS_TIMEOUT_MS = 8000
#: Width of the library dock until the user resizes it: room for a process title.
LIBRARY_WIDTH = 320
#: Language names are written in their own language, never translated.
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


class MainWindow(QMainWindow):
    """The application window.

    Parameters
    ----------
    settings
        Where the window keeps what it remembers.
    library
        The folder of standard processes listed in the library dock, if any.
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
        self.library_dock = LibraryDock(self)
        self.library_dock.open_requested.connect(lambda path: self.open_file(path, read_only=True))
        self.library_dock.set_folder(library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.properties_dock = PropertiesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties_dock)
        self.problems_dock = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        for dock in (self.properties_dock, self.problems_dock):
            dock.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS))
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
            "Open a BPMN file with File > Open…, drop one on this window, "
            "or double-click a standard process in the list."
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
        self.new_action.setEnabled(False)
        self.new_action.setToolTip(self.tr("Drawing new processes comes in a later version."))
        self.open_action = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_files)
        self.compare_action = self._action(self.tr("Co&mpare with Standard…"), "Ctrl+K")
        self.compare_action.triggered.connect(self.choose_comparison)
        self.open_comparison_action = self._action(self.tr("Open Compar&ison…"))
        self.open_comparison_action.triggered.connect(lambda: choose_comparison_file(self))
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

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.compare_action, self.open_comparison_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        for action in self.edit_actions.menu_actions():
            self.edit_menu.addAction(action) if action is not None else self.edit_menu.addSeparator()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action])
        view_menu.addSeparator()
        view_menu.addAction(self.edit_actions.grid_action)
        library_action = self.library_dock.toggleViewAction()
        library_action.setText(self.tr("Standard &Processes"))
        view_menu.addAction(library_action)
        properties_action = self.properties_dock.toggleViewAction()
        properties_action.setText(self.tr("P&roperties"))
        problems_action = self.problems_dock.toggleViewAction()
        problems_action.setText(self.tr("Pro&blems"))
        view_menu.addActions([properties_action, problems_action])
        view_menu.addMenu(self._language_menu())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _language_menu(self) -> QMenu:
        menu = QMenu(self.tr("&Language"), self)
        group = QActionGroup(menu)
        chosen = self._settings.language()
        for code, text in [("", self.tr("System Language")), *((code, LANGUAGE_NAMES[code]) for code in LANGUAGES)]:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        return menu

    def _on_language_chosen(self, action: QAction) -> None:
        self._settings.set_language(str(action.data()))
        self.statusBar().showMessage(
            self.tr("The new language is used the next time you start Process Mapper."), STATUS_TIMEOUT_MS
        )

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

    # --- documents --------------------------------------------------------------------------

    def current_tab(self) -> DocumentTab | None:
        """The tab shown, if any."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def document_tabs(self) -> list[DocumentTab]:
        """Every open tab, left to right."""
        return [tab for i in range(self.tabs.count()) if isinstance(tab := self.tabs.widget(i), DocumentTab)]

    def choose_files(self) -> None:
        """Ask for BPMN files and open them."""
        recent = self._settings.recent_files()
        folder = str(recent[0].parent) if recent else ""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open BPMN File"), folder, self.tr("BPMN files (*.bpmn *.xml);;All files (*)")
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
        for tab in self.document_tabs():
            if tab.path == path:
                self.tabs.setCurrentWidget(tab)
                return tab
        try:
            document = read_bpmn(path)
        except (BpmnReadError, OSError) as error:
            self._settings.remove_recent_file(path)
            self._show_open_error(path, error)
            return None
        tab = DocumentTab(document, path, read_only, self.tabs)
        tab.view.zoom_changed.connect(self._show_zoom)
        tab.scene.selection_changed.connect(self._show_selection)
        self.undo_group.addStack(tab.session.undo_stack)
        tab.session.undo_stack.cleanChanged.connect(lambda _clean, t=tab: self._show_modified(t))
        tab.session.refused.connect(lambda reason: self.statusBar().showMessage(reason, STATUS_TIMEOUT_MS))
        index = self.tabs.addTab(tab, tab.title())
        self.tabs.setTabToolTip(index, str(path))
        self.tabs.setCurrentIndex(index)
        self._settings.add_recent_file(path)
        if not tab.has_diagram():
            self.statusBar().showMessage(self.tr("This file has no diagram to show."), STATUS_TIMEOUT_MS)
        return tab

    def _show_open_error(self, path: Path, error: Exception) -> None:
        if isinstance(error, FileNotFoundError):
            reason = self.tr("The file does not exist.")
        elif isinstance(error, PermissionError):
            reason = self.tr("You do not have permission to read the file.")
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
        else:
            reason = str(error)
        text = self.tr("“{file}” could not be opened.").format(file=path.name)
        QMessageBox.warning(self, self.tr("Cannot Open File"), f"{text}\n\n{reason}")

    def close_tab(self, index: int) -> None:
        """Close the tab at ``index`` (nothing happens for an invalid index)."""
        widget = self.tabs.widget(index)
        if widget is not None:
            if isinstance(widget, DocumentTab):
                self.undo_group.removeStack(widget.session.undo_stack)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def choose_comparison(self) -> CompareWindow | None:
        """Ask for a standard and a local process and compare them in a compare window."""
        local_files = [tab.path for tab in self.document_tabs() if tab.path is not None and not tab.read_only]
        current = self.current_tab()
        dialog = CompareDialog(self.library_dock.entries(), local_files, self)
        if current is not None and current.path is not None and not current.read_only:
            dialog.set_local(current.path)
        if dialog.exec() != CompareDialog.DialogCode.Accepted or (chosen := dialog.chosen()) is None:
            return None
        return compare_files(self, *chosen)

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
        for action in (self.close_action, self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_size_action):
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
        """Mark the tab (and the window, when it is the current one) as modified or saved."""
        if not shiboken6.isValid(self.tabs):  # the window is being destroyed: its tabs clear their stacks
            return
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, f"{tab.title()}*" if tab.session.is_modified() else tab.title())
        if tab is self.current_tab():
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
        self._settings.set_window_layout(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
