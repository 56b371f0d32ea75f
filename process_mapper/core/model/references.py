"""Reference integrity: duplicate ids and references that point nowhere (core layer, no Qt).

The reader collects references while it builds the model (one pass, no second walk);
after edits, :func:`iter_references` finds them again by walking the tree. Both feed
:func:`reference_issues`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from lxml import etree

from .base import SpecKind, ValueKind, XmlElement
from .di import DiagramElement
from .issues import Issue, Severity
from .namespaces import BPMN
from .semantic import MessageFlow, SequenceFlow

#: References to things outside BPMN (XSD types, operations): never "dangling".
EXTERNAL_REFERENCES = frozenset({"structureRef", "evaluatesToTypeRef", "operationRef", "partitionElementRef"})
#: Findings about the tree's integrity; recomputed after edits, unlike findings about the file.
_SOURCE = "integrity"
#: References whose loss breaks the process graph: errors, not warnings.
_STRUCTURAL = {SequenceFlow: ("sourceRef", "targetRef"), MessageFlow: ("sourceRef", "targetRef")}


#: ``(owner, name, target)``: ``owner`` refers to ``target`` through its attribute or child
#: element ``name``. A plain tuple: the reader makes tens of thousands of them.
Reference = tuple[XmlElement, str, str]


_REF_FIELDS: dict[type[XmlElement], tuple[tuple[str, str], ...]] = {}


def reference_fields(cls: type[XmlElement]) -> tuple[tuple[str, str], ...]:
    """``(field name, XML name)`` of the checked references of a class."""
    fields = _REF_FIELDS.get(cls)
    if fields is None:
        fields = tuple(
            (b.name, b.spec.xml_name)
            for b in cls.xml_fields
            if (
                b.spec.kind is SpecKind.ATTRIBUTE
                and b.spec.value_kind is ValueKind.REF
                and b.spec.xml_name not in EXTERNAL_REFERENCES
            )
            or b.spec.kind in (SpecKind.REF_LIST, SpecKind.REF_TEXT)
        )
        _REF_FIELDS[cls] = fields
    return fields


def iter_references(root: XmlElement) -> Iterator[Reference]:
    """Every checked reference in the tree under ``root``."""
    for record in root.iter_tree():
        for field_name, xml_name in reference_fields(type(record)):
            value = getattr(record, field_name)
            if isinstance(value, list):
                for target in value:
                    yield (record, xml_name, target)
            elif value is not None:
                yield (record, xml_name, value)


def _describe(record: XmlElement) -> str:
    return f"{record.TAG} '{record.id}'" if record.id else record.TAG


def reference_issues(
    references: Iterable[Reference], index: dict[str, XmlElement], exists: Callable[[str], bool]
) -> list[Issue]:
    """Issues for empty references and references that resolve to nothing.

    ``index`` answers the common case fast; ``exists`` handles QNames, imports and ids
    inside carried content.
    """
    issues: list[Issue] = []
    for owner, name, target in references:
        if target in index:
            continue
        if target == "":
            severity = Severity.ERROR if name in _STRUCTURAL.get(type(owner), ()) else Severity.WARNING
            message = f"{_describe(owner)} has an empty {name}"
            issues.append(Issue("empty-reference", message, severity, owner.id, _SOURCE))
            continue
        if exists(target):
            continue
        if isinstance(owner, DiagramElement):
            code, severity = "dangling-diagram-reference", Severity.WARNING
        else:
            structural = name in _STRUCTURAL.get(type(owner), ())
            code, severity = "dangling-reference", Severity.ERROR if structural else Severity.WARNING
        message = f"{_describe(owner)}: {name} '{target}' refers to no element"
        issues.append(Issue(code, message, severity, owner.id, _SOURCE))
    return issues


def missing_reference_issues(records: Iterable[XmlElement]) -> list[Issue]:
    """Errors for flows that lack a source or target altogether (not even an empty one)."""
    issues: list[Issue] = []
    for record in records:
        if isinstance(record, (SequenceFlow, MessageFlow)):
            for field_name, xml_name in (("source_ref", "sourceRef"), ("target_ref", "targetRef")):
                if getattr(record, field_name) is None:
                    message = f"{_describe(record)} has no {xml_name}"
                    issues.append(Issue("missing-reference", message, Severity.ERROR, record.id, _SOURCE))
    return issues


class IdIndex(NamedTuple):
    """Ids of a document: typed records by id, ids inside carried content, repeated ids."""

    records: dict[str, XmlElement]
    foreign_ids: set[str]
    issues: list[Issue]


def index_ids(records: Iterable[XmlElement], foreign_nodes: Iterable[etree._Element]) -> IdIndex:
    """Index typed records by id (the first wins) and report ids used twice.

    Ids on carried BPMN elements count too (the schema types them as ``xs:ID``); ids on
    vendor elements do not, as they are no ``xs:ID`` (the MIWG's C.8.0 repeats one).
    """
    index: dict[str, XmlElement] = {}
    foreign_ids: set[str] = set()
    repeated: list[str] = []
    for record in records:
        ident = record.id
        if ident is not None:
            if ident in index:
                repeated.append(ident)
            else:
                index[ident] = record
    bpmn_prefix = f"{{{BPMN}}}"
    for node in foreign_nodes:
        for sub in node.iter(etree.Element):
            ident = sub.get("id")
            if ident is None:
                continue
            if sub.tag.startswith(bpmn_prefix) and (ident in foreign_ids or ident in index):
                repeated.append(ident)
            foreign_ids.add(ident)
    issues = [Issue("duplicate-id", f"id '{i}' is used more than once", Severity.WARNING, i, _SOURCE) for i in repeated]
    return IdIndex(index, foreign_ids, issues)
