"""Lanes: add, remove, reorder, resize; and resizing pools, whose lanes keep filling them (core layer)."""

from __future__ import annotations

from dataclasses import replace

from ...model.di import Bounds, Shape
from ...model.document import BpmnDocument
from ...model.semantic import Artifact, ChildLaneSet, FlowNode, Lane, LaneSet, Participant, Process
from ..behaviours import lane_membership
from ..behaviours.moving_along import carried_along
from ..behaviours.shifting import shift_shapes
from ..builder import EditBuilder
from ..changes import element_ids
from ..context import EditContext
from ..edit import Edit, EditRefused
from ..geometry import XY
from ..ids import drawing_id
from ..lane_stack import MINIMUM_LANE_HEIGHT, NEW_LANE_HEIGHT, LaneStack
from ..lookup import drawings_of, participant_of, plane_holding, process_of, process_of_pool, shapes_in
from ..names import Sentence, reason, say, tag_name


def _refuse(key: str, **values: Sentence | str | int) -> EditRefused:
    return EditRefused(reason(key, **values))


def _check_heights(stack: LaneStack, absorb_first: bool = False) -> None:
    if stack.smallest_height(absorb_first) < MINIMUM_LANE_HEIGHT:
        raise _refuse("too_small", type=tag_name("lane"))


def _stack_of(document: BpmnDocument, record: Participant | Lane) -> tuple[LaneStack, Process]:
    """The lane stack of the pool ``record`` is (or is in).

    Raises
    ------
    EditRefused
        When there is no drawn pool to hold lanes.
    """
    process = process_of_pool(document, record) if isinstance(record, Participant) else process_of(document, record)
    pool = participant_of(document, process) if process is not None else None
    shape = document.shape_of(pool.id) if pool is not None and pool.id else None
    if process is None or pool is None or shape is None or shape.bounds is None:
        raise _refuse("lane_needs_pool")
    return LaneStack(document, shape, process), process


def _members(lane: Lane) -> list[str]:
    """The flow nodes a lane lists, its nested lanes' included, in order and once each."""
    refs: dict[str, None] = {}
    for record in lane.iter_tree():
        if isinstance(record, Lane):
            refs.update(dict.fromkeys(record.flow_node_refs))
    return list(refs)


def _center(document: BpmnDocument, element_id: str) -> XY | None:
    shape = document.shape_of(element_id)
    return shape.bounds.center if shape is not None and shape.bounds is not None else None


# --- resizing -----------------------------------------------------------------------------


def resize_pool(builder: EditBuilder, document: BpmnDocument, pool: Participant, new: Bounds) -> None:
    """Resize a pool; the lane at the moved top or bottom edge takes the difference."""
    shape = document.shape_of(pool.id) if pool.id else None
    assert shape is not None and shape.bounds is not None
    process = process_of_pool(document, pool)
    if process is None or not process.lane_sets:
        builder.set(shape, "bounds", replace(shape.bounds, x=new.x, y=new.y, width=new.width, height=new.height))
        return
    stack = LaneStack(document, shape, process)
    stack.box = [new.x, new.y, new.width, new.height]
    absorb_first = new.y != shape.bounds.y
    _check_heights(stack, absorb_first)
    stack.write(builder, absorb_first)


def resize_lane(builder: EditBuilder, document: BpmnDocument, lane: Lane, new: Bounds) -> None:
    """Resize a lane: the neighbour across a moved edge, or else the pool, gives or takes the room."""
    stack = _stack_of(document, lane)[0]
    old = stack.band(lane)
    if old is None:
        raise _refuse("unknown", id=lane.id or "")
    stack.box[0] += new.x - old.x
    stack.box[2] += (new.right - old.right) - (new.x - old.x)
    if new.bottom != old.bottom:
        stack.move_edge(lane, "bottom", new.bottom - old.bottom)
    if new.y != old.y:
        stack.move_edge(lane, "top", new.y - old.y)
    _check_heights(stack)
    stack.write(builder)


# --- adding -------------------------------------------------------------------------------


def _wrap_content(context: EditContext, stack: LaneStack, process: Process, parent: Lane | None) -> Lane:
    """The first lane of a pool or lane: it takes the whole band and every node in it."""
    if parent is None:
        members = [node.id for node in process.flow_elements if isinstance(node, FlowNode) and node.id]
        height = stack.box[3]
    else:
        members = list(parent.flow_node_refs)
        height = stack.heights.get(id(parent), NEW_LANE_HEIGHT)
    wrapper = Lane(id=context.ids.new("Lane"), flow_node_refs=members)
    stack.add(wrapper, parent, 0, height)
    return wrapper


