"""Canonical text of typed attribute values (core layer, no Qt)."""

from __future__ import annotations

#: Marks, in ``XmlElement.original_text``, an attribute the source left out although the
#: model gives it a default (``<dc:Bounds>`` without ``height``): it stays left out.
ABSENT = "\x00absent"


def format_value(value: object) -> str:
    """Return the XML text of an attribute value: ``true``, ``42``, ``150``, ``12.5``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)
