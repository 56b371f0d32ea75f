"""Primitive changes: the only code that mutates the tree for an edit (core layer, no Qt).

An :class:`~.edit.Edit` is an ordered list of these. Each one records what it needs to
undo itself *when it is applied* (a list position, an old value), so a change applied,
reverted and applied again leaves the same tree, provided that the changes after it were
reverted first. Records are moved, never copied: a record removed and put back is the
same object, so edits made earlier keep pointing at live records.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from ..model.base import SpecKind, XmlElement
from ..model.di import DiagramElement, Edge, Shape
from ..model.semantic import (
    Artifact,
    Collaboration,
    DataAssociation,
    FlowElement,
    Lane,
    MessageFlow,
    Participant,
    Process,
)

#: Records the scene draws or lists: inserting or removing one adds or removes an element.
ELEMENT_TYPES: tuple[type[XmlElement], ...] = (
    FlowElement,
    Artifact,
    Participant,
    MessageFlow,
    DataAssociation,
    Lane,
    Process,
    Collaboration,
    Shape,
    Edge,
)


@dataclass
class ElementChanges:
    """What an edit did, by element id (the ``bpmnElement`` of a drawing counts as its element).

    Attributes
    ----------
    added, removed, changed
        Ids of elements that appeared, disappeared, or changed (semantics or drawing).
    diagrams_replaced
        True when whole diagrams were swapped (auto-layout): views must reload.
    """

    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)
    diagrams_replaced: bool = False

    def merge(self, other: ElementChanges) -> None:
        """Add ``other``'s ids to these."""
        self.added |= other.added
        self.removed |= other.removed
        self.changed |= other.changed
        self.diagrams_replaced |= other.diagrams_replaced

    def settled(self) -> ElementChanges:
        """These changes with each id in one bucket: both added and removed means changed."""
        both = self.added & self.removed
        added, removed = self.added - both, self.removed - both
        return ElementChanges(added, removed, (self.changed | both) - added - removed, self.diagrams_replaced)

    def inverted(self) -> ElementChanges:
        """The changes that undo these: added and removed swap."""
        return ElementChanges(set(self.removed), set(self.added), set(self.changed), self.diagrams_replaced)


def subject_id(record: XmlElement) -> str | None:
    """The element a record stands for: a drawing's ``bpmnElement``, else its own id."""
    if isinstance(record, DiagramElement):
        return record.bpmn_element
    return record.id


def element_ids(record: XmlElement) -> set[str]:
    """Ids of the elements in ``record``'s subtree (itself included)."""
    return {
        ident
        for node in record.iter_tree()
        if isinstance(node, ELEMENT_TYPES) and (ident := subject_id(node)) is not None
    }


def _owner_changed(owner: XmlElement) -> ElementChanges:
    ident = subject_id(owner)
    return ElementChanges(changed={ident} if ident else set())


# --- carried content stays in place ----------------------------------------------------------
#
# Unknown child elements are written back after the number of known children their
# anchor says (see ``XmlElement.foreign``). Inserting or removing a known child before
# them would move them across it, which can break the schema order (a ``resource`` of the
# definitions written after the diagrams), so the anchors follow. At a field's start an
# anchor is ambiguous; it moves with the field's items except for the fields below,
# which the schema puts *after* the carried content that usually precedes them
# (``ioSpecification`` or ``property`` before a process's lanes and flow elements,
# ``outputSet`` before an event's definitions, ``partitionElement`` before lane content),
# and except drawings, whose only carried content, ``di:extension``, comes first.
_AFTER_CARRIED_CONTENT = frozenset(
    {"lane_sets", "flow_elements", "flow_node_refs", "child_lane_set", "event_definitions"}
)
_CONTENT_KINDS = (
    SpecKind.CHILD,
    SpecKind.CHILDREN,
    SpecKind.GROUP,
    SpecKind.REF_LIST,
    SpecKind.REF_TEXT,
    SpecKind.TEXT_CHILD,
)


def _count(value: Any) -> int:
    """How many child elements a field's value writes."""
    if value is None or value == []:
        return 0
    return len(value) if isinstance(value, list) else 1


def _field_start(owner: XmlElement, field_name: str) -> int | None:
    """How many known child elements ``owner`` writes before field ``field_name`` (None: no child field)."""
    start = 0
    for bound in type(owner).xml_fields:
        if bound.spec.kind not in _CONTENT_KINDS:
            continue
        if bound.name == field_name:
            return start
        start += _count(getattr(owner, bound.name))
    return None


def anchored_foreign(
    owner: XmlElement, field_name: str, index: int, old_count: int, new_count: int
) -> list[tuple[int, Any]]:
    """``owner.foreign`` with anchors moved for field ``field_name`` changing at ``index``.

    Parameters
    ----------
    owner
        The record whose child field changes.
    field_name
        The field.
    index
        Where in the field the change starts (0 when the whole field is replaced).
    old_count, new_count
        How many child elements the changed part writes before and after the change
        (an insertion is ``0, 1``, a removal ``1, 0``).
    """
    start = _field_start(owner, field_name)
    if not owner.foreign or start is None or old_count == new_count:
        return owner.foreign
    at = start + index + old_count  # carried content from here on belongs after the changed items
    at_field_start = index + old_count == 0
    keep_before = at_field_start and (field_name in _AFTER_CARRIED_CONTENT or isinstance(owner, DiagramElement))
    delta = new_count - old_count
    moved = []
    for anchor, node in owner.foreign:
        if anchor > at or (anchor == at and not keep_before):
            anchor = max(start + index, anchor + delta)
        moved.append((anchor, node))
    return moved


