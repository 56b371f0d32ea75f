"""A minimal observer for editor notifications, so that the core needs no Qt (core layer).

We use a small in-house signal rather than ``psygnal``: three notifications do not
justify a dependency, and the Qt layer forwards them to Qt signals anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from .changes import ElementChanges

T = TypeVar("T")


class Signal(Generic[T]):
    """Callbacks taking one value, called in the order they were connected."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], None]] = []

    def connect(self, callback: Callable[[T], None]) -> None:
        """Call ``callback(value)`` on every :meth:`emit`."""
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], None]) -> None:
        """Stop calling ``callback``; raises ValueError when it was not connected."""
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        """Call every connected callback with ``value``."""
        for callback in list(self._callbacks):
            callback(value)


class EditorSignals:
    """What the editor announces after every apply and revert.

    Each id signal carries a sorted tuple of element ids and is emitted only when that
    bucket is not empty; ``diagrams_replaced`` fires after auto-layout swapped diagrams
    (and its undo), when a view must reload rather than patch.
    """

    def __init__(self) -> None:
        self.element_added: Signal[tuple[str, ...]] = Signal()
        self.element_removed: Signal[tuple[str, ...]] = Signal()
        self.element_changed: Signal[tuple[str, ...]] = Signal()
        self.diagrams_replaced: Signal[None] = Signal()

    def announce(self, changes: ElementChanges) -> None:
        """Emit the signals for ``changes``: removals first, then additions, then changes."""
        if changes.diagrams_replaced:
            self.diagrams_replaced.emit(None)
        for signal, ids in (
            (self.element_removed, changes.removed),
            (self.element_added, changes.added),
            (self.element_changed, changes.changed),
        ):
            if ids:
                signal.emit(tuple(sorted(ids)))
