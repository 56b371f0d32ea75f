"""Shapes shift with their labels; connections follow their ends (core layer, no Qt).

When both ends of a connection move alike the whole edge moves, label included. When one end moves (or
the two move differently) each end waypoint moves with its shape and its neighbour
keeps the end segment horizontal or vertical; a straight two-point flow that would turn
diagonal is routed afresh.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model.di import Bounds, Point
from ...model.document import BpmnDocument
from ...model.semantic import Association, DataAssociation, MessageFlow
from ..builder import EditBuilder
from ..geometry import XY, follow_ends, is_orthogonal, moved_label, route, translated
from ..lookup import bounds_of, connections_touching, ends_of

_STILL: XY = (0.0, 0.0)


def follow(
    builder: EditBuilder, document: BpmnDocument, deltas: dict[str, XY], bounds_after: Callable[[str], Bounds | None]
) -> None:
    """Move the waypoints of every drawn connection with an end in ``deltas``.

    Parameters
    ----------
    builder
        Receives the changes.
    document
        The document as it is before the move.
    deltas
        How far each moved element's centre moves.
    bounds_after
        Where an element will be once the move is done (to route a flow afresh).
    """
    for connection in connections_touching(document, set(deltas)):
        edge = document.edge_of(connection.id) if connection.id else None
        if edge is None or not edge.waypoints:
            continue
        source, target = ends_of(document, connection)
        start, end = deltas.get(source or "", _STILL), deltas.get(target or "", _STILL)
        if start == end == _STILL:
            continue
        points = follow_ends(edge.waypoints, start, end)
        straight = not isinstance(connection, (Association, DataAssociation))
        old = [(p.x, p.y) for p in edge.waypoints]
        if straight and len(points) == 2 and is_orthogonal(old) and not is_orthogonal(points):
            source_box, target_box = bounds_after(source or ""), bounds_after(target or "")
            if source_box is not None and target_box is not None:
                routed = route(source_box, target_box, vertical_first=isinstance(connection, MessageFlow))
                points = [(p.x, p.y) for p in routed]
        builder.set(edge, "waypoints", [Point(x=x, y=y) for x, y in points])
        if start == end:
            builder.set(edge, "label", moved_label(edge.label, start))


def shift_shapes(builder: EditBuilder, document: BpmnDocument, deltas: dict[str, XY]) -> None:
    """Move each shape of ``deltas`` (and its label) by its delta; connections follow."""
    moved: dict[str, Bounds] = {}
    for ident, delta in deltas.items():
        shape = document.shape_of(ident)
        if shape is None or shape.bounds is None or delta == _STILL:
            continue
        moved[ident] = translated(shape.bounds, delta)
        builder.set(shape, "bounds", moved[ident])
        builder.set(shape, "label", moved_label(shape.label, delta))
    follow(builder, document, deltas, lambda ident: moved.get(ident) or bounds_of(document, ident))
