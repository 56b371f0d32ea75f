"""Editing BPMN documents with undoable, named edits (core layer, no Qt).

The foundation of the modeller, after diagram-js and bpmn-js: an intent-level facade
(:class:`DocumentEditor`), one operation module per intent (:mod:`.operations`), BPMN
follow-ups as small behaviours (:mod:`.behaviours`), rules as pure predicates
(:mod:`.rules`), and edits made of primitive, reversible changes (:mod:`.changes`)
that notify listeners without Qt (:mod:`.signals`). See :mod:`.edit` for the life cycle.
"""

from .changes import ElementChanges
from .edit import Edit, EditRefused, EditStateError
from .editor import DocumentEditor
from .kinds import TRIGGERS, TYPES, ShapeKind, kind_of
from .names import Sentence
from .operations.clipboard import MIME_TYPE, Clipboard
from .rules import (
    ConnectionKind,
    Refusal,
    can_connect,
    can_create,
    can_delete,
    check_change_type,
    check_connect,
    check_create,
    check_delete,
    check_metadata,
    check_move,
    check_position,
    check_resize,
)
from .signals import EditorSignals, Signal

__all__ = [
    "MIME_TYPE",
    "TRIGGERS",
    "TYPES",
    "Clipboard",
    "ConnectionKind",
    "DocumentEditor",
    "Edit",
    "EditRefused",
    "EditStateError",
    "EditorSignals",
    "ElementChanges",
    "Refusal",
    "Sentence",
    "ShapeKind",
    "Signal",
    "can_connect",
    "can_create",
    "can_delete",
    "check_change_type",
    "check_connect",
    "check_create",
    "check_delete",
    "check_metadata",
    "check_move",
    "check_position",
    "check_resize",
    "kind_of",
]
