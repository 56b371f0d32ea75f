"""Saving, exporting, printing and closing documents; changes made on disk (gui layer).

:class:`DocumentFiles` does the File menu's work for the main window's tabs:

- Save writes atomically through the core writer, so a failed save leaves the file on
  disk as it was; standards from the library are never overwritten (Save asks for a
  new place) and no file is written into a library folder.
- Export writes a copy as BPMN, or the diagram shown as PDF, SVG or PNG with the
  options of :class:`~.export_dialog.DiagramExportDialog`, also atomically.
- Closing a modified document asks Save / Discard / Cancel.
- A :class:`~PySide6.QtCore.QFileSystemWatcher` notices another program changing or
  deleting an open file: an unmodified tab offers to reload, a deleted file is reported
  and its tab kept; before a save overwrites a file changed since it was read, the user
  chooses to overwrite it, save elsewhere or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QRectF, QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ...core.model.di import Diagram
from ...core.xmlio import atomic_write_bytes, to_bytes, write_bpmn
from ..document_tab import DocumentTab
from ..i18n import interface_language
from ..settings import AppSettings
from . import prompts

if TYPE_CHECKING:
    from ..main_window import MainWindow

BPMN_SUFFIX = ".bpmn"
STATUS_TIMEOUT_MS = 8000


class DocumentFiles(QObject):
    """The file work of the main window's document tabs.

    Parameters
    ----------
    window
        The main window whose tabs are saved, closed and watched.
    settings
        For the recent files.
    library_folder_of
        The library folder holding a path, or None: standards are never written to.
    """

    #: A tab was saved to its (possibly new) path.
    saved = Signal(DocumentTab)
    #: A tab's file changed on disk and the user wants it read again.
    reload_requested = Signal(DocumentTab)

    def __init__(
        self, window: MainWindow, settings: AppSettings, library_folder_of: Callable[[Path], Path | None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._library_folder_of = library_folder_of
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._checking: set[Path] = set()

    # --- saving -----------------------------------------------------------------------------

    def save(self, tab: DocumentTab) -> bool:
        """Save ``tab`` to its file (asking for one when it has none or is a standard).

        Returns
        -------
        bool
            Whether the document was written.
        """
        if tab.path is None or tab.read_only:
            return self.save_as(tab)
        if tab.path.exists() and tab.disk_stamp is not None and not tab.disk_stamp.matches(tab.path):
            overwrite, save_as, _cancel = range(3)
            answer = prompts.choose(
                self._window,
                QMessageBox.Icon.Warning,
                self.tr("File Changed on Disk"),
                self.tr(
                    "“{file}” was changed by another program after you opened it. "
                    "Overwrite those changes with your version?"
                ).format(file=tab.path.name),
                [
                    (self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
                    (self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole),
                    (self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole),
                ],
                default=save_as,
            )
            if answer == save_as:
                return self.save_as(tab)
            if answer != overwrite:
                return False
        return self._write(tab, tab.path)

    def save_as(self, tab: DocumentTab) -> bool:
        """Ask where to save ``tab`` and save it there; it then belongs to that file.

        Returns
        -------
        bool
            Whether the document was written.
        """
        path = self._ask_target(tab, self.tr("Save As"))
        if path is None:
            return False
        if any(other is not tab and other.path == path for other in self._window.document_tabs()):
            QMessageBox.warning(
                self._window,
                self.tr("Cannot Save File"),
                self.tr("“{file}” is open in another tab. Close it first or choose another name.").format(
                    file=path.name
                ),
            )
            return False
        return self._write(tab, path)

    def export_bpmn(self, tab: DocumentTab) -> bool:
        """Write a copy of ``tab``'s document, diagrams included; the tab keeps its file.

        Returns
        -------
        bool
            Whether the copy was written.
        """
        path = self._ask_target(tab, self.tr("Export BPMN"))
        if path is None:
            return False
        try:
            atomic_write_bytes(path, to_bytes(tab.document))
        except (OSError, ValueError) as error:
            self._show_write_error(path, error)
            return False
        self._window.statusBar().showMessage(self.tr("Exported to “{file}”.").format(file=path.name), STATUS_TIMEOUT_MS)
        return True

    def export_diagram(self, tab: DocumentTab) -> bool:
        """Ask for the format and its options, then where, and export the diagram shown in ``tab``.

        The options are remembered for the next export; the title block and the poster's
        page notes are in the interface language.

        Returns
        -------
        bool
            Whether the file was written.
        """
        from ..export import export_diagram  # exports: loaded when first needed, not at start
        from .export_dialog import DiagramExportDialog, image_options, page_setup

        dialog = DiagramExportDialog(self._settings.diagram_export(), self._shown_drawing(tab), self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choices = dialog.choices()
        self._settings.set_diagram_export(choices)
        name_filter = {
            ".pdf": self.tr("PDF documents (*.pdf)"),
            ".svg": self.tr("SVG pictures (*.svg)"),
            ".png": self.tr("PNG images (*.png)"),
        }[choices.suffix]
        path = self._ask_target(tab, self.tr("Export Diagram"), choices.suffix, name_filter)
        if path is None:
            return False
        try:
            export_diagram(tab.document, path, setup=page_setup(choices), image=image_options(choices),
                           language=interface_language(), diagram=self._shown_diagram(tab))
        except (OSError, ValueError) as error:
            self._show_write_error(path, error)
            return False
        self._window.statusBar().showMessage(self.tr("Exported to “{file}”.").format(file=path.name), STATUS_TIMEOUT_MS)
        return True

    def _write(self, tab: DocumentTab, path: Path) -> bool:
        try:
            write_bpmn(tab.document, path)
        except (OSError, ValueError) as error:
            self._show_write_error(path, error)
            return False
        self.unwatch(tab)
        tab.mark_saved(path)
        self.watch(tab)
        self._settings.add_recent_file(path)
        self._window.statusBar().showMessage(self.tr("Saved “{file}”.").format(file=path.name), STATUS_TIMEOUT_MS)
        self.saved.emit(tab)
        return True

    def _ask_target(self, tab: DocumentTab, title: str, suffix: str = BPMN_SUFFIX,
                    name_filter: str | None = None) -> Path | None:
        """A path with ``suffix`` outside the library chosen by the user; None when they cancel.

        The suggestion is the tab's file (with ``suffix``), else its name in the Documents folder.
        """
        if tab.path is not None and not tab.read_only:
            suggestion = tab.path.with_suffix(suffix)
        else:
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = tab.path.with_suffix(suffix).name if tab.path is not None else f"{tab.title()}{suffix}"
            suggestion = Path(documents) / name
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, title, str(suggestion), name_filter or self.tr("BPMN files (*.bpmn)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        path = path.resolve()
        if (library := self._library_folder_of(path)) is not None:
            QMessageBox.warning(
                self._window,
                self.tr("Cannot Save File"),
                self.tr(
                    "“{folder}” holds the standard processes, which are read-only. "
                    "Save your version in another folder."
                ).format(folder=library),
            )
            return None
        return path

    def _show_write_error(self, path: Path, error: Exception) -> None:
        text = self.tr("“{file}” could not be saved. The file on disk was not changed.").format(file=path.name)
        prompts.show_write_error(self._window, self.tr("Cannot Save File"), text, error)

    # --- closing ----------------------------------------------------------------------------

    def confirm_close(self, tab: DocumentTab) -> bool:
        """Whether ``tab`` may close: unmodified, saved, or its changes discarded.

        A modified tab is shown and the user asked to save, discard or cancel.
        """
        if not tab.session.is_modified():
            return True
        self._window.tabs.setCurrentWidget(tab)
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,
            self.tr("Unsaved Changes"),
            self.tr(
                "Do you want to save the changes to “{file}”?\n\nYour changes are lost if you do not save them."
            ).format(file=tab.title()),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save(tab)
        return answer == buttons.Discard

    # --- printing ---------------------------------------------------------------------------

    def print_document(self, tab: DocumentTab) -> bool:
        """Ask for a printer and print the diagram shown in ``tab``; whether it was printed."""
        printer = self._printer_for(tab)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._paint(tab, printer) > 0

    def preview_print(self, tab: DocumentTab) -> None:
        """Show the diagram in ``tab`` as it would be printed, with the printer settings."""
        preview = QPrintPreviewDialog(self._printer_for(tab), self._window)
        preview.paintRequested.connect(lambda printer: self._paint(tab, printer))
        preview.exec()

    @staticmethod
    def _shown_diagram(tab: DocumentTab) -> Diagram | None:
        diagrams = tab.document.diagrams
        return diagrams[min(tab.session.editor.diagram_index, len(diagrams) - 1)] if diagrams else None

    def _shown_drawing(self, tab: DocumentTab) -> QRectF:
        """The extent of the diagram shown in ``tab`` as exports and printing draw it."""
        from ..export.diagram import diagram_scene  # exports: loaded when first needed, not at start

        return diagram_scene(tab.document, self._shown_diagram(tab)).sceneRect()

    def _printer_for(self, tab: DocumentTab) -> QPrinter:
        """A printer set up for the page layout the export gives the shown diagram."""
        from ..export.pages import PageSetup  # exports: loaded when first needed, not at start

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(PageSetup().page_layout(self._shown_drawing(tab)))
        printer.setDocName(tab.title())
        return printer

    def _paint(self, tab: DocumentTab, printer: QPrinter) -> int:
        """Print the shown diagram as PDF export lays it out: fitted, with its title block."""
        from ..export import print_diagram  # exports: loaded when first needed, not at start

        return print_diagram(tab.document, printer, diagram=self._shown_diagram(tab), language=interface_language())

    # --- changes on disk --------------------------------------------------------------------

    def watch(self, tab: DocumentTab) -> None:
        """Notice changes other programs make to ``tab``'s file."""
        if tab.path is not None and tab.path.exists():
            self._watcher.addPath(str(tab.path))

    def unwatch(self, tab: DocumentTab) -> None:
        """Stop watching ``tab``'s file (it closes or moves)."""
        if tab.path is not None and str(tab.path) in self._watcher.files():
            self._watcher.removePath(str(tab.path))

    def _on_file_changed(self, name: str) -> None:
        path = Path(name)
        if path.exists() and name not in self._watcher.files():
            self._watcher.addPath(name)  # replaced by a rename: watch the new file
        for tab in self._window.document_tabs():
            if tab.path == path:
                self.check_disk(tab)

    def check_disk(self, tab: DocumentTab) -> None:
        """Tell the user when ``tab``'s file is no longer the one the tab read or wrote.

        A deleted file is reported and the tab kept, marked modified so that closing it
        asks to save; a changed file is offered for reloading when the tab has no unsaved
        edits (with edits, saving asks before it overwrites).
        """
        path = tab.path
        if path is None or path in self._checking or tab.disk_stamp is None or tab.disk_stamp.matches(path):
            return
        self._checking.add(path)
        try:
            if not path.exists():
                tab.disk_stamp = None
                tab.session.undo_stack.resetClean()
                QMessageBox.warning(
                    self._window,
                    self.tr("File Deleted"),
                    self.tr(
                        "“{file}” was deleted or moved by another program. "
                        "The diagram stays open here; save it to keep it."
                    ).format(file=path.name),
                )
            elif tab.session.is_modified():
                self._window.statusBar().showMessage(
                    self.tr("“{file}” was changed by another program.").format(file=path.name), STATUS_TIMEOUT_MS
                )
            else:
                buttons = QMessageBox.StandardButton
                answer = QMessageBox.question(
                    self._window,
                    self.tr("File Changed on Disk"),
                    self.tr("“{file}” was changed by another program. Reload it?").format(file=path.name),
                    buttons.Yes | buttons.No,
                    buttons.Yes,
                )
                if answer == buttons.Yes:
                    self.reload_requested.emit(tab)
        finally:
            self._checking.discard(path)
