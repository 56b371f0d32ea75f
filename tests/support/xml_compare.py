"""Semantic comparison of two XML trees, to prove a round-trip lost nothing.

Two trees are the same when, element by element (matched by namespace URI and local
name, never by prefix), they have the same attributes, the same non-blank text, the same
namespace declarations in scope and the same children. Children of one tag must keep
their relative order; the order *between* different tags may change, because the writer
puts known elements into schema order.
"""

from __future__ import annotations

from itertools import groupby

from lxml import etree


def _children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str)]


def _text(value: str | None) -> str:
    return (value or "").strip()


def _label(node: etree._Element) -> str:
    ident = node.get("id")
    local = etree.QName(node).localname
    return f"{local}[@id='{ident}']" if ident else local


def differences(a: etree._Element, b: etree._Element, path: str = "", limit: int = 20) -> list[str]:
    """Describe how ``b`` differs from ``a`` (empty when they are the same)."""
    found: list[str] = []
    _compare(a, b, path or "/" + _label(a), found, limit)
    return found


def _compare(a: etree._Element, b: etree._Element, path: str, found: list[str], limit: int) -> None:
    if len(found) >= limit:
        return
    if a.tag != b.tag:
        found.append(f"{path}: tag {a.tag} became {b.tag}")
        return
    if dict(a.attrib) != dict(b.attrib):
        lost = {k: v for k, v in a.attrib.items() if b.get(k) != v}
        added = {k: v for k, v in b.attrib.items() if a.get(k) is None}
        found.append(f"{path}: attributes lost/changed {lost}, added {added}")
    if _text(a.text) != _text(b.text):
        found.append(f"{path}: text {a.text!r} became {b.text!r}")
    if _text(a.tail) != _text(b.tail):
        found.append(f"{path}: tail {a.tail!r} became {b.tail!r}")
    # The reader percent-encodes spaces in namespace URIs so that the output is well-formed.
    missing_ns = {p: u for p, u in a.nsmap.items() if b.nsmap.get(p) != u.replace(" ", "%20")}
    if missing_ns:
        found.append(f"{path}: namespace declarations lost {missing_ns}")
    a_comments = [_text(c.text) for c in a if isinstance(c, etree._Comment)]
    b_comments = [_text(c.text) for c in b if isinstance(c, etree._Comment)]
    if a_comments != b_comments:
        found.append(f"{path}: comments {a_comments} became {b_comments}")
    a_groups = {tag: list(g) for tag, g in groupby(sorted(_children(a), key=lambda c: c.tag), key=lambda c: c.tag)}
    b_groups = {tag: list(g) for tag, g in groupby(sorted(_children(b), key=lambda c: c.tag), key=lambda c: c.tag)}
    for tag in sorted(set(a_groups) | set(b_groups)):
        a_list, b_list = a_groups.get(tag, []), b_groups.get(tag, [])
        if len(a_list) != len(b_list):
            found.append(f"{path}: {len(a_list)} <{tag}> became {len(b_list)}")
            continue
        for x, y in zip(a_list, b_list, strict=True):
            _compare(x, y, f"{path}/{_label(x)}", found, limit)