def _insertion_line(stack: LaneStack, parent: Lane | None, existing: list[Lane], position: int) -> float:
    """The y where the new lane's band starts, before anything is pushed down."""
    if position < len(existing) and (following := stack.band(existing[position])) is not None:
        return following.y
    area = stack.band(parent) if parent is not None else stack.pool_shape.bounds
    assert area is not None
    return area.y if not existing and position == 0 else area.bottom


def _make_room(builder: EditBuilder, stack: LaneStack, process: Process, y0: float, upward: bool) -> None:
    """Push what lies below ``y0`` in the pool, and the pools below, down by a new lane's height.

    When the pool grows upwards, the pools above move up instead.
    """
    document, pool_shape = stack.document, stack.pool_shape
    pool_box = pool_shape.bounds
    assert pool_box is not None
    pushed: list[str] = []
    for record in [] if upward else [*process.flow_elements, *process.artifacts]:
        center = _center(document, record.id) if isinstance(record, (FlowNode, Artifact)) and record.id else None
        if record.id and center is not None and center[1] >= y0:
            pushed.append(record.id)
    plane = plane_holding(document, pool_shape.bpmn_element or "")
    for shape in shapes_in(plane) if plane is not None else []:
        other = document.get(shape.bpmn_element)
        if not isinstance(other, Participant) or shape is pool_shape or shape.bounds is None or other.id is None:
            continue
        if (shape.bounds.bottom <= pool_box.y) if upward else (shape.bounds.y >= pool_box.bottom):
            pushed.append(other.id)
    delta = (0.0, -NEW_LANE_HEIGHT if upward else NEW_LANE_HEIGHT)
    shift_shapes(builder, document, dict.fromkeys(carried_along(document, pushed), delta))


def _draw_lanes(builder: EditBuilder, stack: LaneStack, lanes: list[Lane], placed: dict[int, Bounds]) -> None:
    """Shapes for new lanes, right after their pool's shape (drawn below the pool's content)."""
    plane = plane_holding(stack.document, stack.pool_shape.bpmn_element or "")
    assert plane is not None
    at = next(i for i, item in enumerate(plane.elements) if item is stack.pool_shape) + 1
    for offset, lane in enumerate(lanes):
        assert lane.id is not None
        shape = Shape(id=drawing_id(lane.id), bpmn_element=lane.id, is_horizontal=True, bounds=placed[id(lane)])
        builder.insert(plane, "elements", shape, at + offset)


def _register_lanes(
    context: EditContext,
    builder: EditBuilder,
    stack: LaneStack,
    process: Process,
    parent: Lane | None,
    lanes: list[Lane],
) -> None:
    """Put new lanes into the lane set of the pool or lane, in stack order; make the set when there is none."""
    holder = (process.lane_sets[0] if process.lane_sets else None) if parent is None else parent.child_lane_set
    order = [
        lane
        for lane in stack.children(parent)
        if any(lane is other for other in [*lanes, *(holder.lanes if holder else [])])
    ]
    if holder is not None:
        for lane in sorted(lanes, key=lambda new: order.index(new)):
            builder.insert(holder, "lanes", lane, order.index(lane))
    elif parent is None:
        builder.insert(process, "lane_sets", LaneSet(id=context.ids.new("LaneSet"), lanes=order))
    else:
        builder.set(parent, "child_lane_set", ChildLaneSet(id=context.ids.new("LaneSet"), lanes=order))


