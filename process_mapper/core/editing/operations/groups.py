"""Groups: creating them and naming them through their category value (core layer, no Qt).

A BPMN group has no name of its own: its label is the ``value`` of the category value
its ``categoryValueRef`` names. bpmn.io and Camunda Modeler write each new group as a
``group`` among the artifacts of the diagram's root (the collaboration when there are
pools, else the process) and give it a ``category`` of its own, appended to the root
elements, holding one ``categoryValue``::

    <bpmn:group id="Group_1dpx6wg" categoryValueRef="CategoryValue_1srow05" />
    <bpmn:category id="Category_08lc9k6">
      <bpmn:categoryValue id="CategoryValue_1srow05" value="Remisshantering" />
    </bpmn:category>

We write them the same way; deleting the last group of a category value removes it
again (:mod:`..behaviours.categories`).
"""

from __future__ import annotations

from ...layout.geometry import label_size
from ...model.di import Bounds, Label, Shape
from ...model.semantic import Category, CategoryValue, Collaboration, Group, Process, SubProcess
from ..builder import EditBuilder
from ..context import EditContext
from ..edit import Edit, EditRefused
from ..geometry import XY, centred
from ..ids import drawing_id
from ..names import reason, say, tag_name

#: bpmn.io's size of a new group.
GROUP_SIZE = (300.0, 300.0)
#: How far below the group's top edge its label starts (where the canvas puts it without DI).
LABEL_INSET = 5.0


def group_label(bounds: Bounds, text: str | None) -> Label | None:
    """A label box for ``text`` centred just inside the top edge of a group (None for no text)."""
    if not text:
        return None
    width, height = label_size(text)
    cx = bounds.x + bounds.width / 2
    return Label(bounds=Bounds(x=float(round(cx - width / 2)), y=bounds.y + LABEL_INSET, width=width, height=height))


def category_value_of(context: EditContext, group: Group) -> CategoryValue | None:
    """The category value a group shows, if its reference resolves to one."""
    value = context.document.resolve(group.category_value_ref)
    return value if isinstance(value, CategoryValue) else None


def new_category_value(context: EditContext, builder: EditBuilder, text: str | None) -> CategoryValue:
    """A category value holding ``text``, in a new category appended to the root elements."""
    value = CategoryValue(id=context.ids.new("CategoryValue"), value=text or None)
    category = Category(id=context.ids.new("Category"), category_values=[value])
    builder.insert(context.document.definitions, "root_elements", category)
    return value


def create_group(context: EditContext, position: XY, name: str | None) -> Edit:
    """Build ``shape.create`` for a group centred on ``position``.

    (1) a category with one category value holding ``name``; (2) the group referring to
    it, among the artifacts of what the diagram shows (collaboration, process, or a
    collapsed sub-process drawn on its own plane); (3) its drawing at bpmn.io's size,
    with a label inside its top edge when it has a name.
    """
    plane = context.plane
    root = context.document.get(plane.bpmn_element)
    if not isinstance(root, (Collaboration, Process, SubProcess)):
        raise EditRefused(reason("no_container", id=plane.bpmn_element or ""))
    builder = context.builder()
    value = new_category_value(context, builder, name)
    group = Group(id=context.ids.new("Group"), category_value_ref=value.id)
    assert group.id is not None
    builder.insert(root, "artifacts", group)
    bounds = centred(position, GROUP_SIZE)
    shape = Shape(id=drawing_id(group.id), bpmn_element=group.id, bounds=bounds, label=group_label(bounds, name))
    builder.insert(plane, "elements", shape)
    return context.finish("shape.create", say("add", type=tag_name("group")), builder)


def rename_group(context: EditContext, builder: EditBuilder, group: Group, name: str | None) -> None:
    """Add the changes that make ``group`` show ``name``.

    The category value it refers to takes the new value; a group without one (files of
    other tools may leave it out) gets a category of its own, as a new group does.
    """
    value = category_value_of(context, group)
    if value is not None:
        builder.set(value, "value", name or None)
    elif name:
        builder.set(group, "category_value_ref", new_category_value(context, builder, name).id)
