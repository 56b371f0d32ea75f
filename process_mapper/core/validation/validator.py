"""Validate a document: what reading found, the schema, reference integrity and the
modelling rules (core layer, no Qt)."""

from __future__ import annotations

from ..model import BpmnDocument, Issue, Severity
from . import rules_collaboration, rules_graph, rules_lanes, rules_process, rules_routing
from .context import ModelContext, Rule
from .schema import schema_findings

#: Every model rule, in the order their findings are reported.
MODEL_RULES: tuple[Rule, ...] = (
    *rules_process.RULES,
    *rules_graph.RULES,
    *rules_routing.RULES,
    *rules_collaboration.RULES,
    *rules_lanes.RULES,
)

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def validate(document: BpmnDocument, *, schema: bool = True) -> list[Issue]:
    """Everything wrong with ``document``, most serious first.

    Parameters
    ----------
    document
        The document to check; it is not changed.
    schema
        Also validate against the BPMN 2.0 XML schema (see :mod:`.schema`).

    Returns
    -------
    list[Issue]
        The findings about the file made when it was read (``document.issues`` without
        the integrity ones: repaired encodings, values kept as text, ...), schema findings (``source="schema"``),
        duplicate ids and broken references found again on the current tree
        (:meth:`BpmnDocument.integrity_issues`), and the findings of :data:`MODEL_RULES`
        (``source="model"``). Each issue comes once: errors first, then warnings, then
        information, otherwise in that order. Any ``ERROR`` means the document is not
        valid.
    """
    # Integrity findings made while reading are recomputed below on the current tree.
    found = [issue for issue in document.issues if issue.source != "integrity"]
    if schema:
        found += schema_findings(document)
    found += document.integrity_issues()
    context = ModelContext.of(document)
    for rule in MODEL_RULES:
        found.extend(rule(context))
    return sorted(dict.fromkeys(found), key=lambda issue: _RANK[issue.severity])
