"""New element ids in bpmn.io's style, unique in the document (core layer, no Qt).

bpmn.io names a new element by its family and seven random base-36 characters
(``Activity_0v3xqsw``, ``Event_1k2n7ab``, ``Flow_0ab12cd``); drawings take the element's
id plus ``_di``. We do the same, so files edited here and there look alike.
"""

from __future__ import annotations

import random
import string

from ..model.document import BpmnDocument

_ALPHABET = string.digits + string.ascii_lowercase
_LENGTH = 7

#: Id prefixes of records that are not palette kinds (those are in :data:`.kinds.TYPES`).
PREFIXES: dict[str, str] = {
    "sequenceFlow": "Flow",
    "messageFlow": "Flow",
    "association": "Association",
    "participant": "Participant",
    "process": "Process",
    "collaboration": "Collaboration",
    "lane": "Lane",
    "laneSet": "LaneSet",
    "dataObject": "DataObject",
    "group": "Group",
}


def drawing_id(element_id: str) -> str:
    """The id of the shape or edge drawing ``element_id``."""
    return f"{element_id}_di"


class IdFactory:
    """Makes ids that no record of the document uses and that were never handed out before.

    Parameters
    ----------
    document
        The document the ids are for.
    rng
        The source of randomness; pass a seeded ``random.Random`` for repeatable ids.
    """

    def __init__(self, document: BpmnDocument, rng: random.Random | None = None) -> None:
        self._document = document
        self._rng = rng or random.Random()
        self._issued: set[str] = set()

    def new(self, prefix: str) -> str:
        """A fresh id ``<prefix>_<7 characters>``, e.g. ``Activity_1a2b3c4``."""
        while True:
            candidate = f"{prefix}_{''.join(self._rng.choices(_ALPHABET, k=_LENGTH))}"
            if not self.is_taken(candidate):
                self._issued.add(candidate)
                return candidate

    def is_taken(self, candidate: str) -> bool:
        """True when ``candidate`` (or its drawing's id) is in use or was handed out."""
        document = self._document
        return any(
            ident in self._issued or ident in document.index or ident in document.foreign_ids
            for ident in (candidate, drawing_id(candidate))
        )
