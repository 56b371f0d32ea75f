"""Moving and resizing shapes; connections, labels and lane membership follow (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...model.di import Bounds
from ...model.document import BpmnDocument
from ...model.semantic import FlowNode, Group, Lane, Participant, Process
from ..behaviours import lane_membership, shifting
from ..behaviours.boundary_events import attached_to
from ..behaviours.moving_along import carried_along
from ..builder import EditBuilder
from ..context import EditContext, refuse_if
from ..edit import Edit
from ..geometry import XY, moved_label, translated
from ..lookup import bounds_of, participant_of
from ..names import element_name, say
from ..rules import check_move, check_resize
from .lanes import resize_lane, resize_pool


def _update_lanes(builder: EditBuilder, document: BpmnDocument, moving: list[str], delta: XY) -> None:
    """Give each moved node of a process the lanes at its new centre, unless its pool moves too."""
    band = lane_membership.drawn_band(document)
    for ident in moving:
        record = document.get(ident)
        parent = document.parent_of(record) if record is not None else None
        if not isinstance(record, FlowNode) or not isinstance(parent, Process):
            continue
        bounds = bounds_of(document, lane_membership.anchor_id(record))
        pool = participant_of(document, parent)
        if bounds is not None and (pool is None or pool.id not in moving):
            center = (bounds.x + bounds.width / 2 + delta[0], bounds.y + bounds.height / 2 + delta[1])
            lane_membership.assign(builder, parent, ident, center, band)


def move(context: EditContext, ids: Iterable[str], delta: XY) -> Edit:
    """Build ``shape.move``: the shapes, what they carry along, and their lanes.

    (1) the shapes, boundary events of moved activities, content of moved pools and
    expanded sub-processes, with their labels; (2) connection ends; (3) lanes of nodes
    that land in another lane's band.
    """
    document = context.document
    chosen = list(dict.fromkeys(ids))
    moving = carried_along(document, chosen)
    refuse_if(check_move(document, moving, delta))
    builder = context.builder()
    if delta != (0.0, 0.0):
        shifting.shift_shapes(builder, document, dict.fromkeys(moving, delta))
        _update_lanes(builder, document, moving, delta)
    records = [document.get(ident) for ident in chosen]
    if len(records) == 1 and records[0] is not None:
        name = say("move", type=element_name(records[0]))
    else:
        name = say("move_many", count=len(records))
    return context.finish("shape.move", name, builder)


def _resize_shape(builder: EditBuilder, document: BpmnDocument, element_id: str, new: Bounds) -> None:
    """Resize one shape; its boundary events keep their place on its border, connections follow.

    A group's label stays centred on its top edge.
    """
    shape = document.shape_of(element_id)
    assert shape is not None and shape.bounds is not None
    old = shape.bounds
    builder.set(shape, "bounds", replace(old, x=new.x, y=new.y, width=new.width, height=new.height))
    (ocx, ocy), (ncx, ncy) = old.center, new.center
    if isinstance(document.get(element_id), Group):
        builder.set(shape, "label", moved_label(shape.label, (ncx - ocx, new.y - old.y)))
    deltas: dict[str, XY] = {element_id: (ncx - ocx, ncy - ocy)}
    after: dict[str, Bounds] = {element_id: new}
    for event in attached_to(document, {element_id}):
        event_bounds = bounds_of(document, event.id)
        if event_bounds is None or event.id is None:
            continue
        ex, ey = event_bounds.center
        fx = (ex - old.x) / old.width if old.width else 0.5
        fy = (ey - old.y) / old.height if old.height else 0.5
        delta = (round(new.x + fx * new.width - ex), round(new.y + fy * new.height - ey))
        deltas[event.id] = delta
        after[event.id] = translated(event_bounds, delta)
        event_shape = document.shape_of(event.id)
        assert event_shape is not None
        builder.set(event_shape, "bounds", after[event.id])
        builder.set(event_shape, "label", moved_label(event_shape.label, delta))
    shifting.follow(builder, document, deltas, lambda ident: after.get(ident) or bounds_of(document, ident))


def resize(context: EditContext, element_id: str, box: tuple[float, float, float, float]) -> Edit:
    """Build ``shape.resize`` to the box ``(x, y, width, height)``.

    Pools keep their lanes filling them; a lane's neighbour (or the pool) gives or takes
    the room; an activity keeps its boundary events on its border.
    """
    document = context.document
    new = Bounds(x=box[0], y=box[1], width=box[2], height=box[3])
    refuse_if(check_resize(document, element_id, new))
    record = document.get(element_id)
    assert record is not None
    builder = context.builder()
    if isinstance(record, Participant):
        resize_pool(builder, document, record, new)
    elif isinstance(record, Lane):
        resize_lane(builder, document, record, new)
    else:
        _resize_shape(builder, document, element_id, new)
    return context.finish("shape.resize", say("resize", type=element_name(record)), builder)
