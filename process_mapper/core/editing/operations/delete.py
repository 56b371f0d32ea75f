"""Deleting elements with every BPMN follow-up as one edit (core layer, no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...model.base import XmlElement
from ..behaviours import (
    attached_flows,
    boundary_events,
    categories,
    dangling_references,
    data_objects,
    default_flow,
    drawings,
    lane_membership,
    pool_content,
)
from ..behaviours.deletion import Deletion
from ..builder import EditBuilder
from ..context import EditContext, refuse_if
from ..edit import Edit
from ..names import element_name, say
from ..rules import check_delete

#: Behaviours that add what must go too, in order: each sees what the previous added.
WIDENING: tuple[Callable[[Deletion], None], ...] = (
    pool_content.widen,
    boundary_events.widen,
    data_objects.widen,
    categories.widen,
    attached_flows.widen,
)
#: Behaviours that repair what stays, in order; the catch-all for references comes
#: before the drawings because it may add data associations, whose edges must go too.
REPAIRING: tuple[Callable[[EditBuilder, Deletion], None], ...] = (
    attached_flows.detach,
    default_flow.unset,
    lane_membership.forget,
    dangling_references.clear,
    drawings.erase,
)


def remove_records(builder: EditBuilder, records: list[XmlElement]) -> Deletion:
    """Add the changes that delete ``records`` and everything that goes with them.

    Returns
    -------
    Deletion
        What goes, for the caller's own follow-ups.
    """
    deletion = Deletion(builder.document, records)
    for widen in WIDENING:
        widen(deletion)
    for repair in REPAIRING:
        repair(builder, deletion)
    for record in deletion.top_level():
        builder.remove_record(record)
    return deletion


def delete(context: EditContext, ids: Iterable[str]) -> Edit:
    """Build ``elements.delete`` for the chosen elements (see :mod:`..behaviours` for what follows)."""
    document = context.document
    chosen = list(dict.fromkeys(ids))
    refuse_if(check_delete(document, chosen))
    records = [record for ident in chosen if (record := document.get(ident)) is not None]
    builder = context.builder()
    remove_records(builder, records)
    one = len(records) == 1
    name = say("delete", type=element_name(records[0])) if one else say("delete_many", count=len(records))
    return context.finish("elements.delete", name, builder)
