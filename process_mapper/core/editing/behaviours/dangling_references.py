"""The last line of defence: no reference may point at a deleted element (core layer, no Qt).

The specific behaviours run first and say what they do; this one catches whatever is
left, such as a compensation's ``activityRef`` or a link's ``target``. A data
association that loses its source or target has no meaning left and goes too.
"""

from __future__ import annotations

from ...model.references import reference_fields
from ...model.semantic import DataAssociation
from ..builder import EditBuilder
from ..lookup import plain_id
from .deletion import Deletion


def clear(builder: EditBuilder, deletion: Deletion) -> None:
    """Remove references to deleted elements from the semantic records that stay."""
    gone, document = deletion.ids, deletion.document
    for root in document.definitions.root_elements:
        if deletion.goes(root):
            continue
        for record in root.iter_tree():
            fields = reference_fields(type(record))
            if not fields or deletion.goes(record):
                continue
            if isinstance(record, DataAssociation) and (record.target_ref in gone or set(record.source_refs) & gone):
                deletion.add(record)
                continue
            for field_name, _ in fields:
                value = getattr(record, field_name)
                if isinstance(value, list):
                    for ref in value:
                        if plain_id(document, ref) in gone:
                            builder.remove(record, field_name, ref)
                elif plain_id(document, value) in gone:
                    builder.set(record, field_name, None)
