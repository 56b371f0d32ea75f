"""Auto-layout as a pipeline: plan, place, route, emit DI; then install it (core layer, no Qt).

:func:`layout_document` is a pure function: it reads the document and returns new
diagrams plus warnings, changing nothing. :func:`apply_layout` installs a result (the
editor wraps it in one undoable command); :func:`auto_layout` does both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.di import Diagram
from ..model.document import BpmnDocument
from ..model.issues import Issue
from ..model.namespaces import BPMNDI, DC, DEFAULT_PREFIXES, DI
from ..model.semantic import Definitions
from .connections import route_diagram
from .di_emitter import DiEmitter, IdAllocator
from .graph import build_plans
from .graphviz_runner import DotSettings
from .placement import Placer
from .plan import DiagramPlan


@dataclass(frozen=True)
class LayoutOptions:
    """Settings of auto-layout.

    Parameters
    ----------
    rank_gap
        Horizontal gap between columns of nodes, in pixels.
    node_gap
        Vertical gap between nodes of one column, in pixels.
    dot_path
        The Graphviz ``dot`` executable; None looks it up on ``PATH``.
    timeout
        Seconds one ``dot`` run may take.
    """

    rank_gap: float = 50.0
    node_gap: float = 40.0
    dot_path: str | None = None
    timeout: float = 30.0


@dataclass
class LayoutResult:
    """New diagrams for a document, and what auto-layout could not do as asked."""

    diagrams: list[Diagram] = field(default_factory=list)
    #: Warnings with ``source="layout"``: elements left out, lanes ignored, ...
    warnings: list[Issue] = field(default_factory=list)


def _ids_in_use(document: BpmnDocument) -> set[str]:
    """Ids the document keeps after its diagrams are replaced."""
    ids = {record.id for root in document.definitions.root_elements for record in root.iter_tree() if record.id}
    if document.definitions.id:
        ids.add(document.definitions.id)
    return ids | document.foreign_ids


def _plain_id(document: BpmnDocument, ref: str) -> str:
    """The id a reference names (``tns:Task_1`` -> ``Task_1``), or the reference itself."""
    element = document.resolve(ref)
    return element.id if element is not None and element.id else ref


def _diagram_identities(
    document: BpmnDocument, plans: list[DiagramPlan], ids: IdAllocator
) -> list[tuple[str, str | None]]:
    """Id and name for each new diagram: those of the old diagram of the same element, if any.

    The first new diagram falls back to the first old diagram's id and name.
    """
    old = document.definitions.diagrams
    unused = list(old)
    identities: list[tuple[str, str | None]] = []
    for index, plan in enumerate(plans):
        planes = ((d, d.plane.bpmn_element) for d in unused if d.plane is not None and d.plane.bpmn_element)
        match = next((d for d, ref in planes if _plain_id(document, ref) == plan.plane_element), None)
        if match is None and index == 0 and old and old[0] in unused:
            match = old[0]
        if match is not None and match.id:
            unused.remove(match)
            identities.append((ids.reserve(match.id), match.name))
        else:
            identities.append((ids.new(plan.plane_element, "_diagram"), None))
    return identities


def _drawn(document: BpmnDocument, diagrams: list[Diagram]) -> set[str]:
    """Ids of the elements ``diagrams`` draw (QName references resolved to plain ids)."""
    drawn = set()
    for diagram in diagrams:
        for item in diagram.plane.elements if diagram.plane is not None else []:
            if item.bpmn_element:
                drawn.add(_plain_id(document, item.bpmn_element))
    return drawn


def _not_redrawn(document: BpmnDocument, old: list[Diagram], new: list[Diagram], warned: set[str]) -> list[Issue]:
    """Warnings for elements the old diagrams showed and the new ones do not.

    Drawings of ids that name nothing (dangling diagram references) are dropped silently.
    """
    issues = []
    for element_id in sorted(_drawn(document, old) - _drawn(document, new) - warned):
        if not document.exists(element_id):
            continue
        element = document.get(element_id)
        kind = element.TAG if element is not None else "element"
        issues.append(
            Issue(
                "layout-not-drawn",
                f"{kind} '{element_id}' was drawn before auto-layout but is not in the new layout",
                element_id=element_id,
                source="layout",
            )
        )
    return issues


def layout_document(document: BpmnDocument, options: LayoutOptions | None = None) -> LayoutResult:
    """Lay out every process and collaboration of ``document`` with Graphviz.

    The document is not changed. There is one diagram per collaboration (processes no
    participant refers to are added to the first one as bands without a pool), or one
    diagram of all processes when there is no collaboration.

    Parameters
    ----------
    document
        The document to lay out; existing diagram interchange is ignored.
    options
        Spacing and how to run Graphviz.

    Returns
    -------
    LayoutResult
        The new diagrams and the layout warnings.

    Raises
    ------
    GraphvizNotFoundError
        When Graphviz ``dot`` is not installed.
    LayoutError
        When ``dot`` fails or times out.
    """
    options = options or LayoutOptions()
    plans, warnings = build_plans(document)
    placer = Placer(DotSettings(options.rank_gap, options.node_gap, options.dot_path, options.timeout))
    old = list(document.definitions.diagrams)
    ids = IdAllocator(_ids_in_use(document))
    emitter = DiEmitter(document, ids)
    diagrams: list[Diagram] = []
    for plan, (diagram_id, name) in zip(plans, _diagram_identities(document, plans, ids), strict=True):
        geometry = placer.place_diagram(plan)
        edges, route_warnings = route_diagram(plan, geometry)
        warnings.extend(route_warnings)
        diagrams.append(emitter.emit(plan, geometry, edges, diagram_id, name))
    warned = {issue.element_id for issue in warnings if issue.element_id}
    warnings.extend(_not_redrawn(document, old, diagrams, warned))
    return LayoutResult(diagrams, warnings)


def _declare_di_namespaces(definitions: Definitions) -> None:
    """Declare the DI namespaces on the root when the source had no diagram to need them."""
    declared = definitions.namespace_declarations
    for prefix, uri in DEFAULT_PREFIXES.items():
        if uri in (BPMNDI, DC, DI) and uri not in declared.values():
            chosen, number = prefix, 1
            while chosen in declared:
                number += 1
                chosen = f"{prefix}{number}"
            declared[chosen] = uri


def apply_layout(document: BpmnDocument, result: LayoutResult) -> list[Diagram]:
    """Replace the document's diagrams with those of ``result``.

    Parameters
    ----------
    document
        The document ``result`` was computed for.
    result
        What :func:`layout_document` returned.

    Returns
    -------
    list of Diagram
        The diagrams replaced, so that the change can be undone.
    """
    replaced = list(document.definitions.diagrams)
    document.definitions.diagrams = list(result.diagrams)
    _declare_di_namespaces(document.definitions)
    document.invalidate()
    return replaced


def auto_layout(document: BpmnDocument, options: LayoutOptions | None = None) -> LayoutResult:
    """Lay out ``document`` and install the result (:func:`layout_document` + :func:`apply_layout`)."""
    result = layout_document(document, options)
    apply_layout(document, result)
    return result


__all__ = ["LayoutOptions", "LayoutResult", "apply_layout", "auto_layout", "layout_document"]
