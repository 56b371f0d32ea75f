"""Tidy up: auto-layout as one undoable edit (core layer, no Qt)."""

from __future__ import annotations

from typing import Any

from ...layout import GraphvizNotFoundError, LayoutError, LayoutOptions, LayoutResult, apply_layout, layout_document
from ...model.di import Diagram
from ...model.document import BpmnDocument
from ..changes import Change, ElementChanges, anchored_foreign, element_ids
from ..context import EditContext
from ..edit import Edit, EditRefused
from ..names import reason, say


class InstallLayout(Change):
    """Swap in the diagrams of a layout result; revert puts the very same old diagrams back."""

    def __init__(self, document: BpmnDocument, result: LayoutResult) -> None:
        self.document = document
        self.result = result
        self._replaced: list[Diagram] = []
        self._declarations: dict[str | None, str] = {}
        self._foreign: list[tuple[int, Any]] = []

    def apply(self) -> None:
        definitions = self.document.definitions
        self._declarations = dict(definitions.namespace_declarations)
        self._foreign = definitions.foreign
        counts = (len(definitions.diagrams), len(self.result.diagrams))
        definitions.foreign = anchored_foreign(definitions, "diagrams", 0, *counts)
        self._replaced = apply_layout(self.document, self.result)

    def revert(self) -> None:
        definitions = self.document.definitions
        definitions.diagrams = list(self._replaced)
        definitions.namespace_declarations = self._declarations
        definitions.foreign = self._foreign

    def effect(self) -> ElementChanges:
        drawn = set().union(*(element_ids(d) for d in [*self._replaced, *self.result.diagrams]))
        return ElementChanges(changed=drawn, diagrams_replaced=True)


def tidy_up(context: EditContext, options: LayoutOptions | None) -> Edit:
    """Build ``layout.tidy``: lay the document out with Graphviz; its warnings become the edit's notes.

    Raises
    ------
    EditRefused
        When Graphviz is missing or fails.
    """
    try:
        result = layout_document(context.document, options)
    except GraphvizNotFoundError as error:
        raise EditRefused(reason("no_graphviz")) from error
    except LayoutError as error:
        raise EditRefused(reason("layout_failed", text=str(error))) from error
    builder = context.builder()
    builder.add(InstallLayout(context.document, result))
    return context.finish("layout.tidy", say("tidy"), builder, notes=result.warnings)
