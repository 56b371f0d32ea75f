"""Deleted elements leave no drawing behind: shapes, edges, labels, own diagrams (core layer, no Qt).

Edges of other tools may name the shapes they join (``sourceElement``/``targetElement``);
those names are cleared when the shape they name goes.
"""

from __future__ import annotations

from ...model.di import Edge
from ..builder import EditBuilder
from ..lookup import drawings_of, plain_id
from .deletion import Deletion


def erase(builder: EditBuilder, deletion: Deletion) -> None:
    """Remove every shape and edge (labels are inside them) drawing a deleted element.

    A diagram of a deleted element (a collapsed sub-process drawn on its own plane)
    goes as a whole.
    """
    gone = deletion.ids
    definitions = deletion.document.definitions
    own_diagrams = [
        d
        for d in definitions.diagrams
        if d.plane is not None and plain_id(deletion.document, d.plane.bpmn_element) in gone
    ]
    if len(own_diagrams) == len(definitions.diagrams):
        own_diagrams = []  # never leave the document without a diagram
    for diagram in own_diagrams:
        builder.remove(definitions, "diagrams", diagram)
    erased: set[str] = set()
    for plane, drawing in drawings_of(deletion.document, gone):
        erased |= {node.id for node in drawing.iter_tree() if node.id}
        if not any(plane is diagram.plane for diagram in own_diagrams):
            builder.remove(plane, "elements", drawing)
    for diagram in definitions.diagrams:
        if diagram.plane is None or any(diagram is own for own in own_diagrams):
            continue
        for item in diagram.plane.elements:
            if isinstance(item, Edge) and plain_id(deletion.document, item.bpmn_element) not in gone:
                for field_name in ("source_element", "target_element"):
                    if getattr(item, field_name) in erased:
                        builder.set(item, field_name, None)
