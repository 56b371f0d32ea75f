"""Changing an element's type, keeping its id, flows and drawing (core layer, no Qt)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ...model.base import XmlElement
from ...model.semantic import CatchEvent, SubProcess, ThrowEvent
from ..context import EditContext, refuse_if
from ..edit import Edit
from ..geometry import centred
from ..kinds import ShapeKind, trigger_of
from ..names import kind_name, say
from ..rules import check_change_type
from ..triggers import new_event_definition


def _copied(value: Any) -> Any:
    """A shallow copy of a list or dict (child records are shared, not duplicated)."""
    if isinstance(value, (list, dict)):
        return type(value)(value)
    return value


def _converted(context: EditContext, old: XmlElement, kind: ShapeKind, duration: str | None) -> XmlElement:
    """A record of ``kind``'s class carrying every field the old record has under the same name."""
    cls = kind.info.record_class
    values = {f.name: _copied(getattr(old, f.name)) for f in dataclasses.fields(cls) if hasattr(old, f.name)}
    new = cls(**values)
    if isinstance(new, (CatchEvent, ThrowEvent)) and (kind.trigger != trigger_of(old) or duration is not None):
        new.event_definitions = (
            [new_event_definition(context.document.definitions, context.ids, kind.trigger, duration)]
            if kind.trigger
            else []
        )
    return new


def change_type(context: EditContext, element_id: str, kind: ShapeKind, duration: str | None) -> Edit:
    """Build ``element.change_type``: the element becomes a ``kind``.

    (1) a record of the new class takes the old one's place with everything both types
    have (id, name, documentation, extensions, flows, default flow where the new type has
    one); (2) events get the new trigger, timers the ``duration``; (3) a sub-process
    drawn expanded, or drawn as a task again, is resized around its centre.
    """
    document = context.document
    refuse_if(check_change_type(document, element_id, kind))
    old = document.get(element_id)
    assert old is not None
    builder = context.builder()
    builder.replace(old, _converted(context, old, kind, duration))
    shape = document.shape_of(element_id)
    if shape is not None and shape.bounds is not None:
        was_expanded = isinstance(old, SubProcess) and bool(shape.is_expanded)
        is_expanded = kind.tag == "subProcess" and kind.expanded
        if kind.tag == "subProcess" or isinstance(old, SubProcess):
            builder.set(shape, "is_expanded", kind.expanded if kind.tag == "subProcess" else None)
        if was_expanded != is_expanded:
            builder.set(shape, "bounds", centred(shape.bounds.center, kind.size))
        if kind.tag == "exclusiveGateway" and shape.is_marker_visible is None:
            builder.set(shape, "is_marker_visible", True)
    return context.finish("element.change_type", say("change_type", type=kind_name(kind)), builder)
