"""Process Mapper's own BPMN extensions: step properties and process metadata (no Qt).

Both live inside ``bpmn:extensionElements`` in our namespace (:data:`PM`), so other tools
keep them untouched::

    <bpmn:userTask id="A_T01" name="Ankomstregistrera remiss">
      <bpmn:extensionElements>
        <pm:properties>
          <pm:property name="system" value="e-remiss"/>
          <pm:property name="medium" value="electronic"/>
        </pm:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>

    <bpmn:process id="STD-REM-IN">
      <bpmn:extensionElements>
        <pm:metadata identifier="STD-REM-IN" version="1.0" validFrom="2026-01-01"
                     owner="..." category="referral">
          <pm:title>Inkommande remiss, handläggning</pm:title>
          <pm:description>...</pm:description>
        </pm:metadata>
      </bpmn:extensionElements>
    </bpmn:process>

Files drawn in other tools often state the same facts in documentation text instead
(``system: Webcert; medium: paper``); :func:`documented_properties` reads that convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from lxml import etree

from .namespaces import PM, clark
from .semantic import BaseElement, ExtensionElements

if TYPE_CHECKING:
    from .document import BpmnDocument

_PROPERTIES = clark(PM, "properties")
_PROPERTY = clark(PM, "property")
_METADATA = clark(PM, "metadata")
_NSMAP = {"pm": PM}

#: Keys of the ``key: value`` convention in documentation that the diff understands.
DOCUMENTED_KEYS = ("system", "medium", "deadline", "role")
_DOCUMENTED = re.compile(r"(?im)(?:^|[;\n])\s*(" + "|".join(DOCUMENTED_KEYS) + r")\s*:\s*([^;\n]+)")


def _extension_nodes(element: BaseElement) -> list[etree._Element]:
    extensions = element.extension_elements
    if extensions is None:
        return []
    return [node for _, node in extensions.foreign if isinstance(node.tag, str)]


def _ensure_extensions(element: BaseElement) -> ExtensionElements:
    if element.extension_elements is None:
        element.extension_elements = ExtensionElements()
    return element.extension_elements


def properties(element: BaseElement) -> dict[str, str]:
    """Our key-value properties of ``element`` (empty when it has none)."""
    result: dict[str, str] = {}
    for node in _extension_nodes(element):
        if node.tag == _PROPERTIES:
            for prop in node.iterchildren(_PROPERTY):
                name = prop.get("name")
                if name:
                    result[name] = prop.get("value", "")
    return result


def set_property(element: BaseElement, name: str, value: str | None) -> None:
    """Set (or, with ``value=None``, remove) one property, keeping all other extensions."""
    container = next((n for n in _extension_nodes(element) if n.tag == _PROPERTIES), None)
    if container is None:
        if value is None:
            return
        container = etree.Element(_PROPERTIES, nsmap=_NSMAP)
        _ensure_extensions(element).foreign.append((0, container))
    existing = next((p for p in container.iterchildren(_PROPERTY) if p.get("name") == name), None)
    if value is None:
        if existing is not None:
            container.remove(existing)
        if len(container) == 0:
            _remove_node(element, container)
        return
    if existing is None:
        existing = etree.SubElement(container, _PROPERTY)
        existing.set("name", name)
    existing.set("value", value)


def _remove_node(element: BaseElement, node: etree._Element) -> None:
    extensions = element.extension_elements
    assert extensions is not None
    extensions.foreign = [(anchor, n) for anchor, n in extensions.foreign if n is not node]
    if not extensions.foreign and not extensions.extra_attributes:
        element.extension_elements = None


def documented_properties(element: BaseElement) -> dict[str, str]:
    """``system: …; medium: …`` pairs written in the element's documentation text."""
    result: dict[str, str] = {}
    for documentation in element.documentation:
        for key, value in _DOCUMENTED.findall(documentation.text or ""):
            result.setdefault(key.lower(), value.strip())
    return result


def step_properties(element: BaseElement) -> dict[str, str]:
    """Properties from both sources; our extension wins over documentation text."""
    return {**documented_properties(element), **properties(element)}


