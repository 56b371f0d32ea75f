"""Collects the changes of one edit while an operation and its behaviours assemble it (core layer).

Operations and behaviours never mutate the tree; they ask an :class:`EditBuilder` for
changes. The builder keeps them in order and drops repeats (two behaviours removing the
same flow id from the same ``outgoing`` list), so behaviours need not know about each other.
"""

from __future__ import annotations

from typing import Any

from ..model.base import XmlElement
from ..model.document import BpmnDocument
from .changes import Change, InsertItem, RemoveItem, ReplaceItem, SetValue
from .lookup import owning_field


class EditBuilder:
    """The changes of one edit in the making.

    Parameters
    ----------
    document
        The document the changes are for (read, never changed, while building).
    """

    def __init__(self, document: BpmnDocument) -> None:
        self.document = document
        self.changes: list[Change] = []
        self._removed: set[tuple[int, str, Any]] = set()
        self._set: dict[tuple[int, str], Any] = {}

    def add(self, change: Change) -> None:
        """Append a change of any kind."""
        self.changes.append(change)

    def insert(self, owner: XmlElement, field_name: str, item: Any, index: int | None = None) -> None:
        """Insert ``item`` into the list ``owner.<field_name>`` (at the end when ``index`` is None)."""
        self.changes.append(InsertItem(owner, field_name, item, index))

    def remove(self, owner: XmlElement, field_name: str, item: Any) -> None:
        """Remove ``item`` from the list ``owner.<field_name>``, once however often asked."""
        key = (id(owner), field_name, id(item) if isinstance(item, XmlElement) else item)
        if key not in self._removed:
            self._removed.add(key)
            self.changes.append(RemoveItem(owner, field_name, item))

    def remove_record(self, record: XmlElement) -> None:
        """Detach ``record`` from the record that contains it."""
        parent = self.document.parent_of(record)
        if parent is None:
            raise LookupError(f"{record!r} has no parent")
        name = owning_field(parent, record)
        if isinstance(getattr(parent, name), list):
            self.remove(parent, name, record)
        else:
            self.set(parent, name, None)

    def set(self, owner: XmlElement, field_name: str, value: Any) -> None:
        """Set ``owner.<field_name>``; nothing happens when it holds ``value`` already."""
        key = (id(owner), field_name)
        current = self._set.get(key, getattr(owner, field_name))
        if current is value or (not isinstance(value, (XmlElement, list)) and current == value):
            return
        self._set[key] = value
        self.changes.append(SetValue(owner, field_name, value))

    def replace(self, old: XmlElement, new: XmlElement) -> None:
        """Put ``new`` where ``old`` is in its parent's list."""
        parent = self.document.parent_of(old)
        if parent is None:
            raise LookupError(f"{old!r} has no parent")
        self.changes.append(ReplaceItem(parent, owning_field(parent, old), old, new))
