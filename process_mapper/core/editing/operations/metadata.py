"""The standard library's metadata of the document: title, identifier, version, ... (core layer, no Qt).

The library reads a document's metadata from the ``pm:metadata`` blocks of its
collaborations, then its processes, each field from the first block that states it
(:func:`~process_mapper.core.model.extensions.merged_metadata`). An edit of one field writes it
into every block that states it (files of the library repeat the block on the
collaboration and its process), else into the first block, else into a new block on
what the diagram shows; clearing a field removes it from every block, so that no later
block shows through.
"""

from __future__ import annotations

import copy

from ...model.extensions import metadata, set_metadata_field
from ...model.semantic import BaseElement, Collaboration, Process
from ..context import EditContext, refuse_if
from ..edit import Edit, EditRefused
from ..names import METADATA_NAMES, reason, say
from ..rules import check_metadata


def _new_block_owner(context: EditContext) -> BaseElement:
    """Where a document without metadata gets its block: what the diagram shows, else its first root."""
    document = context.document
    shown = document.get(context.plane.bpmn_element) if document.definitions.diagrams else None
    if isinstance(shown, (Collaboration, Process)):
        return shown
    owner = next(iter([*document.collaborations, *document.processes]), None)
    if owner is None:
        raise EditRefused(reason("no_container", id=""))
    return owner


def set_metadata(context: EditContext, field_name: str, value: str | None) -> Edit:
    """Build ``metadata.set``: one metadata field gets ``value`` (None or blank removes it).

    Raises
    ------
    EditRefused
        For a valid-from date that is no ISO date or a category that is neither
        ``referral`` nor ``certificate``.
    ValueError
        For a name that is no metadata field.
    """
    if field_name not in METADATA_NAMES:
        raise ValueError(f"no metadata field {field_name!r}")
    text = (value or "").strip()
    refuse_if(check_metadata(field_name, text))
    document = context.document
    builder = context.builder()
    carriers = [e for e in (*document.collaborations, *document.processes) if metadata(e) is not None]
    stating = [e for e in carriers if getattr(metadata(e), field_name)]
    targets: list[BaseElement]
    if not text:
        targets = list(stating)
    elif stating:
        targets = [e for e in stating if getattr(metadata(e), field_name) != text]
    else:
        targets = [carriers[0] if carriers else _new_block_owner(context)]
    for element in targets:
        carrier = BaseElement(extension_elements=copy.deepcopy(element.extension_elements))
        set_metadata_field(carrier, field_name, text or None)  # on a copy: the tree changes only through the edit
        builder.set(element, "extension_elements", carrier.extension_elements)
    name = say("set_metadata" if text else "remove_metadata", field=METADATA_NAMES[field_name])
    return context.finish("metadata.set", name, builder)

