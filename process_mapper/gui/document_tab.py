"""One open BPMN file: its document and a canvas per diagram (gui layer)."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from ..core.model import BpmnDocument
from .canvas import BpmnScene, BpmnView
from .editing import EditingSession
from .editing.tools import CanvasEditor
from .files.disk import DiskStamp


class DocumentTab(QWidget):
    """The page of one open file: the canvas, and a diagram bar when it has several.

    Every change of the document goes through :attr:`session` (one undoable command per
    edit); the canvas redraws after each apply and revert. :attr:`canvas_editor` draws
    and edits on the canvas with the mouse and keys.

    Parameters
    ----------
    document
        The document read from ``path``.
    path
        The file (None for a new document not saved yet).
    read_only
        Opened from the library: never to be edited in place.
    parent
        The owning widget.
    untitled_number
        For a new document: 1 for "Untitled", 2 for "Untitled 2", ...
    disk_stamp
        The file as it was read (default: as it is now); saving compares it to notice
        changes made by another program.
    rng
        Randomness for the ids of new elements (seeded: repeatable ids, for tests).
    """

    def __init__(
        self,
        document: BpmnDocument,
        path: Path | None,
        read_only: bool,
        parent: QWidget | None = None,
        *,
        untitled_number: int = 1,
        disk_stamp: DiskStamp | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.read_only = read_only
        self.untitled_number = untitled_number
        self.disk_stamp = disk_stamp if disk_stamp is not None or path is None else DiskStamp.of(path)
        self.session = EditingSession(document, self, rng)
        self.scene = BpmnScene(parent=self)
        self.scene.load(document)
        # One refresh per command (do, undo or redo) of the elements it touched.
        self._touched: set[str] = set()
        for signal in (self.session.elements_added, self.session.elements_removed, self.session.elements_changed):
            signal.connect(self._touched.update)
        self.session.undo_stack.indexChanged.connect(self._redraw)
        self.session.diagrams_replaced.connect(self._reload)
        self.view = BpmnView(self.scene, self)
        self.view.setAcceptDrops(True)  # palette entries; files dropped on the canvas go on to the window
        self.canvas_editor = CanvasEditor(self.session, self.scene, self.view)
        self._fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view)
        if len(document.diagrams) > 1:
            self._diagram_bar = QTabBar(self)
            self._diagram_bar.setShape(QTabBar.Shape.RoundedSouth)
            self._diagram_bar.setDocumentMode(True)
            for number, diagram in enumerate(document.diagrams, start=1):
                self._diagram_bar.addTab(diagram.name or self.tr("Diagram {number}").format(number=number))
            self._diagram_bar.currentChanged.connect(self.show_diagram)
            layout.addWidget(self._diagram_bar)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            # the view keeps the fit while the window lays out its docks, until the user moves it
            self.view.zoom_to_fit(max_zoom=1.0)

    def show_diagram(self, index: int) -> None:
        """Draw the document's diagram number ``index`` (0-based) and fit it in view."""
        self.session.editor.diagram_index = index
        self.scene.select("")  # the selection stays behind, and the docks hear of it
        self.scene.load(self.document, self.document.diagrams[index])
        self.view.zoom_to_fit(max_zoom=1.0)

    def reveal(self, element_id: str) -> bool:
        """Select ``element_id`` and centre the view on it; False when it is not drawn here."""
        self.scene.select(element_id)
        return self.view.centre_on_element(element_id)

    def _redraw(self, _index: int = 0) -> None:
        touched = set(self._touched)
        self._touched.clear()  # the same set: the session's signals fill it
        self.scene.refresh(touched)

    def _reload(self) -> None:
        self._touched.clear()
        self.scene.reload()

    def title(self) -> str:
        """The tab's title: the file name ("Untitled" before the first save), marked when read-only."""
        if self.path is not None:
            name = self.path.name
        elif self.untitled_number > 1:
            name = self.tr("Untitled {number}").format(number=self.untitled_number)
        else:
            name = self.tr("Untitled")
        if self.read_only:
            return self.tr("{file} (read-only)").format(file=name)
        return name

    def mark_saved(self, path: Path) -> None:
        """The document now lives at ``path`` as written: editable, unmodified, stamped."""
        self.path = path
        self.read_only = False
        self.disk_stamp = DiskStamp.of(path)
        self.session.undo_stack.setClean()

    def has_diagram(self) -> bool:
        """Whether the file has a diagram to show."""
        return bool(self.document.diagrams)
