"""Auto-layout of BPMN documents with Graphviz ``dot`` (core layer, no Qt).

The pipeline, one module per stage:

- :mod:`.graph` (with :mod:`.containers`) reads the semantics into a layout plan
  (:mod:`.plan`): diagrams, bands, lanes, nodes and connections;
- :mod:`.placement` sizes and places shapes, running ``dot`` through
  :mod:`.graphviz_runner` and stacking pools and lanes with :mod:`.lanes`;
- :mod:`.connections` routes every edge orthogonally (:mod:`.routing`,
  :mod:`.message_routing`, costs in :mod:`.surroundings`) and places edge labels;
- :mod:`.di_emitter` writes the result as BPMN DI records.

:mod:`.engine` holds the public functions: :func:`layout_document` (pure),
:func:`apply_layout` and :func:`auto_layout`.

Example
-------
>>> result = layout_document(document)   # doctest: +SKIP
>>> replaced = apply_layout(document, result)   # doctest: +SKIP
"""

from .engine import LayoutOptions, LayoutResult, apply_layout, auto_layout, layout_document
from .graphviz_runner import GraphvizNotFoundError, LayoutError

__all__ = [
    "GraphvizNotFoundError",
    "LayoutError",
    "LayoutOptions",
    "LayoutResult",
    "apply_layout",
    "auto_layout",
    "layout_document",
]
