"""What the model rules look at, and how their findings are worded (core layer, no Qt).

A rule is a small pure function ``rule(context) -> Iterable[Issue]``. The
:class:`ModelContext` hands every rule the document together with the lookups several
rules need (sequence flows by the node they leave or enter), computed once per run. A
:class:`Finding` holds a rule's stable code, severity and English sentence, so that every
user-facing string of a rule module sits in one place at the top of that module.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..model import BpmnDocument, Issue, Severity, XmlElement
from ..model.semantic import FlowContainer, FlowElement, FlowNode, Process, SequenceFlow, SubProcess

#: Names of BPMN types where splitting the XML name into words reads badly.
_TYPE_LABELS = {
    "participant": "pool",
    "subProcess": "sub-process",
    "adHocSubProcess": "ad-hoc sub-process",
}
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def type_label(element: XmlElement) -> str:
    """The element's BPMN type in plain words: ``user task``, ``event sub-process``.

    Parameters
    ----------
    element
        Any model record.

    Returns
    -------
    str
        Lower-case English words.
    """
    tag = element.type_name
    label = _TYPE_LABELS.get(tag) or " ".join(word.lower() for word in _WORD.findall(tag))
    if isinstance(element, SubProcess) and element.triggered_by_event:
        label = f"event {label}"
    return label


def describe(element: XmlElement) -> str:
    """Name an element for a person: type, id and name, e.g. ``task 'T1' ("Triage")``.

    Parameters
    ----------
    element
        Any model record; names spread over several lines are joined into one.

    Returns
    -------
    str
        The description, without the name when the element has none.
    """
    text = f"{type_label(element)} '{element.id}'" if element.id else type_label(element)
    name = " ".join((getattr(element, "name", None) or "").split())
    return f'{text} ("{name}")' if name else text


@dataclass(frozen=True)
class Finding:
    """One kind of model finding: its code, its severity and the sentence that explains it.

    Parameters
    ----------
    code
        Stable, machine-readable kind, e.g. ``unconnected-node``.
    severity
        How serious every finding of this kind is.
    template
        The English sentence, with ``str.format`` fields for the elements it names.
    """

    code: str
    severity: Severity
    template: str

    def at(self, element: XmlElement, **parts: XmlElement | str) -> Issue:
        """The issue for ``element``; model records among ``parts`` are :func:`described <describe>`.

        Parameters
        ----------
        element
            The element the issue is about (its id becomes ``Issue.element_id``).
        **parts
            Values for the template's fields.

        Returns
        -------
        Issue
            An issue with ``source="model"``.
        """
        words = {key: describe(value) if isinstance(value, XmlElement) else value for key, value in parts.items()}
        return Issue(self.code, self.template.format(**words), self.severity, element.id, source="model")


@dataclass(frozen=True)
class ModelContext:
    """The document under validation plus the lookups rules share.

    Parameters
    ----------
    document
        The document; rules only read it.
    flow_nodes
        Every flow node of every process, sub-process content included, in document order.
    sequence_flows
        Every sequence flow, likewise.
    containers
        Every process and sub-process, in document order (a process before its content).
    incoming
        Sequence flows by the id of the element they enter (their ``targetRef``).
    outgoing
        Sequence flows by the id of the element they leave (their ``sourceRef``).

    Notes
    -----
    Connections are taken from the sequence flows themselves, not from the nodes'
    ``<incoming>``/``<outgoing>`` lists, which many tools leave out.
    """

    document: BpmnDocument
    flow_nodes: tuple[FlowNode, ...]
    sequence_flows: tuple[SequenceFlow, ...]
    containers: tuple[FlowContainer, ...]
    incoming: Mapping[str, list[SequenceFlow]]
    outgoing: Mapping[str, list[SequenceFlow]]

    @classmethod
    def of(cls, document: BpmnDocument) -> ModelContext:
        """Compute the lookups for ``document`` in one walk over its processes.

        Parameters
        ----------
        document
            The document to validate.

        Returns
        -------
        ModelContext
            The context every rule receives.
        """
        nodes: list[FlowNode] = []
        flows: list[SequenceFlow] = []
        containers: list[FlowContainer] = []
        incoming: defaultdict[str, list[SequenceFlow]] = defaultdict(list)
        outgoing: defaultdict[str, list[SequenceFlow]] = defaultdict(list)
        for process in document.processes:
            containers.append(process)
            for element in document.iter_flow_elements(process):
                if isinstance(element, FlowNode):
                    nodes.append(element)
                    if isinstance(element, SubProcess):
                        containers.append(element)
                elif isinstance(element, SequenceFlow):
                    flows.append(element)
                    if element.source_ref:
                        outgoing[element.source_ref].append(element)
                    if element.target_ref:
                        incoming[element.target_ref].append(element)
        return cls(document, tuple(nodes), tuple(flows), tuple(containers), dict(incoming), dict(outgoing))

    def flow_node(self, ref: str | None) -> FlowNode | None:
        """The flow node with id ``ref``, or None when ``ref`` names no flow node."""
        found = self.document.get(ref)
        return found if isinstance(found, FlowNode) else None

    def container_of(self, element: FlowElement) -> FlowContainer:
        """The process or sub-process that holds ``element`` directly."""
        parent = self.document.parent_of(element)
        assert isinstance(parent, (Process, SubProcess)), "only processes and sub-processes hold flow elements"
        return parent

    def process_of(self, element: FlowElement) -> Process:
        """The process that holds ``element``, through any number of sub-processes."""
        container = self.container_of(element)
        while isinstance(container, SubProcess):
            container = self.container_of(container)
        return container


#: A model rule: reads the context, yields what it finds.
Rule = Callable[[ModelContext], Iterable[Issue]]
