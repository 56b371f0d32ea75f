"""Declarative meta-model behind every BPMN record (core layer, no Qt).

Each model class is a dataclass whose fields say how they map to XML: an attribute, a typed
child element, a group of child elements (a substitution group such as ``flowElement``), a
list of id references written as element text (``<incoming>``), or the element's own text.
The reader and the writer in :mod:`process_mapper.core.xmlio` are driven by these specs, so
adding a BPMN type is one class here and nothing else.

Whatever the model does not know is *carried*, not dropped: unknown attributes stay in
:attr:`XmlElement.extra_attributes`, unknown child elements (vendor content, parts of BPMN we
do not type) stay as lxml nodes in :attr:`XmlElement.foreign` together with their position
among the known children, and namespace declarations made on an element are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar, dataclass_transform

from .namespaces import clark


class ValueKind(Enum):
    """How an attribute's text becomes a Python value."""

    STR = "str"
    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    REF = "ref"  # the id (or QName) of another element
    REFS = "refs"  # a space-separated list of ids


class SpecKind(Enum):
    """How a field appears in XML."""

    ATTRIBUTE = "attribute"
    CHILD = "child"  # one typed child element with a fixed tag
    CHILDREN = "children"  # many typed child elements with a fixed tag
    GROUP = "group"  # many child elements of any registered subclass of a base class
    REF_LIST = "ref_list"  # many child elements whose text is an id reference
    REF_TEXT = "ref_text"  # one child element whose text is an id reference
    TEXT_CHILD = "text_child"  # one child element holding plain text
    TEXT = "text"  # the element's own text content


@dataclass(frozen=True)
class FieldSpec:
    """XML mapping of one dataclass field; stored in the field's metadata."""

    kind: SpecKind
    xml_name: str = ""  # attribute name or child local name
    namespace: str | None = None  # child namespace; None means the owning class's
    value_kind: ValueKind = ValueKind.STR
    item_class: str | None = None  # class name for CHILD/CHILDREN/GROUP


_SPEC_KEY = "xml"


def attr(xml_name: str, kind: ValueKind = ValueKind.STR, default: Any = None) -> Any:
    """Declare a field stored as the XML attribute ``xml_name``."""
    spec = FieldSpec(SpecKind.ATTRIBUTE, xml_name, value_kind=kind)
    return field(default=default, metadata={_SPEC_KEY: spec})


def child(xml_name: str, item_class: str, namespace: str | None = None) -> Any:
    """Declare a field holding at most one child element of class ``item_class``."""
    spec = FieldSpec(SpecKind.CHILD, xml_name, namespace, item_class=item_class)
    return field(default=None, metadata={_SPEC_KEY: spec})


def children(xml_name: str, item_class: str, namespace: str | None = None) -> Any:
    """Declare a list field of child elements with tag ``xml_name`` and class ``item_class``."""
    spec = FieldSpec(SpecKind.CHILDREN, xml_name, namespace, item_class=item_class)
    return field(default_factory=list, metadata={_SPEC_KEY: spec})


def group(base_class: str) -> Any:
    """Declare a list field taking child elements of any registered subclass of ``base_class``."""
    spec = FieldSpec(SpecKind.GROUP, item_class=base_class)
    return field(default_factory=list, metadata={_SPEC_KEY: spec})


def ref_list(xml_name: str) -> Any:
    """Declare a list of id references, each written as ``<xml_name>id</xml_name>``."""
    return field(default_factory=list, metadata={_SPEC_KEY: FieldSpec(SpecKind.REF_LIST, xml_name)})


def ref_text(xml_name: str) -> Any:
    """Declare one id reference written as the text of a child element."""
    return field(default=None, metadata={_SPEC_KEY: FieldSpec(SpecKind.REF_TEXT, xml_name)})


def text_child(xml_name: str) -> Any:
    """Declare a plain-text child element such as ``<text>`` of a text annotation."""
    return field(default=None, metadata={_SPEC_KEY: FieldSpec(SpecKind.TEXT_CHILD, xml_name)})


def text() -> Any:
    """Declare the element's own text content."""
    return field(default=None, metadata={_SPEC_KEY: FieldSpec(SpecKind.TEXT)})


@dataclass(frozen=True)
class BoundField:
    """A field spec resolved against its class: name, tag and (for children) the class."""

    name: str
    spec: FieldSpec
    tag: str = ""  # Clark tag for child kinds
    item_class: type[XmlElement] | None = None


