"""Rules on a process as a whole: where it starts and where it ends (core layer, no Qt).

BPMN makes start and end events optional (BPMN 2.0.2 §10.5.2, §10.5.3): without them
every node lacking incoming flow starts the process and the process ends when nothing is
left to do. A care process drawn that way is hard to read, so a missing start event is
a warning. A missing end event is a warning when the process has a start event (the
standard then requires one) and otherwise only information. Events inside sub-processes,
event sub-processes included, do not count for the process around them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Issue, Severity
from ..model.semantic import EndEvent, FlowNode, Process, StartEvent
from .context import Finding, ModelContext, Rule

NO_START = Finding(
    "missing-start-event",
    Severity.WARNING,
    "{process} has no start event, so it is not clear where it begins",
)
NO_END_AFTER_START = Finding(
    "missing-end-event",
    Severity.WARNING,
    "{process} has a start event but no end event",
)
NO_END = Finding(
    "missing-end-event",
    Severity.INFO,
    "{process} has no end event, so it is not clear where it finishes",
)


def _top_level_nodes(process: Process) -> list[FlowNode]:
    return [element for element in process.flow_elements if isinstance(element, FlowNode)]


def processes_without_start(context: ModelContext) -> Iterator[Issue]:
    """Processes that hold flow nodes but no start event of their own.

    Parameters
    ----------
    context
        The document under validation.

    Yields
    ------
    Issue
        ``missing-start-event`` (warning) per process. Processes started only through a
        call activity or made only of event sub-processes are reported too: a reader of
        the diagram still looks for the start.
    """
    for process in context.document.processes:
        nodes = _top_level_nodes(process)
        if nodes and not any(isinstance(node, StartEvent) for node in nodes):
            yield NO_START.at(process, process=process)


def processes_without_end(context: ModelContext) -> Iterator[Issue]:
    """Processes that hold flow nodes but no end event of their own.

    Parameters
    ----------
    context
        The document under validation.

    Yields
    ------
    Issue
        ``missing-end-event`` per process: a warning when the process has a start event,
        information otherwise.
    """
    for process in context.document.processes:
        nodes = _top_level_nodes(process)
        if not nodes or any(isinstance(node, EndEvent) for node in nodes):
            continue
        has_start = any(isinstance(node, StartEvent) for node in nodes)
        yield (NO_END_AFTER_START if has_start else NO_END).at(process, process=process)


RULES: tuple[Rule, ...] = (
    processes_without_start,
    processes_without_end,
)
