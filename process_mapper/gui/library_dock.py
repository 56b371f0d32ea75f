"""The library dock: the standard processes of the library, by category (gui layer).

The dock lists what :class:`~process_mapper.core.library.StandardLibrary` finds in the
folder of standards shipped with the application and in the folders the user adds (Edit >
Preferences, or ``--library``): grouped as referrals, certificates and other standards,
each with its title and version and its metadata in the tooltip. Files that cannot be read
and folders that cannot be opened are listed apart, with the reason. Listing reads only the
metadata (the diff engine is not loaded) and a file again only when it changed; the dock
lists again when a folder changes on disk and on :meth:`LibraryDock.refresh`.

The folders are looked through on a worker thread: a slow or unreachable network folder
neither delays the window's first paint nor freezes it. The dock says it is reading until
the first listing arrives, and shows only the newest look's listing when several overlap.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ..core.library import (
    SHIPPED_STANDARDS_DIR,
    FolderProblem,
    LibraryEntry,
    LibraryListing,
    StandardLibrary,
    newest_first,
)
from .files.read_problems import read_problem

_PATH_ROLE = Qt.ItemDataRole.UserRole
#: The categories with a group of their own, in this order; the others go under "Other standards".
CATEGORIES = ("referral", "certificate")
#: Changes on disk come in bursts (a copy, a save): the dock lists again once they settle.
REFRESH_DELAY_MS = 500
TITLE_COLUMN, VERSION_COLUMN = 0, 1


def by_group(entries: Sequence[LibraryEntry]) -> dict[str, list[LibraryEntry]]:
    """``entries`` as the dock groups them: the :data:`CATEGORIES` in order, then the rest under ``""``.

    Within a group by title, so that the versions of a standard (even under another
    identifier, from another folder) stand together, newest first.
    """
    ordered = sorted(newest_first(entries), key=lambda entry: entry.title.casefold())
    groups = {category: [entry for entry in ordered if entry.category == category] for category in CATEGORIES}
    groups[""] = [entry for entry in ordered if entry.category not in CATEGORIES]
    return groups


class _ScanReporter(QObject):
    """Carries a listing from the worker thread to the dock.

    The worker holds it, not the dock: a window closed while a share is still being read
    deletes the dock, and the listing then goes nowhere instead of to a deleted object.
    """

    #: (the look's number, its LibraryListing)
    scanned = Signal(int, object)


def _scan(library: StandardLibrary, number: int, reporter: _ScanReporter) -> None:
    """On the worker thread: look through the folders and report the listing."""
    try:
        listing = library.scan()
    except Exception as error:  # an unforeseen error must not leave the dock reading for ever
        listing = LibraryListing(folder_problems=tuple(
            FolderProblem(folder, "folder-unreadable", str(error)) for folder in library.folders))
    reporter.scanned.emit(number, listing)


class LibraryDock(QDockWidget):
    """A dock listing the standard processes by category; activating one asks to open it.

    Parameters
    ----------
    parent
        The main window.
    shipped
        The folder of standards shipped with the application, always listed.
    """

    #: The user chose a process to open (read-only).
    open_requested = Signal(Path)
    #: A look through the folders finished and the dock shows what it found.
    listed = Signal()

    def __init__(self, parent: QWidget | None = None, shipped: Path | None = SHIPPED_STANDARDS_DIR) -> None:
        super().__init__(self.tr("Standard processes"), parent)
        self.setObjectName("LibraryDock")
        self._shipped = shipped
        self._library = StandardLibrary(shipped=shipped)
        self._listing = LibraryListing()
        self._entries: list[LibraryEntry] = []
        self._requested = self._shown = 0  # numbers of the last look asked for and of the one shown
        self._tree = QTreeWidget(self)
        self._tree.setColumnCount(2)
        self._tree.setHeaderLabels([self.tr("Process"), self.tr("Version")])
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VERSION_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self._tree.setRootIsDecorated(True)
        self._tree.itemActivated.connect(self._on_item_activated)
        self.setWidget(self._tree)
        self._watcher = QFileSystemWatcher(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._watcher.directoryChanged.connect(lambda _folder: self._refresh_timer.start())
        self._reporter = _ScanReporter()
        self._reporter.scanned.connect(self._on_scanned)
        self._placeholder(self.tr("Reading standard processes…"))

    # --- the library ------------------------------------------------------------------------

    def set_folders(self, folders: Sequence[Path]) -> None:
        """List the shipped standards and those in ``folders`` (the user's extra folders)."""
        self._library = StandardLibrary(folders, shipped=self._shipped)
        self.refresh()

    def folders(self) -> tuple[Path, ...]:
        """The folders listed: the shipped one first, then the user's."""
        return self._library.folders

    def library(self) -> StandardLibrary:
        """The library listed, for suggestions (its step graphs are kept between them)."""
        return self._library

    def library_folder_of(self, path: Path) -> Path | None:
        """The library folder that holds ``path``, or None: standards are never written to."""
        return self._library.library_folder_of(path)

    def refresh(self) -> None:
        """Look through the folders again (reading only files that changed) and list what is there.

        Returns at once: the folders are read on a worker thread and :attr:`listed` is
        emitted when the dock shows what it found.
        """
        self._refresh_timer.stop()
        self._requested += 1
        worker = threading.Thread(target=_scan, args=(self._library, self._requested, self._reporter),
                                  name="library-scan", daemon=True)  # an unreachable share must not hold up quitting
        worker.start()

    def is_reading(self) -> bool:
        """Whether a look through the folders is under way whose listing is not shown yet."""
        return self._shown != self._requested

    def listing(self) -> LibraryListing:
        """What the last look through the folders that is shown found."""
        return self._listing

    def _on_scanned(self, number: int, listing: LibraryListing) -> None:
        if number != self._requested:
            return  # an older look, overtaken by a newer one (other folders, a change on disk)
        self._shown = number
        self._listing = listing
        self._show(listing)
        self._watch(listing)
        self.listed.emit()

    def entries(self) -> list[LibraryEntry]:
        """The standards listed, in tree order."""
        return list(self._entries)

    # --- the tree ---------------------------------------------------------------------------

    def _placeholder(self, text: str) -> None:
        """A greyed line in place of the list, saying why there is none."""
        placeholder = QTreeWidgetItem([text])
        placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self._tree.addTopLevelItem(placeholder)

    def _show(self, listing: LibraryListing) -> None:
        self._tree.clear()
        self._entries = []
        groups = by_group(listing.entries)
        names = {
            "referral": self.tr("Referrals"), "certificate": self.tr("Certificates"), "": self.tr("Other standards"),
        }
        for category, entries in groups.items():
            if entries:
                group = self._group(names[category])
                for entry in entries:
                    group.addChild(self._entry_item(entry))
                    self._entries.append(entry)
        if not listing.entries:
            self._placeholder(self.tr("No standard processes found"))
        if listing.unreadable or listing.folder_problems:
            group = self._group(self.tr("Could not be read"))
            for file in listing.unreadable:
                self._add_problem(group, file.path.name, read_problem(file.code), f"{file.path}\n{file.reason}")
            for problem in listing.folder_problems:
                self._add_problem(group, str(problem.folder), read_problem(problem.code), problem.message)
        self._tree.expandAll()

    def _group(self, name: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(item.font(TITLE_COLUMN))
        font.setBold(True)
        item.setFont(TITLE_COLUMN, font)
        self._tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        return item

    def _entry_item(self, entry: LibraryEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem([entry.title, entry.version or "–"])
        item.setData(TITLE_COLUMN, _PATH_ROLE, str(entry.path))
        item.setTextAlignment(VERSION_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tooltip = self._tooltip(entry)
        item.setToolTip(TITLE_COLUMN, tooltip)
        item.setToolTip(VERSION_COLUMN, tooltip)
        return item

    def _tooltip(self, entry: LibraryEntry) -> str:
        """The entry's metadata as rich text (so that Qt wraps a long description)."""
        fields = [
            (self.tr("Identifier:"), entry.identifier),
            (self.tr("Version:"), entry.version),
            (self.tr("Valid from:"), entry.valid_from),
            (self.tr("Owner:"), entry.owner),
        ]
        lines = [f"<b>{escape(entry.title)}</b>"]
        lines += [f"{escape(label)} {escape(value)}" for label, value in fields if value]
        description = f"<p>{escape(entry.description)}</p>" if entry.description else ""
        file = f"<p>{escape(self.tr('File:'))} {escape(str(entry.path))}</p>"
        return "<br>".join(lines) + description + file

    def _add_problem(self, group: QTreeWidgetItem, name: str, reason: str, detail: str) -> None:
        """A file or folder that cannot be read: its name, the reason below it, the core's words in the tooltips."""
        item = QTreeWidgetItem([name])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setToolTip(TITLE_COLUMN, detail)
        group.addChild(item)
        item.setFirstColumnSpanned(True)
        explanation = QTreeWidgetItem([reason])
        explanation.setFlags(Qt.ItemFlag.ItemIsEnabled)
        explanation.setToolTip(TITLE_COLUMN, detail)
        explanation.setForeground(TITLE_COLUMN, self.palette().placeholderText())
        item.addChild(explanation)
        explanation.setFirstColumnSpanned(True)

    def _watch(self, listing: LibraryListing) -> None:
        """Follow the folders that hold the library's files, to list again when they change."""
        folders = {folder for folder in self._library.folders if folder.is_dir()}
        folders |= {entry.path.parent for entry in listing.entries}
        folders |= {file.path.parent for file in listing.unreadable}
        watched = set(self._watcher.directories())
        if gone := watched - {str(folder) for folder in folders}:
            self._watcher.removePaths(sorted(gone))
        if new := {str(folder) for folder in folders} - watched:
            self._watcher.addPaths(sorted(new))

    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(TITLE_COLUMN, _PATH_ROLE)
        if path:
            self.open_requested.emit(Path(path))
