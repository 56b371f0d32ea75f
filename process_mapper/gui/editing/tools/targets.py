"""What the editing tools read from the model: containers, lanes, the kinds to change to (gui layer).

The tools never judge an edit themselves: the core's rules do. These helpers only find
*which* element an edit is about (the pool under the mouse, a lane's place among its
siblings) and list the candidates the core is asked about.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF

from ....core.editing import TYPES, ShapeKind, check_change_type, kind_of
from ....core.editing.lane_stack import LaneStack
from ....core.editing.lookup import participant_of, process_of
from ....core.editing.names import kind_name
from ....core.editing.rules import minimum_size
from ....core.model.document import BpmnDocument
from ....core.model.semantic import Lane, Participant, Process
from ...canvas import BpmnScene

#: Shape kinds that hold other shapes: a click on their body is a click on the canvas.
CONTAINER_KINDS = frozenset({"participant", "lane"})


def container_at(scene: BpmnScene, document: BpmnDocument, diagram_index: int, position: QPointF) -> str:
    """The id of what a new shape at ``position`` goes into.

    The innermost expanded sub-process or pool drawn there; else the process the diagram
    shows; else the first pool (the core then says the position is outside it).
    """
    for item in scene.shape_items_at(position):
        view = item.view
        if view.kind == "participant" or (view.kind == "subProcess" and view.expanded):
            return view.element_id
    plane = document.diagrams[diagram_index].plane if document.diagrams else None
    shown = document.get(plane.bpmn_element) if plane is not None and plane.bpmn_element else None
    if isinstance(shown, Process):
        return shown.id or ""
    participants = [p for c in document.collaborations for p in c.participants if p.id]
    return participants[0].id or "" if participants else ""


def pool_or_lane_at(scene: BpmnScene, position: QPointF) -> str:
    """The id of the innermost lane or pool drawn at ``position`` ('' for none)."""
    for item in scene.shape_items_at(position):
        if item.view.kind in CONTAINER_KINDS:
            return item.view.element_id
    return ""


def pool_of_lane(document: BpmnDocument, lane_id: str) -> str:
    """The id of the pool a lane is drawn in ('' when it has none)."""
    lane = document.get(lane_id)
    process = process_of(document, lane) if isinstance(lane, Lane) else None
    pool = participant_of(document, process) if process is not None else None
    return pool.id or "" if pool is not None else ""


@dataclass(frozen=True)
class LanePlace:
    """Where a lane is: the pool or lane holding it, its index and how many siblings it has."""

    container_id: str
    index: int
    count: int


def lane_place(document: BpmnDocument, lane_id: str) -> LanePlace | None:
    """The place of lane ``lane_id`` among its siblings (None when it is not in a drawn pool)."""
    lane = document.get(lane_id)
    process = process_of(document, lane) if isinstance(lane, Lane) else None
    pool = participant_of(document, process) if process is not None else None
    shape = document.shape_of(pool.id) if pool is not None and pool.id else None
    if not isinstance(lane, Lane) or process is None or pool is None or shape is None or shape.bounds is None:
        return None
    stack = LaneStack(document, shape, process)
    siblings = stack.siblings(lane)
    parent = stack.parent(lane)
    holder = parent.id if parent is not None else pool.id
    return LanePlace(holder or "", next(i for i, s in enumerate(siblings) if s is lane), len(siblings))


def is_resizable(document: BpmnDocument, element_id: str) -> bool:
    """Whether the core resizes this element (it has a smallest size)."""
    record = document.get(element_id)
    return record is not None and document.shape_of(element_id) is not None and minimum_size(record) is not None


def is_pool(document: BpmnDocument, element_id: str) -> bool:
    """Whether ``element_id`` is a pool."""
    return isinstance(document.get(element_id), Participant)


def all_kinds() -> list[ShapeKind]:
    """Every kind the editor creates: each type with each trigger it allows, both sub-process forms."""
    kinds = []
    for tag, info in TYPES.items():
        if tag == "subProcess":
            kinds += [ShapeKind(tag), ShapeKind(tag, expanded=True)]
        else:
            triggers = sorted(info.triggers, key=lambda t: (t is not None, t or "")) or [None]
            kinds += [ShapeKind(tag, trigger) for trigger in triggers]
    return kinds


def kind_label(kind: ShapeKind, language: str) -> str:
    """What menus and the palette call ``kind``: the core's name, capitalised; open sub-processes say so."""
    name = kind_name(kind)[language]
    name = name[:1].upper() + name[1:]
    if kind.expanded:
        return QCoreApplication.translate("ShapeKinds", "{element} (expanded)").format(element=name)
    return name


def kinds_to_change_to(document: BpmnDocument, element_id: str) -> list[ShapeKind]:
    """The kinds the core lets ``element_id`` change into, keeping its flows."""
    record = document.get(element_id)
    if record is None or kind_of(record, document.shape_of(element_id)) is None:
        return []
    return [kind for kind in all_kinds() if check_change_type(document, element_id, kind) is None]
