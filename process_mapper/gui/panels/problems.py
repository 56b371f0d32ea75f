"""The problems dock: the validator's findings for the current tab (gui layer).

The findings are those of :func:`process_mapper.core.validation.validate` without the
schema check: what reading the file found, broken references and the modelling rules.
(The schema check takes over half a second on a large diagram, and the writer keeps
saved files in schema order.) They are computed again a moment after the last edit, so
that typing in the properties dock stays fast, and as soon as another tab has been
drawn: a moment after its canvas's first paint, so that a large diagram shows and
pans without waiting for its findings.
Clicking a finding, or pressing Enter on it, selects and centres its element.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...core.editing.names import TYPE_NAMES, element_name
from ...core.model import Issue, Severity
from ...core.validation import validate
from ..document_tab import DocumentTab
from ..i18n import interface_language
from .model_signals import model_signals

#: Quiet time after the last edit before the findings are computed again.
REVALIDATE_DELAY_MS = 300
PROBLEM_COLUMN, ELEMENT_COLUMN = 0, 1
#: Height of the dock until the user resizes it: a handful of findings.
PROBLEMS_HEIGHT = 150
#: Width of the element column until the user resizes it.
ELEMENT_WIDTH = 220
_ELEMENT_ROLE = Qt.ItemDataRole.UserRole


class ProblemsDock(QDockWidget):
    """A list of the current tab's findings, most serious first, with their count in the title.

    Parameters
    ----------
    parent
        The main window.
    """

    #: A message for the status bar.
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProblemsDock")
        self._tab: DocumentTab | None = None
        self.issues: list[Issue] = []
        self._openers: list[QWidget] = []
        #: The canvas whose next paint starts the validation of a tab just shown.
        self._awaited_canvas: QWidget | None = None
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("Element")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(PROBLEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(ELEMENT_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(ELEMENT_COLUMN, ELEMENT_WIDTH)
        self.tree.itemClicked.connect(self._reveal)
        self.tree.itemActivated.connect(self._reveal)
        self.setWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.revalidate)
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self.revalidate()

    def open_on_click(self, widget: QWidget) -> None:
        """Make a click on ``widget`` (the status bar's issue count) show this dock."""
        widget.installEventFilter(self)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
        self._openers.append(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonRelease and watched in self._openers:
            self.show()
            self.raise_()
        elif event.type() == QEvent.Type.Paint and watched is self._awaited_canvas:
            self._stop_awaiting_paint()
            self._timer.start(REVALIDATE_DELAY_MS)  # the paint, and the first moves over the new canvas, go first
        return super().eventFilter(watched, event)

    def set_tab(self, tab: DocumentTab | None) -> None:
        """List the findings of ``tab`` (nothing without a tab) once its canvas has been painted.

        Validating a large diagram takes a while; the tab is drawn first, and the findings
        come :data:`REVALIDATE_DELAY_MS` after the first paint of its canvas (or after the
        tab was shown, when its window is hidden and nothing is painted).
        """
        if tab is self._tab:
            return
        if self._tab is not None:
            for signal in model_signals(self._tab):
                signal.disconnect(self.schedule)
        self._stop_awaiting_paint()
        self._tab = tab
        self._list(None)
        if tab is None:
            self._timer.start(0)
            return
        for signal in model_signals(tab):
            signal.connect(self.schedule)
        self._awaited_canvas = tab.view.viewport()
        self._awaited_canvas.installEventFilter(self)
        self._timer.start(REVALIDATE_DELAY_MS)

    def _stop_awaiting_paint(self) -> None:
        if self._awaited_canvas is not None and shiboken6.isValid(self._awaited_canvas):
            self._awaited_canvas.removeEventFilter(self)
        self._awaited_canvas = None

    def schedule(self, _ids: tuple[str, ...] = ()) -> None:
        """Compute the findings again once the edits pause for :data:`REVALIDATE_DELAY_MS`."""
        self._timer.start(REVALIDATE_DELAY_MS)

    def revalidate(self) -> None:
        """Compute and list the current tab's findings now."""
        self._timer.stop()
        self._list(validate(self._tab.document, schema=False) if self._tab is not None else None)

    def _list(self, issues: list[Issue] | None) -> None:
        """Show ``issues``, their count in the title; None for none known (no tab, or not yet computed)."""
        self.issues = issues or []
        self.tree.clear()
        self.tree.addTopLevelItems([self._item(issue) for issue in self.issues])
        self.setWindowTitle(self.tr("Problems (%n)", "", len(issues)) if issues is not None else self.tr("Problems"))

    def _item(self, issue: Issue) -> QTreeWidgetItem:
        item = QTreeWidgetItem([self._summary(issue), self._element_text(issue.element_id)])
        item.setIcon(PROBLEM_COLUMN, self._icons.get(issue.severity, QIcon()))
        item.setToolTip(PROBLEM_COLUMN, issue.message)
        item.setToolTip(ELEMENT_COLUMN, issue.element_id or "")
        item.setData(PROBLEM_COLUMN, _ELEMENT_ROLE, issue.element_id or "")
        return item

    def _element_text(self, element_id: str | None) -> str:
        """The element as a person names it: its name, or its type and id."""
        if not element_id or self._tab is None:
            return ""
        record = self._tab.document.get(element_id)
        if record is None:
            return element_id
        name = " ".join((getattr(record, "name", None) or "").split())
        if name:
            return name
        kind = element_name(record)[interface_language()] if record.TAG in TYPE_NAMES else record.type_name
        return f"{kind[:1].upper()}{kind[1:]} {element_id}"

    def _summary(self, issue: Issue) -> str:
        """What is wrong, in the interface language (the validator's own sentence in the tooltip)."""
        summaries = {
            "unconnected-node": self.tr("The element has no incoming and no outgoing sequence flow."),
            "start-event-incoming": self.tr("A sequence flow enters the start event."),
            "end-event-outgoing": self.tr("A sequence flow leaves the end event."),
            "sequence-flow-crosses-boundary": self.tr("The sequence flow crosses a pool or sub-process boundary."),
            "message-flow-same-pool": self.tr("The message flow connects two elements of the same pool."),
            "lane-foreign-node": self.tr("The lane lists an element that is not in its process."),
            "node-outside-lanes": self.tr("Elements are outside every lane."),
            "missing-start-event": self.tr("The process has no start event."),
            "missing-end-event": self.tr("The process has no end event."),
            "gateway-no-outgoing": self.tr("The gateway has no outgoing sequence flow."),
            "unlabelled-branch": self.tr("The branch has neither a name nor a condition."),
            "default-flow-not-outgoing": self.tr("The default flow does not leave this element."),
            "duplicate-id": self.tr("The id is used more than once."),
            "dangling-reference": self.tr("A reference points to no element."),
            "dangling-diagram-reference": self.tr("The drawing refers to no element."),
            "empty-reference": self.tr("A reference is empty."),
            "missing-reference": self.tr("The flow has no source or no target."),
        }
        return summaries.get(issue.code, issue.message)

    def _reveal(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        element_id = str(item.data(PROBLEM_COLUMN, _ELEMENT_ROLE) or "")
        if self._tab is None or not element_id:
            return
        if not self._tab.reveal(element_id):
            self.status_message.emit(self.tr("The element is not drawn in this diagram."))
