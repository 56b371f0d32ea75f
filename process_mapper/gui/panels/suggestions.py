"""Known systems and media to suggest for a step (gui layer).

The thesaurus file ``systems.txt`` lists the systems and media the diff knows, a line per
concept (``papper = pappersform = paper``), media under a ``--- Media ---`` heading. The
properties panel suggests the first name of each line as it is written there, together
with the values the open document already uses, so a process owner picks a name the diff
recognises instead of inventing a spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...core.model import BpmnDocument
from ...core.model.extensions import step_properties
from ...core.resources import resource_path

SYSTEMS_FILE = ("thesaurus", "systems.txt")
_HEADING = "# ---"
_MEDIA_HEADING = "media"


@dataclass(frozen=True)
class KnownNames:
    """Names to suggest: systems and media, each in the order first met."""

    systems: tuple[str, ...]
    media: tuple[str, ...]


def parse_known_names(text: str) -> KnownNames:
    """The first name of every synonym line and every abbreviation of a thesaurus text.

    Parameters
    ----------
    text
        A thesaurus file in the format of ``resources/thesaurus/README.md``; lines after a
        ``# --- Media ---`` heading are media, the others systems.
    """
    systems: list[str] = []
    media: list[str] = []
    in_media = False
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff")
        if line.startswith(_HEADING):
            in_media = _MEDIA_HEADING in line.lower()
            continue
        if not line or line.startswith("#"):
            continue
        if "=" in line:
            name = line.split("=", 1)[0].strip()
        elif ":" in line:
            name = line.split(":", 1)[0].strip()
        else:
            continue
        (media if in_media else systems).append(name)
    return KnownNames(tuple(dict.fromkeys(systems)), tuple(dict.fromkeys(media)))


@cache
def shipped_names() -> KnownNames:
    """The names in the shipped ``systems.txt`` (nothing when it cannot be read)."""
    try:
        return parse_known_names(resource_path(*SYSTEMS_FILE).read_text(encoding="utf-8-sig"))
    except OSError:
        return KnownNames((), ())


def suggestions(document: BpmnDocument, key: str) -> list[str]:
    """What to offer for ``key`` (``system`` or ``medium``): the document's values, then the known names.

    Parameters
    ----------
    document
        The open document; the values its steps use come first, most used first.
    key
        ``system`` or ``medium``.
    """
    counts: dict[str, int] = {}
    for node in document.flow_nodes():
        value = step_properties(node).get(key)
        if value:
            counts[value] = counts.get(value, 0) + 1
    used = sorted(counts, key=lambda value: (-counts[value], value.casefold()))
    known = shipped_names().media if key == "medium" else shipped_names().systems
    seen = {value.casefold() for value in used}
    return used + [name for name in known if name.casefold() not in seen]
