"""Read BPMN 2.0 XML into the document model (core layer, no Qt).

Two stages: :mod:`.safe_xml` turns bytes into an lxml tree safely, then :class:`ModelBuilder`
walks the tree driven by the meta-model specs of :mod:`process_mapper.core.model.base`.
Reading is lenient, as BPMN 2.0.2 §15.1 asks of importers: out-of-order or unknown
elements, missing optional references and duplicate ids are reported as issues, never
refused. Everything not typed by the model is carried as foreign content.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..model import Definitions, XmlElement
from ..model.base import SpecKind, ValueKind, subclasses_with_tags
from ..model.document import BpmnDocument
from ..model.issues import Issue, Severity
from ..model.namespaces import BPMN, BPMN_1X_HINTS, split_clark
from ..model.references import Reference, missing_reference_issues, reference_fields, reference_issues
from .formatting import ABSENT, format_value
from .safe_xml import MAX_FILE_BYTES, BpmnReadError, ParsedXml, parse_xml

_DEFINITIONS_TAG = f"{{{BPMN}}}definitions"


def _parse_bool(raw: str) -> bool:
    value = raw.strip()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ValueError(raw)


_PARSERS: dict[ValueKind, Callable[[str], Any]] = {
    ValueKind.BOOL: _parse_bool,
    ValueKind.INT: int,
    ValueKind.FLOAT: float,
}


@dataclass(frozen=True)
class _ChildPlan:
    field: str
    kind: SpecKind
    item_class: type[XmlElement] | None
    xml_name: str = ""


@dataclass(frozen=True)
class _ClassPlan:
    #: XML attribute name -> (field, parser or None for text, is a checked reference)
    attributes: dict[str, tuple[str, Callable[[str], Any] | None, bool]]
    children: dict[str, _ChildPlan]
    text_field: str | None
    #: Attributes whose field has a non-None default (``Bounds.x``): their absence is noted.
    defaulted: tuple[str, ...]
    #: For records made of float attributes only (bounds, waypoints): their names in order.
    coordinates: tuple[str, ...]


_PLANS: dict[type[XmlElement], _ClassPlan] = {}


def _plan_for(cls: type[XmlElement]) -> _ClassPlan:
    plan = _PLANS.get(cls)
    if plan is None:
        attributes: dict[str, tuple[str, Callable[[str], Any] | None, bool]] = {"id": ("id", None, False)}
        checked = {xml_name for _, xml_name in reference_fields(cls)}
        child_plans: dict[str, _ChildPlan] = {}
        text_field = None
        defaults = {f.name: f.default for f in dataclasses.fields(cls)}
        defaulted: list[str] = []
        for bound in cls.xml_fields:
            spec = bound.spec
            if spec.kind is SpecKind.ATTRIBUTE:
                parser = _PARSERS.get(spec.value_kind)
                attributes[spec.xml_name] = (bound.name, parser, spec.xml_name in checked)
                if defaults.get(bound.name) not in (None, dataclasses.MISSING):
                    defaulted.append(spec.xml_name)
            elif spec.kind is SpecKind.TEXT:
                text_field = bound.name
            elif spec.kind is SpecKind.GROUP:
                assert bound.item_class is not None
                for tag, member in subclasses_with_tags(bound.item_class).items():
                    child_plans.setdefault(tag, _ChildPlan(bound.name, SpecKind.CHILDREN, member, ""))
            else:
                child_plans[bound.tag] = _ChildPlan(bound.name, spec.kind, bound.item_class, spec.xml_name)
        only_floats = all(p is float for _, p, _ in list(attributes.values())[1:]) and not child_plans
        coordinates = tuple(list(attributes)[1:]) if only_floats and len(attributes) > 1 else ()
        plan = _PLANS[cls] = _ClassPlan(attributes, child_plans, text_field, tuple(defaulted), coordinates)
    return plan


class ModelBuilder:
    """Builds model records from an lxml tree, collecting issues instead of failing."""

    def __init__(self, track_namespaces: bool) -> None:
        self.issues: list[Issue] = []
        #: Every record built, in document order, for the document's id index.
        self.records: list[XmlElement] = []
        #: Every checked reference met on the way.
        self.references: list[Reference] = []
        #: Every carried (foreign) element, for ids declared inside them.
        self.foreign: list[etree._Element] = []
        #: The record holding each typed child record, by ``id()`` of the child.
        self.parents: dict[int, XmlElement] = {}
        self._track_namespaces = track_namespaces

    def build(self, node: etree._Element, cls: type[XmlElement]) -> XmlElement:
        """Return the record for ``node`` read as ``cls`` (recursively).

        This is the hot loop of every file load, hence the local-variable style.
        """
        plan = _PLANS.get(cls) or _plan_for(cls)
        items = node.items()
        if plan.coordinates and len(items) == len(plan.coordinates) and not len(node) and not self._track_namespaces:
            coordinates = self._coordinates(items, plan.coordinates)
            if coordinates is not None:
                record = cls(**coordinates)
                self.records.append(record)
                return record
        record = cls()
        self.records.append(record)
        if plan.defaulted:
            present = [name for name, _ in items]
            for name in plan.defaulted:
                if name not in present:
                    record.original_text[name] = ABSENT
        attributes = plan.attributes
        for name, raw in items:
            target = attributes.get(name)
            if target is None:
                record.extra_attributes[name] = raw
                continue
            parse = target[1]
            if parse is None:
                setattr(record, target[0], raw)
                if target[2]:
                    self.references.append((record, name, raw))
                continue
            try:
                value = parse(raw)
            except ValueError:
                self._keep_invalid(record, name, raw)
                continue
            setattr(record, target[0], value)
            # Remember the source's spelling where ours would differ ("1.0", "+3", "1" for true).
            canonical_number = parse is not _parse_bool and raw.isdigit() and (raw[0] != "0" or len(raw) == 1)
            if not canonical_number and format_value(value) != raw:
                record.original_text[name] = raw
        if self._track_namespaces:
            parent = node.getparent()
            inherited = parent.nsmap if parent is not None else {}
            declared = {p: u for p, u in node.nsmap.items() if inherited.get(p) != u}
            if declared:
                record.namespace_declarations = declared
        if plan.text_field is not None and node.text is not None:
            setattr(record, plan.text_field, node.text)
        known = 0
        steps = plan.children
        for sub in node:
            tag = sub.tag
            if tag.__class__ is not str:  # comment, processing instruction, entity
                record.foreign.append((known, sub))
                continue
            step = steps.get(tag)
            if step is not None:
                kind = step.kind
                if kind is SpecKind.CHILDREN:
                    built = self.build(sub, step.item_class)  # type: ignore[arg-type]
                    getattr(record, step.field).append(built)
                    self.parents[id(built)] = record
                    known += 1
                    continue
                if kind is SpecKind.REF_LIST and not len(sub) and not len(sub.attrib):
                    target = (sub.text or "").strip()
                    getattr(record, step.field).append(target)
                    self.references.append((record, step.xml_name, target))
                    known += 1
                    continue
                if self._read_child(record, sub, step):
                    known += 1
                    continue
            record.foreign.append((known, sub))
            self.foreign.append(sub)
        return record

    @staticmethod
    def _coordinates(items: list[tuple[str, str]], names: tuple[str, ...]) -> dict[str, float] | None:
        """Fast path for ``dc:Bounds`` and ``di:waypoint``, the most numerous elements of a
        file: exactly the expected attributes, integer-valued as most tools write them.
        Anything else (``150.5``, ``xsi:type``, a missing ``height``) takes the general path."""
        values: dict[str, float] = {}
        for (name, raw), expected in zip(items, names, strict=True):
            if name != expected or not raw.isdigit() or (raw[0] == "0" and len(raw) > 1):
                return None
            values[name] = float(raw)
        return values

    def _keep_invalid(self, record: XmlElement, name: str, raw: str) -> None:
        """Carry an attribute whose text does not parse as its type, and report it."""
        record.extra_attributes[name] = raw
        self.issues.append(
            Issue(
                "invalid-attribute-value",
                f"{record.TAG} '{record.id or '?'}': {name}=\"{raw}\" is not a valid value; kept as text",
                element_id=record.id,
            )
        )

    def _read_child(self, record: XmlElement, sub: etree._Element, step: _ChildPlan) -> bool:
        """Store ``sub`` in ``record``; False when it cannot be typed and must stay foreign."""
        kind = step.kind
        if kind is SpecKind.CHILD:
            if getattr(record, step.field) is not None:
                return False  # a second one where the schema allows one: carry it as is
            assert step.item_class is not None
            built = self.build(sub, step.item_class)
            setattr(record, step.field, built)
            self.parents[id(built)] = record
            return True
        # Text-valued children: only plain ones are typed, anything richer is carried.
        if len(sub) or sub.keys():
            return False
        value = sub.text or ""
        if kind is SpecKind.REF_LIST:
            getattr(record, step.field).append(value.strip())
            self.references.append((record, step.xml_name, value.strip()))
        elif kind is SpecKind.REF_TEXT:
            if getattr(record, step.field) is not None:
                return False
            setattr(record, step.field, value.strip())
            self.references.append((record, step.xml_name, value.strip()))
        else:  # TEXT_CHILD
            if getattr(record, step.field) is not None:
                return False
            setattr(record, step.field, value)
        return True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building the model (or its drawing).

    A load makes tens of thousands of objects and no reference cycles (records refer to
    each other by id), so collections triggered by the allocation count alone find nothing
    to free, yet they would take a third of the load time. The canvas pauses it likewise
    while it makes the items of a diagram, and the diff while it compares two models (the
    few cycles made meanwhile are collected after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_root(root: etree._Element, name: str) -> None:
    tag = root.tag
    if tag == _DEFINITIONS_TAG:
        return
    namespace, local = split_clark(tag) if isinstance(tag, str) else (None, str(tag))
    if namespace in BPMN_1X_HINTS or (local in ("definitions", "Package") and namespace != BPMN):
        raise BpmnReadError(
            f"{name} is not BPMN 2.0: its root <{local}> is in namespace '{namespace}', "
            f"not '{BPMN}' (BPMN 1.x, XPDL and draft files are not supported)", "not-bpmn-2"
        )
    if namespace == BPMN:
        raise BpmnReadError(f"{name} is not a BPMN document: its root is <{local}>, not <definitions>", "not-bpmn")
    raise BpmnReadError(
        f"{name} is XML but not BPMN: its root element is <{local}>"
        + (f" in namespace '{namespace}'" if namespace else ""), "not-bpmn"
    )


def read_bpmn_bytes(
    data: bytes,
    name: str = "the input",
    base_dir: Path | None = None,
    resolve_imports: bool = True,
) -> BpmnDocument:
    """Read BPMN from bytes; ``name`` is how messages refer to the input.

    Raises
    ------
    BpmnReadError
        When the input is not a readable BPMN 2.0 document.
    """
    parsed = parse_xml(data, name)
    _check_root(parsed.root, name)
    with gc_paused():
        return _build_document(parsed, data, name, base_dir, resolve_imports)


def _build_document(
    parsed: ParsedXml, data: bytes, name: str, base_dir: Path | None, resolve_imports: bool
) -> BpmnDocument:
    builder = ModelBuilder(track_namespaces=data.count(b"xmlns") > len(parsed.root.nsmap))
    definitions = builder.build(parsed.root, Definitions)
    assert isinstance(definitions, Definitions)
    definitions.namespace_declarations = dict(parsed.root.nsmap)
    document = BpmnDocument(definitions, issues=parsed.issues + builder.issues)
    document.issues += document.adopt_lookups(builder.records, builder.foreign, builder.parents)
    if resolve_imports and base_dir is not None:
        _load_imports(document, base_dir)
    document.issues += missing_reference_issues(builder.records)
    document.issues += reference_issues(builder.references, document.index, document.exists)
    return document


#: What ``read_bpmn`` says when the file itself cannot be opened or read, by :func:`os_error_code`.
_OS_MESSAGES = {
    "not-found": "{file} does not exist",
    "is-folder": "{file} is a folder, not a file",
    "permission-denied": "{file} cannot be opened: permission denied",
    "unreadable": "{file} cannot be read: {reason}",
}


def os_error_code(error: OSError) -> str:
    """The :attr:`BpmnReadError.code` of a failure to open or read a file."""
    if isinstance(error, FileNotFoundError):
        return "not-found"
    if isinstance(error, IsADirectoryError):
        return "is-folder"
    if isinstance(error, PermissionError):
        return "permission-denied"
    return "unreadable"


def read_bpmn(path: str | os.PathLike[str], resolve_imports: bool = True) -> BpmnDocument:
    """Read a BPMN file; imported BPMN files are resolved from the same folder.

    Raises
    ------
    BpmnReadError
        When the file cannot be opened or is not a readable BPMN 2.0 document.
    """
    file = Path(path)
    name = file.name
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BpmnReadError(
                f"{name} is {size / 1048576:.0f} MB; Process Mapper opens BPMN files up to "
                f"{MAX_FILE_BYTES // 1048576} MB", "too-large"
            )
        data = file.read_bytes()
    except OSError as error:
        code = os_error_code(error)
        raise BpmnReadError(_OS_MESSAGES[code].format(file=file, reason=error.strerror or error), code) from None
    document = read_bpmn_bytes(data, name, file.parent, resolve_imports)
    document.path = file
    return document


def _load_imports(document: BpmnDocument, base_dir: Path) -> None:
    """Load the BPMN files ``document`` imports (one level: their own imports are not followed)."""
    for imported in document.definitions.imports:
        location, namespace = imported.location, imported.namespace
        if not location or not namespace or not location.lower().endswith(".bpmn"):
            continue
        target = base_dir / location
        if not target.is_file():
            document.issues.append(
                Issue(
                    "import-not-found",
                    f"imported file '{location}' is not in {base_dir}",
                    Severity.WARNING,
                )
            )
            continue
        try:
            sub = read_bpmn_bytes(target.read_bytes(), target.name, None, resolve_imports=False)
        except BpmnReadError as error:
            document.issues.append(Issue("import-unreadable", str(error), Severity.WARNING))
            continue
        sub.path = target
        document.imported[namespace] = sub


__all__ = ["BpmnReadError", "ModelBuilder", "read_bpmn", "read_bpmn_bytes"]
