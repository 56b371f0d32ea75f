"""Behaviours: the BPMN follow-ups of an edit, one small module each (core layer, no Qt).

A behaviour never changes the tree. It reads the document and adds changes to the
:class:`~process_mapper.core.editing.builder.EditBuilder` of the edit being built, so
that the follow-ups are children of the same undo step (style guide, principle 7).

Deleting runs in two phases over a :class:`~.deletion.Deletion`:

1. *widening* adds what must go too: :mod:`.pool_content` (a pool's process),
   :mod:`.boundary_events` (events attached to a deleted activity), :mod:`.data_objects`
   (a data object whose last reference goes), :mod:`.categories` (a group's category
   value and category when their last group goes), :mod:`.attached_flows` (flows and
   associations of anything deleted);
2. *repairing* fixes what stays: :mod:`.attached_flows` (``incoming``/``outgoing``),
   :mod:`.default_flow` (a gateway's ``default``), :mod:`.lane_membership`
   (``flowNodeRef``), :mod:`.dangling_references` (any other reference), and
   :mod:`.drawings` (shapes, edges and their labels).

Moving uses :mod:`.moving_along` (what a shape carries with it) and :mod:`.shifting`
(labels and connections follow their shapes); creating and moving use
:mod:`.lane_membership`.
"""
