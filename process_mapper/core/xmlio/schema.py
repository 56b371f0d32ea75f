"""Validation against the OMG BPMN 2.0 XML schemas shipped in ``resources/xsd`` (no Qt)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..model.issues import Issue, Severity
from ..resources import resource_path


@lru_cache(maxsize=1)
def bpmn_schema() -> etree.XMLSchema:
    """The compiled BPMN 2.0 schema (``BPMN20.xsd`` with its includes), loaded once."""
    path: Path = resource_path("xsd", "BPMN20.xsd")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def schema_issues(tree: etree._ElementTree | etree._Element) -> list[Issue]:
    """XSD findings for a parsed document, one issue per schema error."""
    schema = bpmn_schema()
    if schema.validate(tree):
        return []
    return [
        Issue("schema", entry.message, Severity.ERROR, source="schema", line=entry.line)
        for entry in schema.error_log
    ]
