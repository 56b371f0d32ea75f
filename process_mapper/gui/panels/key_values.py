"""The table of an element's free key-value properties (gui layer).

The table only shows and asks; the properties panel turns each request into one edit.
A cell commits when its editor closes (Enter or leaving the cell), so typing never
changes the model. Requests are sent once the table has finished with the edited cell,
since answering one redraws the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

KEY_COLUMN, VALUE_COLUMN = 0, 1
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
#: Rows visible without scrolling: at least, and at most before the table scrolls.
VISIBLE_ROWS, MAX_VISIBLE_ROWS = 3, 8


class KeyValueTable(QWidget):
    """Key and value rows with Add and Remove buttons.

    Signals carry the requests: :attr:`key_added` ``(key, value)`` for a new row,
    :attr:`value_set` ``(key, value)`` for a changed value, :attr:`key_renamed`
    ``(old, new)`` and :attr:`key_removed` ``(key)``.
    """

    key_added = Signal(str, str)
    value_set = Signal(str, str)
    key_renamed = Signal(str, str)
    key_removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(KEY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        row_height = self.table.verticalHeader().defaultSectionSize()
        frame = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(frame + VISIBLE_ROWS * row_height)
        self.table.setMaximumHeight(frame + MAX_VISIBLE_ROWS * row_height)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setToolTip(self.tr("Add a property"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected property"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._shown: list[tuple[str, str]] = []
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_values(self, values: dict[str, str]) -> None:
        """Show ``values`` (key to value), replacing every row."""
        self._shown = list(values.items())
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for key, value in self._shown:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, KEY_COLUMN, QTableWidgetItem(key))
            self.table.setItem(row, VALUE_COLUMN, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self._update_buttons()

    def add_row(self) -> None:
        """Append an empty row and start editing its key; it exists once a key is given."""
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        key = QTableWidgetItem("")
        self.table.setItem(row, KEY_COLUMN, key)
        self.table.setItem(row, VALUE_COLUMN, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, KEY_COLUMN)
        self.table.editItem(key)

    def remove_selected(self) -> None:
        """Ask to remove the selected row's property (an empty new row just goes)."""
        row = self.table.currentRow()
        if row < 0:
            return
        if row < len(self._shown):
            self.key_removed.emit(self._shown[row][0])
        else:
            self.table.removeRow(row)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        row, text = item.row(), item.text().strip()
        if row >= len(self._shown):  # the new row
            if item.column() == KEY_COLUMN and text:
                typed = self.table.item(row, VALUE_COLUMN)
                self._later(self.key_added.emit, text, typed.text() if typed is not None else "")
            return
        key, value = self._shown[row]
        if item.column() == KEY_COLUMN and text and text != key:
            self._later(self.key_renamed.emit, key, text)
        elif item.column() == VALUE_COLUMN and item.text() != value:
            self._later(self.value_set.emit, key, item.text())
        else:  # an emptied key, or nothing changed: show the property as it is
            self._later(self.set_values, dict(self._shown))

    def _later(self, call: Callable[..., object], *arguments: object) -> None:
        """Run ``call`` once control is back in the event loop, after the cell is committed."""
        QTimer.singleShot(0, self, partial(call, *arguments))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.isEnabled() and self.table.currentRow() >= 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Delete in the table removes the selected property (and not what the canvas has selected)."""
        if watched is self.table and isinstance(event, QKeyEvent) and event.key() in _DELETE_KEYS:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is ours, not the Edit menu's
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._update_buttons()


__all__ = ["KEY_COLUMN", "VALUE_COLUMN", "KeyValueTable"]
