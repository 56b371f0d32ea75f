"""The change list of the compare window: changes by severity and category, with filters (gui layer).

The list shows the :class:`~process_mapper.core.comparison.ChangeRow` rows of a comparison
grouped by severity, then category, each with its explanation and decision, and the
counts per category above. Next and Previous walk through the changes shown in process
order (the order of the rows). Decisions that no longer fit a change are listed in a
group of their own, so that nothing recorded is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.comparison import CATEGORY_NAMES, SEVERITY_NAMES, ChangeRow
from ...core.diff import Category, ChangeSeverity

_CHANGE_ROLE = Qt.ItemDataRole.UserRole
_UNPLACED_ROLE = Qt.ItemDataRole.UserRole + 1


class ChangeList(QWidget):
    """Counts, filters and the grouped list of changes.

    Parameters
    ----------
    language
        The language of the category and severity names (``"sv"`` or ``"en"``).
    parent
        The owning widget.
    """

    #: The user chose the change with this id ('' when a group or nothing is chosen).
    change_chosen = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: tuple[ChangeRow, ...] = ()
        self._unplaced: tuple[ChangeRow, ...] = ()
        self._items: dict[str, QTreeWidgetItem] = {}
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.category_filter = QComboBox(self)
        self.category_filter.setToolTip(self.tr("Show the changes of one category"))
        self.severity_filter = QComboBox(self)
        self.severity_filter.setToolTip(self.tr("Show the changes of one severity"))
        self.severity_filter.addItem(self.tr("All severities"), None)
        for severity in ChangeSeverity:
            self.severity_filter.addItem(SEVERITY_NAMES[severity][language], severity)
        for combo in (self.category_filter, self.severity_filter):
            combo.currentIndexChanged.connect(self._fill)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Decision")])
        # One line per change (the tooltip has the whole sentence): uniform rows lay out fast.
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.severity_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts_label)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)

    # --- content ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ChangeRow], unplaced: Sequence[ChangeRow]) -> None:
        """Show ``rows`` (in process order) and the decisions that cannot be placed, keeping the current change."""
        current = self.current_change()
        self._rows, self._unplaced = tuple(rows), tuple(unplaced)
        counts = {category: sum(row.category is category for row in self._rows) for category in Category}
        self.counts_label.setText(" · ".join(
            f"{CATEGORY_NAMES[category][self._language]} {count}" for category, count in counts.items() if count
        ) or self.tr("No differences"))
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories ({count})").format(count=len(self._rows)), None)
        for category, count in counts.items():
            self.category_filter.addItem(f"{CATEGORY_NAMES[category][self._language]} ({count})", category)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(chosen)))
        self.category_filter.blockSignals(False)
        self._fill()
        self.select_change(current)

    def _visible(self, row: ChangeRow) -> bool:
        # Qt hands str enums back as plain strings; None is "all".
        category, severity = self.category_filter.currentData(), self.severity_filter.currentData()
        return (category is None or row.category == category) and (severity is None or row.severity == severity)

    def _fill(self) -> None:
        current = self.current_change()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        groups: dict[tuple[ChangeSeverity, Category], QTreeWidgetItem] = {}
        severities: dict[ChangeSeverity, QTreeWidgetItem] = {}
        for severity in ChangeSeverity:
            for category in Category:
                rows = [row for row in self._rows if row.severity is severity and row.category is category]
                shown = [row for row in rows if self._visible(row)]
                if not shown:
                    continue
                if severity not in severities:
                    severities[severity] = self._group(None, SEVERITY_NAMES[severity][self._language])
                groups[severity, category] = self._group(
                    severities[severity], f"{CATEGORY_NAMES[category][self._language]} ({len(shown)})"
                )
                for row in shown:
                    self._items[row.change_id] = self._row_item(groups[severity, category], row, unplaced=False)
        for severity, item in severities.items():
            count = sum(self._visible(row) and row.severity is severity for row in self._rows)
            item.setText(0, f"{SEVERITY_NAMES[severity][self._language]} ({count})")
        if self._unplaced:
            title = self.tr("Decisions that cannot be placed ({count})").format(count=len(self._unplaced))
            group = self._group(None, title)
            group.setToolTip(0, self.tr(
                "These decisions were recorded on changes that are not found in the processes as they are now. "
                "They are kept in the comparison file."
            ))
            for row in self._unplaced:
                self._items.setdefault(row.change_id, self._row_item(group, row, unplaced=True))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.select_change(current)

    def _group(self, parent: QTreeWidgetItem | None, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        item.setFirstColumnSpanned(True)  # only once the item is in the tree
        return item

    @staticmethod
    def _row_item(parent: QTreeWidgetItem, row: ChangeRow, unplaced: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([row.explanation, row.decision_name])
        item.setData(0, _CHANGE_ROLE, row.change_id)
        item.setData(0, _UNPLACED_ROLE, unplaced)
        item.setToolTip(0, row.explanation)
        parent.addChild(item)
        return item

    # --- choosing -----------------------------------------------------------------------------

    def visible_changes(self) -> list[str]:
        """The ids of the changes shown, in process order (unplaced decisions excluded)."""
        return [row.change_id for row in self._rows if self._visible(row)]

    def current_change(self) -> str:
        """The id of the chosen change or unplaced decision ('' when none)."""
        item = self.tree.currentItem()
        return str(item.data(0, _CHANGE_ROLE) or "") if item is not None else ""

    def is_unplaced(self, change_id: str) -> bool:
        """True when ``change_id`` is a decision that cannot be placed on a current change."""
        return any(row.change_id == change_id for row in self._unplaced) and all(
            row.change_id != change_id for row in self._rows
        )

    def row(self, change_id: str) -> ChangeRow | None:
        """The row of a change or unplaced decision, if listed."""
        return next((row for row in (*self._rows, *self._unplaced) if row.change_id == change_id), None)

    def select_change(self, change_id: str) -> bool:
        """Make ``change_id`` the current row ('' clears); False when it is not shown."""
        item = self._items.get(change_id)
        if item is None:
            self.tree.setCurrentIndex(QModelIndex())
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def step(self, offset: int) -> str:
        """Choose the change ``offset`` places after the current one in process order; its id ('' if none).

        From no current change, Next chooses the first change and Previous the last.
        """
        shown = self.visible_changes()
        if not shown:
            return ""
        current = self.current_change()
        if current in shown:
            index = min(len(shown) - 1, max(0, shown.index(current) + offset))
        else:
            index = 0 if offset > 0 else len(shown) - 1
        self.select_change(shown[index])
        return shown[index]

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.change_chosen.emit(str(current.data(0, _CHANGE_ROLE) or "") if current is not None else "")
