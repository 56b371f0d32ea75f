"""New event definitions and timer durations (core layer, no Qt).

Timers are written as bpmn.io writes them, a formal expression holding an ISO 8601
duration: ``<timeDuration xsi:type="bpmn:tFormalExpression">P14D</timeDuration>``, with
whatever prefix the document uses for the BPMN namespace.
"""

from __future__ import annotations

import re

from ..model.base import XmlElement
from ..model.namespaces import BPMN, XSI, clark
from ..model.semantic import Definitions, EventDefinition, TimeDuration, TimerEventDefinition
from .ids import IdFactory
from .kinds import TRIGGERS

_ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$")
_XSI_TYPE = clark(XSI, "type")


def is_iso_duration(text: str) -> bool:
    """True for an ISO 8601 duration such as ``P14D``, ``PT4H`` or ``P1W``."""
    return bool(_ISO_DURATION.match(text))


def _formal_expression_type(definitions: Definitions) -> str:
    """``tFormalExpression`` as a QName in the document's own prefix for BPMN.

    The root element is in the BPMN namespace, so the document always declares it.
    """
    declared = definitions.namespace_declarations
    prefix = next((p for p, uri in declared.items() if uri == BPMN and p), None)
    if prefix is None and declared.get(None) == BPMN:
        return "tFormalExpression"
    return f"{prefix or 'bpmn'}:tFormalExpression"


def timer_duration(definitions: Definitions, duration: str) -> TimeDuration:
    """A ``timeDuration`` holding ``duration`` as a formal expression."""
    return TimeDuration(body=duration, extra_attributes={_XSI_TYPE: _formal_expression_type(definitions)})


def new_event_definition(
    definitions: Definitions, ids: IdFactory, trigger: str, duration: str | None = None
) -> EventDefinition:
    """A fresh event definition for ``trigger`` (a key of :data:`~.kinds.TRIGGERS`).

    A timer gets ``duration`` as its ``timeDuration`` when one is given.
    """
    cls = TRIGGERS[trigger]
    definition = cls(id=ids.new(cls.__name__))
    if isinstance(definition, TimerEventDefinition) and duration:
        definition.time_duration = timer_duration(definitions, duration)
    return definition


def retarget_qname(record: XmlElement, source: Definitions, target: Definitions) -> None:
    """Rewrite a record's ``xsi:type`` QName from the source document's prefixes to the target's.

    A pasted timer says ``semantic:tFormalExpression`` when it was copied from a file that
    calls BPMN ``semantic``; in a file that calls it ``bpmn`` that prefix means nothing.
    """
    value = record.extra_attributes.get(_XSI_TYPE)
    if not value:
        return
    prefix, _, local = value.rpartition(":")
    namespace = source.namespace_declarations.get(prefix or None)
    if namespace is None:
        return
    declared = target.namespace_declarations
    target_prefix = next((p for p, uri in declared.items() if uri == namespace and p), None)
    if target_prefix is not None:
        record.extra_attributes = {**record.extra_attributes, _XSI_TYPE: f"{target_prefix}:{local}"}
    elif declared.get(None) == namespace:
        record.extra_attributes = {**record.extra_attributes, _XSI_TYPE: local}
