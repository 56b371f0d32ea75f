"""What the canvas draws of one diagram element, as plain values (gui layer).

The importer (:mod:`.importer`) reduces the semantic record and its DI drawing to a
:class:`ShapeView` or :class:`EdgeView`; renderers and items only ever see these values,
never the model, so the same rendering serves the viewer, the editor and the compare view.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF


@dataclass(frozen=True)
class LabelView:
    """A text drawn outside its element's shape (events, gateways, data, flows).

    Parameters
    ----------
    element_id
        The id of the element the label belongs to.
    text
        The text, unwrapped.
    rect
        Where it goes: the BPMN label bounds, or a box of the default width whose top
        edge is the label's top (``height`` 0: grow downwards to fit the text).
    """

    element_id: str
    text: str
    rect: QRectF


@dataclass(frozen=True)
class ShapeView:
    """One BPMN shape, reduced to what its renderer needs.

    Parameters
    ----------
    element_id
        The BPMN element's id (the DI shape's own id when it names no element).
    kind
        The BPMN type's local name (``userTask``, ``startEvent``, ``participant``,
        ``dataInput``, ...): the key of the renderer registry.
    bounds
        The DI bounds in scene coordinates.
    name
        The element's name (for annotations their text, for groups their category value).
    z
        Stacking order: containers below their content, boundary events above their host.
    horizontal
        Pools and lanes: header band on the left (else on top).
    expanded
        Sub-processes and call activities drawn with their content.
    marker_visible
        Exclusive gateways: draw the X.
    event_kinds
        Event definition kinds: ``message``, ``timer``, ``error``, ``escalation``,
        ``signal``, ``conditional``, ``link``, ``compensation``, ``terminate``, ``cancel``.
    throwing
        Throw events (their markers are filled).
    interrupting
        False for non-interrupting start and boundary events (dashed ring).
    parallel_multiple
        An event with several definitions, all of which must occur.
    loop
        ``standard``, ``parallel`` or ``sequential`` (multi-instance), or empty.
    collection
        Data objects and inputs/outputs holding a collection.
    for_compensation
        Activities that compensate another (rewind marker).
    triggered_by_event
        Event sub-processes (dotted border).
    instantiate
        Event-based gateways that start their process.
    parallel_instantiation
        Event-based gateways of type ``Parallel``.
    """

    element_id: str
    kind: str
    bounds: QRectF
    name: str = ""
    z: float = 0.0
    horizontal: bool = True
    expanded: bool = False
    marker_visible: bool = False
    event_kinds: tuple[str, ...] = ()
    throwing: bool = False
    interrupting: bool = True
    parallel_multiple: bool = False
    loop: str = ""
    collection: bool = False
    for_compensation: bool = False
    triggered_by_event: bool = False
    instantiate: bool = False
    parallel_instantiation: bool = False


@dataclass(frozen=True)
class EdgeView:
    """One BPMN connection, reduced to what its renderer needs.

    Parameters
    ----------
    element_id
        The BPMN element's id (the DI edge's own id when it names no element).
    kind
        ``sequenceFlow``, ``messageFlow``, ``association``, ``dataInputAssociation``,
        ``dataOutputAssociation`` (or another type's local name).
    points
        The DI waypoints in scene coordinates.
    name
        The connection's name.
    z
        Stacking order (above the shapes of the same container).
    default
        A sequence flow that is its source's default flow (slash at the source).
    conditional
        A sequence flow with a condition leaving an activity (diamond at the source).
    direction
        Associations: ``None``, ``One`` or ``Both`` (open arrowheads).
    message_visible
        Message flows showing their message: ``initiating`` or ``non_initiating``.
    """

    element_id: str
    kind: str
    points: tuple[QPointF, ...]
    name: str = ""
    z: float = 0.0
    default: bool = False
    conditional: bool = False
    direction: str = "None"
    message_visible: str = ""
