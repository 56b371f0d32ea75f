"""The signals that say a tab's model changed, for the docks that follow it (gui layer)."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance

from ..document_tab import DocumentTab


def model_signals(tab: DocumentTab) -> tuple[SignalInstance, ...]:
    """Every signal of ``tab``'s session emitted after an edit is applied or undone."""
    session = tab.session
    return (session.elements_added, session.elements_removed, session.elements_changed, session.diagrams_replaced)
