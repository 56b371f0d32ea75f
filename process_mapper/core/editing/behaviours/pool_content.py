"""A deleted pool takes its process along, unless another pool shows it (core layer, no Qt)."""

from __future__ import annotations

from ...model.semantic import Participant
from ..lookup import process_of_pool
from .deletion import Deletion


def widen(deletion: Deletion) -> None:
    """Delete the process of every deleted participant that no remaining participant refers to."""
    document = deletion.document
    for record in list(deletion.records):
        if not isinstance(record, Participant):
            continue
        process = process_of_pool(document, record)
        if process is None:
            continue
        others = [
            participant
            for collaboration in document.collaborations
            for participant in collaboration.participants
            if participant is not record
            and not deletion.goes(participant)
            and process_of_pool(document, participant) is process
        ]
        if not others:
            deletion.add(process)