def _membership(item: Any) -> tuple[set[str], bool]:
    """The element ids an inserted or removed list item stands for, and whether it is a record."""
    if isinstance(item, XmlElement):
        return element_ids(item), True
    return set(), False


class Change(ABC):
    """One reversible mutation of the tree."""

    @abstractmethod
    def apply(self) -> None:
        """Make the change, remembering what :meth:`revert` needs."""

    @abstractmethod
    def revert(self) -> None:
        """Undo the last :meth:`apply`."""

    @abstractmethod
    def effect(self) -> ElementChanges:
        """What :meth:`apply` does, by element id (revert does the inverse)."""


def _position(items: list[Any], item: Any) -> int:
    """Where ``item`` is in ``items``: by identity for records, by equality for id strings."""
    if isinstance(item, XmlElement):
        return next(index for index, candidate in enumerate(items) if candidate is item)
    return items.index(item)


class InsertItem(Change):
    """Insert ``item`` into the list field ``owner.<field_name>`` at ``index`` (None: at the end)."""

    def __init__(self, owner: XmlElement, field_name: str, item: Any, index: int | None = None) -> None:
        self.owner, self.field_name, self.item, self.index = owner, field_name, item, index
        self._position = -1
        self._foreign: list[tuple[int, Any]] = []

    def apply(self) -> None:
        items: list[Any] = getattr(self.owner, self.field_name)
        self._position = len(items) if self.index is None else min(self.index, len(items))
        self._foreign = self.owner.foreign
        self.owner.foreign = anchored_foreign(self.owner, self.field_name, self._position, 0, 1)
        items.insert(self._position, self.item)

    def revert(self) -> None:
        items: list[Any] = getattr(self.owner, self.field_name)
        assert items[self._position] is self.item or items[self._position] == self.item
        del items[self._position]
        self.owner.foreign = self._foreign

    def effect(self) -> ElementChanges:
        ids, is_record = _membership(self.item)
        return ElementChanges(added=ids) if is_record and ids else _owner_changed(self.owner)

    def __repr__(self) -> str:
        return f"InsertItem({subject_id(self.owner)}.{self.field_name} += {self.item!r})"


class RemoveItem(Change):
    """Remove ``item`` from the list field ``owner.<field_name>``."""

    def __init__(self, owner: XmlElement, field_name: str, item: Any) -> None:
        self.owner, self.field_name, self.item = owner, field_name, item
        self._position = -1
        self._foreign: list[tuple[int, Any]] = []

    def apply(self) -> None:
        items: list[Any] = getattr(self.owner, self.field_name)
        self._position = _position(items, self.item)
        self._foreign = self.owner.foreign
        self.owner.foreign = anchored_foreign(self.owner, self.field_name, self._position, 1, 0)
        del items[self._position]

    def revert(self) -> None:
        getattr(self.owner, self.field_name).insert(self._position, self.item)
        self.owner.foreign = self._foreign

    def effect(self) -> ElementChanges:
        ids, is_record = _membership(self.item)
        return ElementChanges(removed=ids) if is_record and ids else _owner_changed(self.owner)

    def __repr__(self) -> str:
        return f"RemoveItem({subject_id(self.owner)}.{self.field_name} -= {self.item!r})"


class ReplaceItem(Change):
    """Put ``new`` where ``old`` is in the list field ``owner.<field_name>`` (same element id)."""

    def __init__(self, owner: XmlElement, field_name: str, old: XmlElement, new: XmlElement) -> None:
        self.owner, self.field_name, self.old, self.new = owner, field_name, old, new
        self._position = -1

    def apply(self) -> None:
        items: list[Any] = getattr(self.owner, self.field_name)
        self._position = _position(items, self.old)
        items[self._position] = self.new

    def revert(self) -> None:
        getattr(self.owner, self.field_name)[self._position] = self.old

    def effect(self) -> ElementChanges:
        old, new = element_ids(self.old), element_ids(self.new)
        return ElementChanges(added=new - old, removed=old - new, changed=old & new)


class SetValue(Change):
    """Set the field ``owner.<field_name>`` to ``value`` (any value, a child record or a list)."""

    def __init__(self, owner: XmlElement, field_name: str, value: Any) -> None:
        self.owner, self.field_name, self.value = owner, field_name, value
        self._old: Any = None
        self._foreign: list[tuple[int, Any]] = []

    def apply(self) -> None:
        self._old = getattr(self.owner, self.field_name)
        self._foreign = self.owner.foreign
        self.owner.foreign = anchored_foreign(self.owner, self.field_name, 0, _count(self._old), _count(self.value))
        setattr(self.owner, self.field_name, self.value)

    def revert(self) -> None:
        setattr(self.owner, self.field_name, self._old)
        self.owner.foreign = self._foreign

    def effect(self) -> ElementChanges:
        return _owner_changed(self.owner)

    def __repr__(self) -> str:
        return f"SetValue({subject_id(self.owner)}.{self.field_name} = {self.value!r})"
