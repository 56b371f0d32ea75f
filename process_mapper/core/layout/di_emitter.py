"""Turn placed shapes and routed edges into BPMN DI records (core layer, no Qt).

The last stage of auto-layout and the only one that creates model records: one
:class:`~process_mapper.core.model.di.Diagram` per plan, its plane listing pools, lanes,
nodes (a sub-process before its content, a host before its boundary events) and then the
edges, so that drawing in document order paints containers under their content. Every
new record gets the id ``<element id>_di``, made unique against the document's ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.di import Bounds, Diagram, DiagramElement, Edge, Label, Plane, Point, Shape
from ..model.document import BpmnDocument
from ..model.semantic import ExclusiveGateway, SubProcess
from .connections import RoutedEdge
from .geometry import Rect
from .placement import DiagramGeometry
from .plan import BandKind, ContainerGraph, DiagramPlan, LaneBand

_NOT_NAME_CHARACTER = re.compile(r"[^\w.\-]")


class IdAllocator:
    """Hands out ids no record of the document uses yet.

    Parameters
    ----------
    taken
        Ids already in use.
    """

    def __init__(self, taken: Iterable[str]) -> None:
        self._taken = set(taken)

    def reserve(self, ident: str) -> str:
        """Mark ``ident`` as used and return it."""
        self._taken.add(ident)
        return ident

    def new(self, base: str, suffix: str = "_di") -> str:
        """``<base><suffix>`` as a valid XML id, numbered when it is taken (``Task_1_di_2``)."""
        stem = _NOT_NAME_CHARACTER.sub("_", base + suffix)
        if not (stem[:1].isalpha() or stem[:1] == "_"):
            stem = "_" + stem
        candidate, number = stem, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{stem}_{number}"
        return self.reserve(candidate)


def _bounds(rect: Rect) -> Bounds:
    return Bounds(x=float(rect.x), y=float(rect.y), width=float(rect.width), height=float(rect.height))


class DiEmitter:
    """Builds the DI records of one diagram.

    Parameters
    ----------
    document
        The document laid out (read to choose shape attributes, never changed).
    ids
        The id allocator shared by every diagram of the layout.
    """

    def __init__(self, document: BpmnDocument, ids: IdAllocator) -> None:
        self.document = document
        self.ids = ids

    def _shape(self, element_id: str, rect: Rect, label: Rect | None = None) -> Shape:
        shape = Shape(id=self.ids.new(element_id), bpmn_element=element_id, bounds=_bounds(rect))
        if label is not None:
            shape.label = Label(bounds=_bounds(label))
        return shape

    def emit(
        self, plan: DiagramPlan, geometry: DiagramGeometry, edges: list[RoutedEdge], diagram_id: str, name: str | None
    ) -> Diagram:
        """The diagram for ``plan``: every placed shape, then every routed edge.

        Parameters
        ----------
        plan
            What the diagram shows.
        geometry
            Where the shapes go.
        edges
            The routed connections.
        diagram_id, name
            Id and name of the diagram record.

        Returns
        -------
        Diagram
            A new diagram whose plane refers to ``plan.plane_element``.
        """
        elements: list[DiagramElement] = []
        for band in plan.bands:
            if band.kind is not BandKind.PROCESS:
                pool = self._shape(band.element_id, geometry.shapes[band.element_id])
                pool.is_horizontal = True
                elements.append(pool)
            elements.extend(self._lanes(band.lanes, geometry))
            if band.graph is not None:
                elements.extend(self._nodes(band.graph, geometry))
        for routed in edges:
            edge = Edge(id=self.ids.new(routed.connection.element_id), bpmn_element=routed.connection.element_id)
            edge.waypoints = [Point(x=float(x), y=float(y)) for x, y in routed.points]
            if routed.label is not None:
                edge.label = Label(bounds=_bounds(routed.label))
            elements.append(edge)
        plane = Plane(id=self.ids.new(plan.plane_element), bpmn_element=plan.plane_element, elements=elements)
        return Diagram(id=diagram_id, name=name, plane=plane)

    def _lanes(self, lanes: list[LaneBand], geometry: DiagramGeometry) -> list[DiagramElement]:
        shapes: list[DiagramElement] = []
        for lane in lanes:
            shape = self._shape(lane.element_id, geometry.shapes[lane.element_id])
            shape.is_horizontal = True
            shapes.append(shape)
            shapes.extend(self._lanes(lane.children, geometry))
        return shapes

    def _nodes(self, graph: ContainerGraph, geometry: DiagramGeometry) -> list[DiagramElement]:
        shapes: list[DiagramElement] = []
        for node in graph.nodes:
            shape = self._shape(node.element_id, geometry.shapes[node.element_id], geometry.labels.get(node.element_id))
            element = self.document.get(node.element_id)
            if isinstance(element, SubProcess):
                shape.is_expanded = node.content is not None
            elif isinstance(element, ExclusiveGateway):
                shape.is_marker_visible = True
            shapes.append(shape)
            if node.content is not None:
                shapes.extend(self._nodes(node.content, geometry))
            for event in node.boundary_events:
                shapes.append(
                    self._shape(
                        event.element_id, geometry.shapes[event.element_id], geometry.labels.get(event.element_id)
                    )
                )
        return shapes


__all__ = ["DiEmitter", "IdAllocator"]
