"""Names, documentation, our properties and timer deadlines (core layer, no Qt)."""

from __future__ import annotations

import copy
from dataclasses import replace

from ...layout.geometry import EVENT_SIZE, label_size
from ...model.di import Bounds, Edge, Label, Shape
from ...model.extensions import properties, set_property
from ...model.semantic import (
    Activity,
    BaseElement,
    BoundaryEvent,
    Documentation,
    Group,
    Process,
    TextAnnotation,
    TimerEventDefinition,
)
from ..behaviours.boundary_events import attached_to
from ..context import EditContext
from ..edit import Edit, EditRefused
from ..geometry import centred, edge_label, external_label
from ..kinds import TYPES, ShapeKind
from ..lookup import bounds_of, container_of, plane_holding
from ..names import element_name, reason, say
from ..triggers import is_iso_duration, new_event_definition, timer_duration
from .create import new_shape
from .delete import remove_records
from .groups import group_label, rename_group


def _base_element(context: EditContext, element_id: str) -> BaseElement:
    record = context.document.get(element_id)
    if not isinstance(record, BaseElement):
        raise EditRefused(reason("unknown", id=element_id))
    return record


def _relabelled(label: Label | None, text: str | None, default: Label | None) -> Label | None:
    """The label for new text: the old box resized around its centre, or ``default``."""
    if not text:
        return None
    if label is None or label.bounds is None:
        return default
    width, height = label_size(text)
    cx = label.bounds.x + label.bounds.width / 2
    return replace(label, bounds=Bounds(x=float(round(cx - width / 2)), y=label.bounds.y, width=width, height=height))


def rename(context: EditContext, element_id: str, name: str | None) -> Edit:
    """Build ``element.rename``; external labels (events, gateways, data, groups, flows) are resized.

    A group's name is the value of its category value (see :mod:`.groups`).
    """
    record = _base_element(context, element_id)
    if isinstance(record, Group):
        return _rename_group(context, record, name)
    field_name = "text" if isinstance(record, TextAnnotation) else "name"
    if not hasattr(record, field_name):
        raise EditRefused(reason("not_renamable", type=element_name(record)))
    builder = context.builder()
    builder.set(record, field_name, name or None)
    drawing = context.document.drawing_of(element_id)
    if (
        isinstance(drawing, Shape)
        and drawing.bounds is not None
        and record.TAG in TYPES
        and TYPES[record.TAG].external_label
    ):
        builder.set(drawing, "label", _relabelled(drawing.label, name, external_label(drawing.bounds, name)))
    elif isinstance(drawing, Edge):
        builder.set(drawing, "label", _relabelled(drawing.label, name, edge_label(drawing.waypoints, name)))
    return context.finish("element.rename", say("rename", type=element_name(record)), builder)


def _rename_group(context: EditContext, group: Group, name: str | None) -> Edit:
    builder = context.builder()
    rename_group(context, builder, group, name)
    drawing = context.document.drawing_of(group.id) if group.id else None
    if isinstance(drawing, Shape) and drawing.bounds is not None:
        builder.set(drawing, "label", _relabelled(drawing.label, name, group_label(drawing.bounds, name)))
    return context.finish("element.rename", say("rename", type=element_name(group)), builder)


def set_documentation(context: EditContext, element_id: str, text: str | None) -> Edit:
    """Build ``documentation.set``: the first documentation entry gets ``text`` (None removes it)."""
    record = _base_element(context, element_id)
    entries = record.documentation
    builder = context.builder()
    if text:
        first = replace(entries[0], text=text, foreign=[]) if entries else Documentation(text=text)
        builder.set(record, "documentation", [first, *entries[1:]])
        return context.finish("documentation.set", say("set_documentation"), builder)
    if entries:
        builder.set(record, "documentation", entries[1:])
    return context.finish("documentation.set", say("remove_documentation"), builder)


def set_step_property(context: EditContext, element_id: str, key: str, value: str | None) -> Edit:
    """Build ``property.set``: one of our properties (``system``, ``medium``, ``deadline``, any key)."""
    record = _base_element(context, element_id)
    builder = context.builder()
    if properties(record).get(key) != value:
        carrier = BaseElement(extension_elements=copy.deepcopy(record.extension_elements))
        set_property(carrier, key, value)  # on a copy: the live tree changes only through the edit
        builder.set(record, "extension_elements", carrier.extension_elements)
    name = say("remove_property" if value is None else "set_property", key=key)
    return context.finish("property.set", name, builder)


def _deadline_event(context: EditContext, activity_id: str) -> BoundaryEvent | None:
    """The first timer boundary event on the activity: the one that states its deadline."""
    for event in attached_to(context.document, {activity_id}):
        if any(isinstance(d, TimerEventDefinition) for d in event.event_definitions):
            return event
    return None


def _boundary_bounds(context: EditContext, activity_id: str) -> Bounds | None:
    """A free place on the activity's bottom border, from the right."""
    host = bounds_of(context.document, activity_id)
    if host is None:
        return None
    taken = [
        b.center[0] for e in attached_to(context.document, {activity_id}) if (b := bounds_of(context.document, e.id))
    ]
    cx = host.right - EVENT_SIZE[0] / 2 - 8
    while any(abs(cx - x) < EVENT_SIZE[0] for x in taken) and cx > host.x:
        cx -= EVENT_SIZE[0] + 4
    return centred((cx, host.bottom), EVENT_SIZE)


def set_deadline(context: EditContext, activity_id: str, duration: str | None) -> Edit:
    """Build ``deadline.set``: add, change or (with None) remove the activity's timer boundary event.

    A new deadline is a non-interrupting timer (``cancelActivity="false"``, drawn dashed): it
    marks the time limit and the step goes on when it passes, as the standards draw their
    deadlines. It needs no outgoing flow (the validator knows such deadline markers); the
    user may draw an escalation path from it, such as a reminder.
    """
    document = context.document
    activity = document.get(activity_id)
    if not isinstance(activity, Activity):
        raise EditRefused(reason("not_activity"))
    if duration is not None and not is_iso_duration(duration):
        raise EditRefused(reason("duration", text=duration))
    existing = _deadline_event(context, activity_id)
    builder = context.builder()
    if duration is None:
        if existing is not None:
            remove_records(builder, [existing])
        return context.finish("deadline.set", say("remove_deadline"), builder)
    if existing is not None:
        timer = next(d for d in existing.event_definitions if isinstance(d, TimerEventDefinition))
        new_timer = replace(
            timer, time_duration=timer_duration(document.definitions, duration), time_date=None, time_cycle=None
        )
        builder.replace(timer, new_timer)
        return context.finish("deadline.set", say("change_deadline"), builder)
    definition = new_event_definition(document.definitions, context.ids, "timer", duration)
    event = BoundaryEvent(
        id=context.ids.new("Event"), attached_to_ref=activity_id, cancel_activity=False, event_definitions=[definition]
    )
    assert event.id is not None
    container = container_of(document, activity)
    assert container is not None
    builder.insert(container, "flow_elements", event)
    bounds = _boundary_bounds(context, activity_id)
    if bounds is not None:
        plane = plane_holding(document, activity_id) or context.plane
        builder.insert(plane, "elements", new_shape(ShapeKind("boundaryEvent", "timer"), event.id, bounds, None))
    if isinstance(container, Process):
        for lane in document.lanes(container):
            if activity_id in lane.flow_node_refs:
                builder.insert(lane, "flow_node_refs", event.id)
    return context.finish("deadline.set", say("set_deadline"), builder)
