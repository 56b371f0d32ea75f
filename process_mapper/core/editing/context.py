"""What every operation needs: the document, new ids, the diagram drawn in (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.di import Plane
from ..model.document import BpmnDocument
from ..model.issues import Issue
from .builder import EditBuilder
from .changes import ElementChanges
from .edit import Edit, EditRefused
from .ids import IdFactory
from .lookup import plane_of
from .names import Sentence, reason
from .rules import Refusal


@dataclass
class EditContext:
    """The state an operation builds an edit from.

    Attributes
    ----------
    document
        The document edited.
    ids
        Makes new element ids.
    notify
        Receives what each edit changed, after apply and revert.
    diagram_index
        The diagram new drawings go into (the one the user sees).
    """

    document: BpmnDocument
    ids: IdFactory
    notify: Callable[[ElementChanges], None]
    diagram_index: int = 0

    @property
    def plane(self) -> Plane:
        """The plane new drawings go into.

        Raises
        ------
        EditRefused
            When the document has no diagram.
        """
        plane = plane_of(self.document, self.diagram_index)
        if plane is None:
            raise EditRefused(reason("no_diagram"))
        return plane

    def builder(self) -> EditBuilder:
        """An empty builder for the next edit."""
        return EditBuilder(self.document)

    def finish(self, kind: str, name: Sentence, builder: EditBuilder, notes: list[Issue] | None = None) -> Edit:
        """The edit made of what ``builder`` collected (not applied yet)."""
        return Edit(kind, name, builder.changes, self.document, self.notify, notes or ())


def refuse_if(refusal: Refusal | None) -> None:
    """Raise :class:`EditRefused` with the refusal's reason, if there is a refusal."""
    if refusal is not None:
        raise EditRefused(refusal.reason)
