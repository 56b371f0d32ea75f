"""Diagram interchange records: where each element is drawn (core layer, no Qt).

Semantic elements and their drawing are separate, joined by ``bpmn_element`` ids as in
BPMN DI, so layout can rewrite drawings without touching the process and the diff can
compare processes without looking at coordinates.
"""

from __future__ import annotations

from .base import ValueKind, XmlElement, attr, child, children, element, group
from .namespaces import BPMNDI, DC, DI

BOOL = ValueKind.BOOL
FLOAT = ValueKind.FLOAT
REF = ValueKind.REF


@element(DC, "Bounds")
class Bounds(XmlElement):
    x: float = attr("x", FLOAT, 0.0)
    y: float = attr("y", FLOAT, 0.0)
    width: float = attr("width", FLOAT, 0.0)
    height: float = attr("height", FLOAT, 0.0)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def intersects(self, other: Bounds) -> bool:
        """True when the two rectangles overlap with a positive area."""
        return (
            self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom
        )

    def contains(self, other: Bounds, tolerance: float = 0.0) -> bool:
        """True when ``other`` lies inside this rectangle (edges may touch)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@element(DI, "waypoint")
class Point(XmlElement):
    x: float = attr("x", FLOAT, 0.0)
    y: float = attr("y", FLOAT, 0.0)


@element(DC, "Font")
class Font(XmlElement):
    name: str | None = attr("name")
    size: float | None = attr("size", FLOAT)
    is_bold: bool | None = attr("isBold", BOOL)
    is_italic: bool | None = attr("isItalic", BOOL)
    is_underline: bool | None = attr("isUnderline", BOOL)
    is_strike_through: bool | None = attr("isStrikeThrough", BOOL)


@element(BPMNDI, "BPMNLabelStyle")
class LabelStyle(XmlElement):
    font: Font | None = child("Font", "Font", namespace=DC)


@element(BPMNDI, "BPMNLabel")
class Label(XmlElement):
    label_style: str | None = attr("labelStyle", REF)
    bounds: Bounds | None = child("Bounds", "Bounds", namespace=DC)


@element(DI)
class DiagramElement(XmlElement):
    bpmn_element: str | None = attr("bpmnElement", REF)


@element(BPMNDI, "BPMNShape")
class Shape(DiagramElement):
    is_horizontal: bool | None = attr("isHorizontal", BOOL)
    is_expanded: bool | None = attr("isExpanded", BOOL)
    is_marker_visible: bool | None = attr("isMarkerVisible", BOOL)
    is_message_visible: bool | None = attr("isMessageVisible", BOOL)
    participant_band_kind: str | None = attr("participantBandKind")
    choreography_activity_shape: str | None = attr("choreographyActivityShape", REF)
    bounds: Bounds | None = child("Bounds", "Bounds", namespace=DC)
    label: Label | None = child("BPMNLabel", "Label")


@element(BPMNDI, "BPMNEdge")
class Edge(DiagramElement):
    source_element: str | None = attr("sourceElement", REF)
    target_element: str | None = attr("targetElement", REF)
    message_visible_kind: str | None = attr("messageVisibleKind")
    waypoints: list[Point] = children("waypoint", "Point", namespace=DI)
    label: Label | None = child("BPMNLabel", "Label")


@element(BPMNDI, "BPMNPlane")
class Plane(DiagramElement):
    elements: list[DiagramElement] = group("DiagramElement")


@element(BPMNDI, "BPMNDiagram")
class Diagram(XmlElement):
    name: str | None = attr("name")
    documentation: str | None = attr("documentation")
    resolution: float | None = attr("resolution", FLOAT)
    plane: Plane | None = child("BPMNPlane", "Plane")
    label_styles: list[LabelStyle] = children("BPMNLabelStyle", "LabelStyle")


__all__ = [name for name, value in globals().items() if isinstance(value, type) and issubclass(value, XmlElement)]