def add_lane(context: EditContext, container_id: str, index: int | None, name: str | None) -> Edit:
    """Build ``lane.add``: a new lane in a pool or a lane, at ``index`` (None: last).

    (1) a pool or lane without lanes first gets one lane wrapping what it holds, as in
    bpmn.io; (2) the pool grows by the new lane's height: upwards for a new first lane of
    a pool, else downwards, pushing the content below and the pools below along; (3) the
    lanes are restacked and the new ones drawn.
    """
    document = context.document
    container = document.get(container_id)
    if not isinstance(container, (Participant, Lane)):
        raise _refuse("lane_needs_pool")
    stack, process = _stack_of(document, container)
    parent = container if isinstance(container, Lane) else None
    builder = context.builder()
    lane = Lane(id=context.ids.new("Lane"), name=name or None)
    existing = list(stack.children(parent))
    new_lanes = [lane] if existing else [lane, _wrap_content(context, stack, process, parent)]
    if existing:
        position = len(existing) if index is None else max(0, min(index, len(existing)))
    else:
        position = 0 if index == 0 else 1
    upward = parent is None and position == 0
    _make_room(builder, stack, process, _insertion_line(stack, parent, existing, position), upward)
    stack.add(lane, parent, position, NEW_LANE_HEIGHT)
    stack.expand(parent, NEW_LANE_HEIGHT, upward)
    _register_lanes(context, builder, stack, process, parent, new_lanes)
    _draw_lanes(builder, stack, new_lanes, stack.write(builder))
    return context.finish("lane.add", say("add_lane"), builder)


# --- removing and reordering ----------------------------------------------------------------


def remove_lane(context: EditContext, lane_id: str) -> Edit:
    """Build ``lane.remove``: its neighbour (above, else below) takes its band and its nodes.

    The last lane of a set takes its lane set along; its nodes stay in the parent lane.
    """
    document = context.document
    lane = document.get(lane_id)
    if not isinstance(lane, Lane):
        raise _refuse("unknown", id=lane_id)
    stack, process = _stack_of(document, lane)
    siblings, parent = stack.siblings(lane), stack.parent(lane)
    index = next(i for i, other in enumerate(siblings) if other is lane)
    lane_set = document.parent_of(lane)
    assert lane_set is not None
    builder = context.builder()
    members = _members(lane)
    fallback: list[Lane] = []
    if len(siblings) == 1:
        if parent is None:
            builder.remove(process, "lane_sets", lane_set)
        else:
            builder.set(parent, "child_lane_set", None)
    else:
        neighbour = siblings[index - 1] if index > 0 else siblings[index + 1]
        stack.heights[id(neighbour)] = stack.heights.get(id(neighbour), 0.0) + stack.heights.get(id(lane), 0.0)
        builder.remove(lane_set, "lanes", lane)
        fallback.append(neighbour)
    siblings.pop(index)
    placed = stack.write(builder, absorb_first=index == 0)
    ancestor = parent
    while ancestor is not None:
        fallback.insert(0, ancestor)
        ancestor = stack.parent(ancestor)
    gone = element_ids(lane)
    staying = [other for other in document.lanes(process) if other.id not in gone]

    def band_after(candidate: Lane) -> Bounds | None:
        return placed.get(id(candidate))

    for member in members:
        node = document.get(member)
        center = _center(document, lane_membership.anchor_id(node) or member) if isinstance(node, FlowNode) else None
        if center is not None:
            lane_membership.assign(builder, process, member, center, band_after, fallback, staying)
    for plane, drawing in drawings_of(document, gone):
        builder.remove(plane, "elements", drawing)
    return context.finish("lane.remove", say("remove_lane"), builder)


def move_lane(context: EditContext, lane_id: str, index: int) -> Edit:
    """Build ``lane.move``: put the lane at ``index`` among its siblings; bands and content follow."""
    document = context.document
    lane = document.get(lane_id)
    if not isinstance(lane, Lane):
        raise _refuse("unknown", id=lane_id)
    stack = _stack_of(document, lane)[0]
    siblings = stack.siblings(lane)
    lane_set = document.parent_of(lane)
    assert lane_set is not None
    if not 0 <= index < len(siblings) or getattr(lane_set, "lanes", None) != siblings:
        raise EditRefused(reason("lane_position", index=index))
    current = next(i for i, other in enumerate(siblings) if other is lane)
    builder = context.builder()
    if index != current:
        before = {id(other): stack.band(other) for other in siblings}
        siblings.insert(index, siblings.pop(current))
        builder.remove(lane_set, "lanes", lane)
        builder.insert(lane_set, "lanes", lane, index)
        placed = stack.write(builder)
        deltas: dict[str, XY] = {}
        for other in siblings:
            old = before[id(other)]
            shift = placed[id(other)].y - old.y if old is not None else 0.0
            for member in _members(other) if shift else []:
                for ident in carried_along(document, [member]):
                    deltas.setdefault(ident, (0.0, shift))
        shift_shapes(builder, document, deltas)
    return context.finish("lane.move", say("move_lane"), builder)
