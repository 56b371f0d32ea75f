"""What the palette creates: BPMN types, their event trigger and sub-process form (core layer, no Qt).

A :class:`ShapeKind` names one palette entry, written ``tag`` or ``tag:detail``:
``userTask``, ``startEvent:timer``, ``endEvent:terminate``, ``subProcess:expanded``.
:data:`TYPES` says, for every type the editor creates, its record class, the prefix of
new ids (bpmn.io's ``Activity_``, ``Event_``, ``Gateway_``), its default size (bpmn.io's)
and which event triggers it may carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.geometry import DATA_OBJECT_SIZE, DATA_STORE_SIZE, EVENT_SIZE, GATEWAY_SIZE, TASK_SIZE
from ..model.base import XmlElement
from ..model.di import Shape
from ..model.semantic import (
    BoundaryEvent,
    BusinessRuleTask,
    CallActivity,
    CancelEventDefinition,
    CatchEvent,
    CompensateEventDefinition,
    ComplexGateway,
    ConditionalEventDefinition,
    DataObjectReference,
    DataStoreReference,
    EndEvent,
    ErrorEventDefinition,
    EscalationEventDefinition,
    EventBasedGateway,
    EventDefinition,
    ExclusiveGateway,
    InclusiveGateway,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    LinkEventDefinition,
    ManualTask,
    MessageEventDefinition,
    ParallelGateway,
    ReceiveTask,
    ScriptTask,
    SendTask,
    ServiceTask,
    SignalEventDefinition,
    StartEvent,
    SubProcess,
    Task,
    TerminateEventDefinition,
    TextAnnotation,
    ThrowEvent,
    TimerEventDefinition,
    UserTask,
)

#: Event triggers by the name used in kinds (``startEvent:timer``).
TRIGGERS: dict[str, type[EventDefinition]] = {
    "message": MessageEventDefinition,
    "timer": TimerEventDefinition,
    "error": ErrorEventDefinition,
    "escalation": EscalationEventDefinition,
    "signal": SignalEventDefinition,
    "conditional": ConditionalEventDefinition,
    "link": LinkEventDefinition,
    "compensation": CompensateEventDefinition,
    "terminate": TerminateEventDefinition,
    "cancel": CancelEventDefinition,
}
_TRIGGER_BY_CLASS = {cls: name for name, cls in TRIGGERS.items()}

EXPANDED_SUB_PROCESS_SIZE = (350.0, 200.0)
TEXT_ANNOTATION_SIZE = (100.0, 30.0)
EXPANDED = "expanded"
COLLAPSED = "collapsed"


@dataclass(frozen=True)
class TypeInfo:
    """How the editor creates one BPMN type."""

    record_class: type[XmlElement]
    id_prefix: str
    size: tuple[float, float]
    #: True when the name is drawn below the shape (events, gateways, data).
    external_label: bool = False
    #: Event triggers allowed by BPMN 2.0 (None: a plain event); empty for non-events.
    triggers: frozenset[str | None] = frozenset()


def _events(*names: str | None) -> frozenset[str | None]:
    return frozenset(names)


def _activity(cls: type[XmlElement]) -> TypeInfo:
    return TypeInfo(cls, "Activity", TASK_SIZE)


def _gateway(cls: type[XmlElement]) -> TypeInfo:
    return TypeInfo(cls, "Gateway", GATEWAY_SIZE, external_label=True)


def _event(cls: type[XmlElement], triggers: frozenset[str | None]) -> TypeInfo:
    return TypeInfo(cls, "Event", EVENT_SIZE, external_label=True, triggers=triggers)


TYPES: dict[str, TypeInfo] = {
    "task": _activity(Task),
    "userTask": _activity(UserTask),
    "manualTask": _activity(ManualTask),
    "serviceTask": _activity(ServiceTask),
    "sendTask": _activity(SendTask),
    "receiveTask": _activity(ReceiveTask),
    "scriptTask": _activity(ScriptTask),
    "businessRuleTask": _activity(BusinessRuleTask),
    "callActivity": _activity(CallActivity),
    "subProcess": _activity(SubProcess),
    "startEvent": _event(StartEvent, _events(None, "message", "timer", "conditional", "signal")),
    "intermediateCatchEvent": _event(
        IntermediateCatchEvent, _events("message", "timer", "conditional", "link", "signal")
    ),
    "intermediateThrowEvent": _event(
        IntermediateThrowEvent, _events(None, "message", "escalation", "link", "compensation", "signal")
    ),
    "endEvent": _event(
        EndEvent, _events(None, "message", "error", "escalation", "compensation", "signal", "terminate", "cancel")
    ),
    "boundaryEvent": _event(
        BoundaryEvent,
        _events("message", "timer", "error", "escalation", "conditional", "signal", "compensation", "cancel"),
    ),
    "exclusiveGateway": _gateway(ExclusiveGateway),
    "parallelGateway": _gateway(ParallelGateway),
    "inclusiveGateway": _gateway(InclusiveGateway),
    "eventBasedGateway": _gateway(EventBasedGateway),
    "complexGateway": _gateway(ComplexGateway),
    "dataObjectReference": TypeInfo(DataObjectReference, "DataObjectReference", DATA_OBJECT_SIZE, external_label=True),
    "dataStoreReference": TypeInfo(DataStoreReference, "DataStoreReference", DATA_STORE_SIZE, external_label=True),
    "textAnnotation": TypeInfo(TextAnnotation, "TextAnnotation", TEXT_ANNOTATION_SIZE),
}


@dataclass(frozen=True)
class ShapeKind:
    """One palette entry: a BPMN type plus its event trigger or sub-process form.

    Parameters
    ----------
    tag
        A key of :data:`TYPES`, e.g. ``userTask``.
    trigger
        For events: a key of :data:`TRIGGERS`, or None for a plain event.
    expanded
        For sub-processes: drawn open with its content (else collapsed).
    """

    tag: str
    trigger: str | None = None
    expanded: bool = False

    def __post_init__(self) -> None:
        if self.tag not in TYPES:
            raise ValueError(f"unknown element type {self.tag!r}")
        if self.trigger is not None and self.trigger not in TRIGGERS:
            raise ValueError(f"unknown event trigger {self.trigger!r}")

    @classmethod
    def parse(cls, text: str) -> ShapeKind:
        """The kind written as ``tag`` or ``tag:detail`` (``startEvent:timer``, ``subProcess:expanded``).

        Raises
        ------
        ValueError
            For an unknown type, trigger or form.
        """
        tag, _, detail = text.partition(":")
        if tag == "subProcess" and detail in (EXPANDED, COLLAPSED):
            return cls(tag, expanded=detail == EXPANDED)
        return cls(tag, trigger=detail or None)

    def __str__(self) -> str:
        if self.tag == "subProcess":
            return f"{self.tag}:{EXPANDED if self.expanded else COLLAPSED}"
        return f"{self.tag}:{self.trigger}" if self.trigger else self.tag

    @property
    def info(self) -> TypeInfo:
        return TYPES[self.tag]

    @property
    def size(self) -> tuple[float, float]:
        """The default size of a new shape of this kind."""
        if self.tag == "subProcess" and self.expanded:
            return EXPANDED_SUB_PROCESS_SIZE
        return self.info.size


def trigger_of(record: XmlElement) -> str | None:
    """The trigger of an event (its first event definition), or None."""
    if isinstance(record, (CatchEvent, ThrowEvent)) and record.event_definitions:
        return _TRIGGER_BY_CLASS.get(type(record.event_definitions[0]))
    return None


def kind_of(record: XmlElement, shape: Shape | None = None) -> ShapeKind | None:
    """The kind of an existing record (None when the editor does not create its type).

    Parameters
    ----------
    record
        A flow node, data reference or text annotation.
    shape
        Its drawing, which tells whether a sub-process is expanded.
    """
    if record.TAG not in TYPES or type(record) is not TYPES[record.TAG].record_class:
        return None
    if isinstance(record, SubProcess):
        return ShapeKind(record.TAG, expanded=bool(shape is not None and shape.is_expanded))
    return ShapeKind(record.TAG, trigger_of(record))
