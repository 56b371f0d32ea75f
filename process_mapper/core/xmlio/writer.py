"""Write the document model as BPMN 2.0 XML with diagram interchange (core layer, no Qt).

The writer mirrors the reader: fields are written in declaration (schema) order, carried
foreign content goes back at the position it was read from, attributes the model does not
type and the namespace declarations of the source are restored. Saving is atomic: the
bytes go to a temporary file in the target folder, are flushed to disk, and only then
replace the target, so an interrupted save never leaves a truncated file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree

from ..model import BpmnDocument, XmlElement
from ..model.base import SpecKind
from .formatting import ABSENT, format_value


def _copy_foreign(parent: etree._Element, node: Any) -> None:
    """Append a copy of carried content under ``parent``, reusing the prefixes in scope.

    Text that followed the node in the source (mixed content such as documentation with
    markup) follows the copy; whitespace-only tails are left to the pretty printer.
    """
    if isinstance(node, etree._Comment):
        clone = etree.Comment(node.text)
        parent.append(clone)
    elif isinstance(node, etree._ProcessingInstruction):
        clone = etree.PI(node.target, node.text)
        parent.append(clone)
    elif isinstance(node, etree._Entity):
        clone = etree.Entity(node.name)
        parent.append(clone)
    else:
        in_scope = parent.nsmap
        declared = {p: u for p, u in node.nsmap.items() if in_scope.get(p) != u}
        clone = etree.SubElement(parent, node.tag, dict(node.attrib), nsmap=declared or None)
        clone.text = node.text
        for sub in node:
            _copy_foreign(clone, sub)
    if node.tail and node.tail.strip():
        clone.tail = node.tail


def _attribute_text(record: XmlElement, xml_name: str, value: Any) -> str | None:
    """The text to write for a typed attribute, or None to leave it out."""
    if value.__class__ is str:
        return value  # type: ignore[no-any-return]
    original = record.original_text.get(xml_name) if record.original_text else None
    if original is ABSENT:
        return None if value == 0 else format_value(value)  # the source left the default out
    text = format_value(value)
    if original is not None and format_value(_reparse(original, value)) == text:
        return original  # unchanged value: keep the source's spelling
    return text


def _reparse(original: str, value: Any) -> Any:
    """The value ``original`` stood for, typed like ``value`` (to see if it still holds)."""
    try:
        if isinstance(value, bool):
            return original.strip() in ("true", "1")
        return type(value)(original)
    except ValueError:
        return None


_CHILD_KINDS = (SpecKind.CHILD, SpecKind.CHILDREN, SpecKind.GROUP)
#: Per class: attribute fields ``(field, xml name)`` and content fields
#: ``(field, kind, Clark tag)`` in schema order.
_WritePlan = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, SpecKind, str], ...]]
_PLANS: dict[type[XmlElement], _WritePlan] = {}


def _plan_for(cls: type[XmlElement]) -> _WritePlan:
    plan = _PLANS.get(cls)
    if plan is None:
        attributes = tuple((b.name, b.spec.xml_name) for b in cls.xml_fields if b.spec.kind is SpecKind.ATTRIBUTE)
        content = tuple((b.name, b.spec.kind, b.tag) for b in cls.xml_fields if b.spec.kind is not SpecKind.ATTRIBUTE)
        plan = _PLANS[cls] = (attributes, content)
    return plan


class ModelWriter:
    """Turns model records back into lxml elements (the hot loop of every save)."""

    def write(self, record: XmlElement, parent: etree._Element | None) -> etree._Element:
        """Create the element for ``record`` (under ``parent`` if given) and its subtree."""
        attribute_fields, content_fields = _PLANS.get(type(record)) or _plan_for(type(record))
        attrib: dict[str, str] = {}
        if record.id is not None:
            attrib["id"] = record.id
        for field_name, xml_name in attribute_fields:
            value = getattr(record, field_name)
            if value is not None:
                text = _attribute_text(record, xml_name, value)
                if text is not None:
                    attrib[xml_name] = text
        if record.extra_attributes:
            attrib.update(record.extra_attributes)
        nsmap = record.namespace_declarations or None
        tag = record.qualified_tag()
        if parent is None:
            node = etree.Element(tag, attrib, nsmap=nsmap)
        else:
            node = etree.SubElement(parent, tag, attrib, nsmap=nsmap)
        foreign = sorted(record.foreign, key=lambda item: item[0]) if record.foreign else ()
        cursor = 0  # next foreign item to place
        position = 0  # known children written so far
        for field_name, kind, child_tag in content_fields:
            value = getattr(record, field_name)
            if value is None or value == []:
                continue
            if kind is SpecKind.TEXT:
                node.text = value
                continue
            for item in value if value.__class__ is list else (value,):
                while cursor < len(foreign) and foreign[cursor][0] <= position:
                    _copy_foreign(node, foreign[cursor][1])
                    cursor += 1
                if kind in _CHILD_KINDS:
                    self.write(item, node)
                else:  # REF_LIST, REF_TEXT, TEXT_CHILD
                    etree.SubElement(node, child_tag).text = item
                position += 1
        for _, carried in foreign[cursor:]:  # whatever came after the last known child
            _copy_foreign(node, carried)
        return node


def to_tree(document: BpmnDocument) -> etree._ElementTree:
    """The document as an lxml tree."""
    root = ModelWriter().write(document.definitions, None)
    return etree.ElementTree(root)


def to_bytes(document: BpmnDocument, pretty: bool = True) -> bytes:
    """Serialize the document as UTF-8 BPMN XML with an XML declaration."""
    tree = to_tree(document)
    if pretty:
        etree.indent(tree, space="  ")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=pretty)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file, fsync, rename, fsync the folder.

    The target keeps its permission bits when it already exists. On any failure the
    temporary file is removed and the target is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(temp_name, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temp_name, 0o666 & ~_current_umask())  # as open() would have made it
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows: os.replace is already durable enough; folders cannot be opened
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bpmn(document: BpmnDocument, path: str | os.PathLike[str]) -> None:
    """Save the document as BPMN XML at ``path``, atomically."""
    atomic_write_bytes(path, to_bytes(document))
    document.path = Path(path)
