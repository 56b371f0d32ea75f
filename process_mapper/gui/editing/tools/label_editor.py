"""Editing an element's label in place, over the canvas (gui layer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from ...canvas import BpmnView

#: The editor is at least this wide (pixels), for short names and small zoom.
MIN_WIDTH = 140
PADDING = 8


class LabelEditor(QLineEdit):
    """A line edit laid over an element: Enter (or clicking elsewhere) commits, Escape cancels.

    Parameters
    ----------
    view
        The canvas it floats over.
    element_id
        The element whose name is edited.
    text
        The current name.
    area
        Where the label is drawn, in scene coordinates.
    commit
        Called once with the new text when the user commits a changed text.
    """

    #: The editor closed (committed or cancelled).
    closed = Signal()

    def __init__(self, view: BpmnView, element_id: str, text: str, area: QRectF, commit: Callable[[str], None]) -> None:
        super().__init__(text, view.viewport())
        self.element_id = element_id
        self._original = text
        self._commit = commit
        self._done = False
        box = view.mapFromScene(area).boundingRect()
        height = self.sizeHint().height()
        width = max(MIN_WIDTH, box.width() + PADDING)
        self.setGeometry(box.center().x() - width // 2, box.center().y() - height // 2, width, height)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selectAll()
        self.returnPressed.connect(self.accept)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Commit the text (when it changed) and close."""
        if self._done:
            return
        self._done = True
        text = self.text().strip()
        self.hide()
        self.closed.emit()
        if text != self._original.strip():
            self._commit(text)
        self.deleteLater()

    def cancel(self) -> None:
        """Close without changing anything."""
        if self._done:
            return
        self._done = True
        self.hide()
        self.closed.emit()
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.accept()
