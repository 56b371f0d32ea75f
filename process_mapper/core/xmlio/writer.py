"""Write the document model as BPMN 2.0 XML with diagram interchange (core layer, no Qt).

The writer mirrors the reader: fields are written in declaration (schema) order, carried
foreign content goes back at the position it was read from, attributes the model does not
type and the namespace declarations of the source are restored. Saving is atomic: the
bytes go to a temporary file in the target folder, are flushed to disk, and only then
replace the target, so an interrupted save never leaves a truncated file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree

from ..model import BpmnDocument, XmlElement
from ..model.base import SpecKind
from .formatting import ABSENT, format_value


def _copy_foreign(parent: etree._Element, node: Any) -> None:
    """Append a copy of carried content under ``parent``, reusing the prefixes in scope."""
    if not isinstance(node.tag, str):  # comment or processing instruction
        clone = etree.Comment(node.text) if isinstance(node, etree._Comment) else etree.PI(node.target, node.text)
        parent.append(clone)
        return
    in_scope = parent.nsmap
    declared = {p: u for p, u in node.nsmap.items() if in_scope.get(p) != u}
    clone = etree.SubElement(parent, node.tag, nsmap=declared or None)
    for name, value in node.items():
        clone.set(name, value)
    clone.text = node.text
    for sub in node:
        _copy_foreign(clone, sub)
        if sub.tail and sub.tail.strip():
            clone[-1].tail = sub.tail


def _set_attribute(target: etree._Element, record: XmlElement, xml_name: str, value: Any) -> None:
    if value is None:
        return
    text = format_value(value)
    original = record.original_text.get(xml_name)
    if original is ABSENT:
        if value == 0:
            return  # still the default the source left out
    elif original is not None and format_value(_reparse(original, value)) == text:
        text = original
    target.set(xml_name, text)


def _reparse(original: str, value: Any) -> Any:
    """The value ``original`` stood for, typed like ``value`` (to see if it still holds)."""
    try:
        if isinstance(value, bool):
            return original.strip() in ("true", "1")
        return type(value)(original)
    except ValueError:
        return None


class ModelWriter:
    """Turns model records back into lxml elements."""

    def write(self, record: XmlElement, parent: etree._Element | None) -> etree._Element:
        """Create the element for ``record`` (under ``parent`` if given) and its subtree."""
        nsmap = record.namespace_declarations or None
        tag = record.qualified_tag()
        node = etree.Element(tag, nsmap=nsmap) if parent is None else etree.SubElement(parent, tag, nsmap=nsmap)
        if record.id is not None:
            node.set("id", record.id)
        for bound in record.xml_fields:
            if bound.spec.kind is SpecKind.ATTRIBUTE:
                _set_attribute(node, record, bound.spec.xml_name, getattr(record, bound.name))
        for name, value in record.extra_attributes.items():
            node.set(name, value)
        foreign = sorted(record.foreign, key=lambda item: item[0]) if record.foreign else []
        position = 0  # known children written so far
        cursor = 0  # next foreign item to place

        def flush(upto: int) -> None:
            nonlocal cursor
            while cursor < len(foreign) and foreign[cursor][0] <= upto:
                _copy_foreign(node, foreign[cursor][1])
                cursor += 1

        for bound in record.xml_fields:
            kind = bound.spec.kind
            value = getattr(record, bound.name)
            if kind is SpecKind.ATTRIBUTE or value is None or value == []:
                continue
            if kind is SpecKind.TEXT:
                node.text = value
                continue
            items = value if isinstance(value, list) else [value]
            for item in items:
                flush(position)
                if kind in (SpecKind.CHILD, SpecKind.CHILDREN, SpecKind.GROUP):
                    self.write(item, node)
                else:  # REF_LIST, REF_TEXT, TEXT_CHILD
                    etree.SubElement(node, bound.tag).text = item
                position += 1
        flush(sys.maxsize)  # whatever came after the last known child
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
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


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