@dataclass(eq=False, slots=True)
class XmlElement:
    """Root of every model record: an optional id plus whatever XML we carry untouched.

    Records compare by identity; use :func:`process_mapper.core.model.equality.same_content`
    for structural comparison.
    """

    NAMESPACE: ClassVar[str] = ""
    TAG: ClassVar[str] = ""  # local name; empty for abstract classes
    #: Filled by :func:`resolve_specs`: the class's fields with their XML specs, in schema order.
    xml_fields: ClassVar[tuple[BoundField, ...]] = ()
    #: Filled by :func:`resolve_specs`: ``(field name, holds a list)`` of typed-child fields.
    child_fields: ClassVar[tuple[tuple[str, bool], ...]] = ()

    id: str | None = attr("id")
    #: Attributes the model does not type, by Clark name, in document order.
    extra_attributes: dict[str, str] = field(default_factory=dict, repr=False)
    #: Unknown child nodes (lxml elements or comments) with their anchor: the number of
    #: known children that preceded them in the source, so they are written back in place.
    foreign: list[tuple[int, Any]] = field(default_factory=list, repr=False)
    #: Namespace declarations made on this element in the source (prefix -> URI).
    namespace_declarations: dict[str | None, str] = field(default_factory=dict, repr=False)
    #: Attribute texts as the source wrote them where our canonical form differs (``1`` for
    #: ``true``, ``150.0`` for ``150``); the writer reuses them while the value is unchanged.
    original_text: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def qualified_tag(cls) -> str:
        """The Clark-notation tag of this class."""
        return clark(cls.NAMESPACE, cls.TAG)

    @property
    def type_name(self) -> str:
        """The BPMN local name of this element's type, e.g. ``userTask``."""
        return self.TAG

    def iter_children(self) -> Iterator[XmlElement]:
        """Yield the typed child records in schema order (not foreign content)."""
        for name, many in self.child_fields:
            value = getattr(self, name)
            if many:
                yield from value
            elif value is not None:
                yield value

    def iter_tree(self) -> Iterator[XmlElement]:
        """Yield this record and all typed descendants, depth first, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.iter_children())))


#: Registry of concrete classes by Clark tag, and of all classes by name.
CLASS_BY_TAG: dict[str, type[XmlElement]] = {}
CLASS_BY_NAME: dict[str, type[XmlElement]] = {}


@dataclass_transform(eq_default=False, field_specifiers=(field,))
def element(namespace: str, tag: str = "") -> Any:
    """Class decorator: make ``cls`` a model dataclass and register it for ``tag``.

    Abstract classes pass no tag; they are registered by name only so that group
    fields can refer to them.
    """

    def decorate(cls: type) -> type:
        cls = dataclass(eq=False, slots=True)(cls)
        cls.NAMESPACE = namespace
        cls.TAG = tag
        CLASS_BY_NAME[cls.__name__] = cls
        if tag:
            CLASS_BY_TAG[clark(namespace, tag)] = cls
        return cls

    return decorate


def resolve_specs() -> None:
    """Bind every class's field specs to tags and classes (run once, after all imports)."""
    for cls in CLASS_BY_NAME.values():
        bound: list[BoundField] = []
        for f in dataclasses.fields(cls):
            spec = f.metadata.get(_SPEC_KEY)
            if spec is None or f.name == "id":
                continue
            item = CLASS_BY_NAME[spec.item_class] if spec.item_class else None
            tag = ""
            if spec.kind is not SpecKind.ATTRIBUTE and spec.kind is not SpecKind.TEXT and spec.xml_name:
                tag = clark(spec.namespace or cls.NAMESPACE, spec.xml_name)
            bound.append(BoundField(f.name, spec, tag, item))
        cls.xml_fields = tuple(bound)
        cls.child_fields = tuple(
            (b.name, b.spec.kind is not SpecKind.CHILD)
            for b in bound
            if b.spec.kind in (SpecKind.CHILD, SpecKind.CHILDREN, SpecKind.GROUP)
        )


def subclasses_with_tags(base: type[XmlElement]) -> dict[str, type[XmlElement]]:
    """All registered concrete classes deriving from ``base``, by Clark tag."""
    return {tag: cls for tag, cls in CLASS_BY_TAG.items() if issubclass(cls, base)}

