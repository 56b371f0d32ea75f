"""A group's category value goes with its last group, a category with its last value (core layer, no Qt).

Creating a group creates its category and category value, as bpmn.io does; this keeps
the pair symmetric, so deleting what one created leaves no orphan behind. A category
value another group still shows stays.
"""

from __future__ import annotations

from ...model.semantic import Category, CategoryValue, Group
from .deletion import Deletion


def widen(deletion: Deletion) -> None:
    """Delete category values that only deleted groups refer to, and categories left without values."""
    document = deletion.document
    groups = [record for record in document.definitions.iter_tree() if isinstance(record, Group)]
    for group in groups:
        if not deletion.goes(group):
            continue
        value = document.resolve(group.category_value_ref)
        if not isinstance(value, CategoryValue) or deletion.goes(value):
            continue
        if all(deletion.goes(other) for other in groups if document.resolve(other.category_value_ref) is value):
            category = document.parent_of(value)
            empties = isinstance(category, Category) and all(
                v is value or deletion.goes(v) for v in category.category_values
            )
            deletion.add(category if empties and category is not None else value)