@dataclass
class ProcessMetadata:
    """What the standard library shows about a process."""

    identifier: str = ""
    title: str = ""
    version: str = ""
    valid_from: str = ""  # ISO date
    owner: str = ""
    category: str = ""  # "referral" or "certificate"
    description: str = ""


_METADATA_ATTRIBUTES = {
    "identifier": "identifier", "version": "version", "valid_from": "validFrom",
    "owner": "owner", "category": "category",
}
_METADATA_TEXTS = {"title": clark(PM, "title"), "description": clark(PM, "description")}


def metadata(element: BaseElement) -> ProcessMetadata | None:
    """The metadata block of a process or collaboration, if it has one."""
    node = next((n for n in _extension_nodes(element) if n.tag == _METADATA), None)
    if node is None:
        return None
    values = {name: node.get(xml, "") for name, xml in _METADATA_ATTRIBUTES.items()}
    for name, tag in _METADATA_TEXTS.items():
        child = node.find(tag)
        values[name] = (child.text or "").strip() if child is not None else ""
    return ProcessMetadata(**values)


def merged_metadata(document: BpmnDocument) -> tuple[ProcessMetadata, bool]:
    """The metadata of a document, merged from all its blocks, without fallbacks.

    Each field is taken from the first block that states it: the collaborations' blocks
    first, then the processes'.

    Returns
    -------
    tuple of (ProcessMetadata, bool)
        The metadata (empty fields where no block states them), and whether the document
        has any metadata block.
    """
    blocks = [block for element in (*document.collaborations, *document.processes)
              if (block := metadata(element)) is not None]
    values = {f.name: next((value for block in blocks if (value := getattr(block, f.name))), "")
              for f in fields(ProcessMetadata)}
    return ProcessMetadata(**values), bool(blocks)


def set_metadata_field(element: BaseElement, name: str, value: str | None) -> None:
    """Set (or, with ``value=None``, remove) one field of the metadata block, keeping the others.

    ``name`` is a field of :class:`ProcessMetadata`. A block is created when there is
    none, and removed when its last field goes; other extensions stay as they are.
    """
    node = next((n for n in _extension_nodes(element) if n.tag == _METADATA), None)
    if node is None:
        if not value:
            return
        node = etree.Element(_METADATA, nsmap=_NSMAP)
        _ensure_extensions(element).foreign.append((0, node))
    if name in _METADATA_ATTRIBUTES:
        attribute = _METADATA_ATTRIBUTES[name]
        if value:
            node.set(attribute, value)
        elif attribute in node.attrib:
            del node.attrib[attribute]
    else:
        tag = _METADATA_TEXTS[name]
        child = node.find(tag)
        if value:
            if child is None:
                earlier = list(_METADATA_TEXTS.values())[: list(_METADATA_TEXTS).index(name)]
                child = etree.Element(tag)
                node.insert(sum(node.find(t) is not None for t in earlier), child)
            child.text = value
        elif child is not None:
            node.remove(child)
    if not node.attrib and len(node) == 0:
        _remove_node(element, node)


def set_metadata(element: BaseElement, data: ProcessMetadata) -> None:
    """Write (replace) the metadata block of a process or collaboration."""
    old = next((n for n in _extension_nodes(element) if n.tag == _METADATA), None)
    if old is not None:
        _remove_node(element, old)
    node = etree.Element(_METADATA, nsmap=_NSMAP)
    for name, xml in _METADATA_ATTRIBUTES.items():
        value = getattr(data, name)
        if value:
            node.set(xml, value)
    for name, tag in _METADATA_TEXTS.items():
        value = getattr(data, name)
        if value:
            etree.SubElement(node, tag).text = value
    _ensure_extensions(element).foreign.append((0, node))


__all__ = [
    "DOCUMENTED_KEYS",
    "ProcessMetadata",
    "documented_properties",
    "merged_metadata",
    "metadata",
    "properties",
    "set_metadata",
    "set_metadata_field",
    "set_property",
    "step_properties",
]
