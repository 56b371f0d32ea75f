"""Structural comparison of two model trees (core layer, no Qt).

Records compare by identity (``XmlElement`` sets ``eq=False``), so proving that a
write-then-read, or an undo, gave back the same model needs a walk that
compares what the records *say*: their class, id, every field declared with an XML spec,
the attributes and child elements they carry untouched, and the same for every typed
child, in order. The bookkeeping of how the source spelt things (``original_text``) and
where namespaces were declared is left out: it is serialisation detail, not content.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .base import SpecKind, XmlElement

_CHILD_KINDS = (SpecKind.CHILD, SpecKind.CHILDREN, SpecKind.GROUP)


def _label(record: XmlElement) -> str:
    return f"{type(record).__name__}[{record.id}]" if record.id else type(record).__name__


def _carried(node: Any) -> str:
    """A comparable text of one carried node (element, comment or processing instruction).

    Whitespace-only text is ignored, as pretty-printing adds and moves it.
    """
    if not isinstance(node.tag, str):
        return etree.tostring(node, encoding="unicode", with_tail=False)
    copy = etree.fromstring(etree.tostring(node, with_tail=False))
    for sub in copy.iter():
        if sub.text is not None and not sub.text.strip():
            sub.text = None
        if sub.tail is not None and not sub.tail.strip():
            sub.tail = None
    return etree.tostring(copy, method="c14n", with_comments=True, exclusive=True).decode()


def model_differences(a: XmlElement, b: XmlElement, *, carried: bool = True, limit: int = 50) -> list[str]:
    """Describe how record tree ``b`` differs from ``a``; empty when they say the same.

    Parameters
    ----------
    a, b
        The roots to compare (usually two ``Definitions``).
    carried
        Also compare carried content: ``extra_attributes`` and ``foreign`` nodes.
    limit
        Stop after this many differences.
    """
    found: list[str] = []
    _compare(a, b, "/" + _label(a), found, carried, limit)
    return found


def same_content(a: XmlElement, b: XmlElement, *, carried: bool = True) -> bool:
    """True when the two record trees say the same (see :func:`model_differences`)."""
    return not model_differences(a, b, carried=carried, limit=1)


def _compare(a: XmlElement, b: XmlElement, path: str, found: list[str], carried: bool, limit: int) -> None:
    if len(found) >= limit:
        return
    if type(a) is not type(b):
        found.append(f"{path}: {type(a).__name__} became {type(b).__name__}")
        return
    if a.id != b.id:
        found.append(f"{path}: id {a.id!r} became {b.id!r}")
    for bound in type(a).xml_fields:
        x, y = getattr(a, bound.name), getattr(b, bound.name)
        where = f"{path}.{bound.name}"
        if bound.spec.kind not in _CHILD_KINDS:
            if x != y:
                found.append(f"{where}: {x!r} became {y!r}")
        elif bound.spec.kind is SpecKind.CHILD:
            if (x is None) != (y is None):
                found.append(f"{where}: {x!r} became {y!r}")
            elif x is not None:
                _compare(x, y, f"{where}/{_label(x)}", found, carried, limit)
        else:
            if len(x) != len(y):
                found.append(f"{where}: {len(x)} items became {len(y)}: {[_label(r) for r in y]}")
                continue
            for item_a, item_b in zip(x, y, strict=True):
                _compare(item_a, item_b, f"{where}/{_label(item_a)}", found, carried, limit)
    if carried:
        if list(a.extra_attributes.items()) != list(b.extra_attributes.items()):
            found.append(f"{path}: carried attributes {a.extra_attributes} became {b.extra_attributes}")
        foreign_a = [(anchor, _carried(node)) for anchor, node in a.foreign]
        foreign_b = [(anchor, _carried(node)) for anchor, node in b.foreign]
        if foreign_a != foreign_b:
            found.append(f"{path}: carried content {foreign_a} became {foreign_b}")
