"""The library dock: the standard processes found in a folder (gui layer)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator, QWidget

from ..core.model import BpmnDocument
from ..core.model.extensions import metadata
from ..core.xmlio import BpmnReadError, read_bpmn

_PATH_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class LibraryEntry:
    """One process of the library: its file and the title to show."""

    path: Path
    title: str


def document_title(document: BpmnDocument) -> str:
    """The title in the metadata of the document's first collaboration or process ('' if none)."""
    for owner in [*document.collaborations, *document.processes]:
        data = metadata(owner)
        if data is not None and data.title:
            return data.title
    return ""


def library_entries(folder: Path) -> list[LibraryEntry]:
    """Every ``.bpmn`` file under ``folder``, titled from its metadata or else its name.

    Parameters
    ----------
    folder
        The library folder, searched recursively.

    Returns
    -------
    list[LibraryEntry]
        Sorted by path; files that cannot be read are listed under their file name.
    """
    entries = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".bpmn" and p.is_file()):
        try:
            title = document_title(read_bpmn(path, resolve_imports=False))
        except (BpmnReadError, OSError):
            title = ""
        entries.append(LibraryEntry(path, title or path.stem))
    return entries


class LibraryDock(QDockWidget):
    """A dock listing the library's processes by folder; activating one asks to open it.

    Parameters
    ----------
    parent
        The main window.
    """

    #: The user chose a process to open (read-only).
    open_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Standard processes"), parent)
        self.setObjectName("LibraryDock")
        self._tree = QTreeWidget(self)
        self._tree.setHeaderHidden(True)
        self._tree.setRootIsDecorated(True)
        self._tree.itemActivated.connect(self._on_item_activated)
        self.setWidget(self._tree)

    def set_folder(self, folder: Path | None) -> None:
        """List the processes under ``folder`` (None: no library)."""
        self._tree.clear()
        entries = library_entries(folder) if folder is not None and folder.is_dir() else []
        if not entries:
            placeholder = QTreeWidgetItem([self.tr("No standard processes found")])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self._tree.addTopLevelItem(placeholder)
            return
        assert folder is not None
        folders: dict[Path, QTreeWidgetItem] = {}
        for entry in entries:
            item = QTreeWidgetItem([entry.title])
            item.setData(0, _PATH_ROLE, str(entry.path))
            item.setToolTip(0, str(entry.path.relative_to(folder)))
            relative = entry.path.parent.relative_to(folder)
            if relative == Path("."):
                self._tree.addTopLevelItem(item)
            else:
                self._folder_item(relative, folders).addChild(item)
        self._tree.expandAll()

    def _folder_item(self, relative: Path, folders: dict[Path, QTreeWidgetItem]) -> QTreeWidgetItem:
        item = folders.get(relative)
        if item is None:
            item = folders[relative] = QTreeWidgetItem([relative.name])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if relative.parent == Path("."):
                self._tree.addTopLevelItem(item)
            else:
                self._folder_item(relative.parent, folders).addChild(item)
        return item

    def entry_paths(self) -> list[Path]:
        """The files listed, in tree order."""
        return [entry.path for entry in self.entries()]

    def entries(self) -> list[LibraryEntry]:
        """The processes listed, with their titles, in tree order."""
        entries = []
        items = QTreeWidgetItemIterator(self._tree)
        while (item := items.value()) is not None:
            if path := item.data(0, _PATH_ROLE):
                entries.append(LibraryEntry(Path(path), item.text(0)))
            items += 1
        return entries

    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, _PATH_ROLE)
        if path:
            self.open_requested.emit(Path(path))
