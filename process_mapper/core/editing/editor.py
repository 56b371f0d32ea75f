"""The editing facade: intent-level operations over one document (core layer, no Qt).

Every method checks the rules, then *builds* an :class:`~.edit.Edit` and returns it
unapplied; the caller applies it (the Qt layer pushes it on a ``QUndoStack``, whose
first ``redo`` applies it). Listeners hear about every apply and revert through
:attr:`DocumentEditor.signals`.

Example
-------
::

    editor = DocumentEditor(BpmnDocument.new())
    edit = editor.create_shape("userTask", "Process_1", (200, 120), "Granska remiss")
    edit.name["sv"]    # 'Lägg till användaraktivitet'
    edit.apply()       # do (QUndoStack.push calls redo, which applies)
    edit.revert()      # undo
    edit.apply()       # redo
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from ..layout import LayoutOptions
from ..model.document import BpmnDocument
from .context import EditContext
from .edit import Edit
from .geometry import XY
from .ids import IdFactory
from .kinds import ShapeKind
from .operations import (
    clipboard,
    connect,
    create,
    delete,
    groups,
    lanes,
    metadata,
    move,
    paste,
    properties,
    retype,
    tidy,
)
from .operations.clipboard import Clipboard
from .signals import EditorSignals


def _kind(kind: ShapeKind | str) -> ShapeKind:
    return kind if isinstance(kind, ShapeKind) else ShapeKind.parse(kind)


class DocumentEditor:
    """Builds undoable edits of one document.

    Parameters
    ----------
    document
        The document to edit.
    rng
        Randomness for new ids; a seeded ``random.Random`` makes them repeatable.
    diagram_index
        The diagram new drawings go into (the one on screen); settable later.

    Raises
    ------
    EditRefused
        From every operation the rules do not allow, with a bilingual reason.
    """

    def __init__(self, document: BpmnDocument, rng: random.Random | None = None, diagram_index: int = 0) -> None:
        self.document = document
        self.signals = EditorSignals()
        self._context = EditContext(document, IdFactory(document, rng), self.signals.announce, diagram_index)

    @property
    def diagram_index(self) -> int:
        return self._context.diagram_index

    @diagram_index.setter
    def diagram_index(self, index: int) -> None:
        self._context.diagram_index = index

    # --- creating and connecting -------------------------------------------------------------

    def create_shape(
        self,
        kind: ShapeKind | str,
        container_id: str,
        position: XY,
        name: str | None = None,
        *,
        duration: str | None = None,
    ) -> Edit:
        """``shape.create``: a flow node, data reference or annotation centred on ``position``.

        ``kind`` is a :class:`ShapeKind` or its text (``userTask``, ``startEvent:timer``,
        ``subProcess:expanded``); ``container_id`` a process, sub-process or pool;
        ``duration`` an ISO 8601 duration for a timer.
        """
        return create.create_shape(self._context, _kind(kind), container_id, position, name, duration)

    def create_pool(self, position: XY, name: str | None = None) -> Edit:
        """``shape.create``: a pool with its process (the collaboration comes when needed)."""
        return create.create_pool(self._context, position, name)

    def create_group(self, position: XY, name: str | None = None) -> Edit:
        """``shape.create``: a group centred on ``position``, named by a category value of its own."""
        return groups.create_group(self._context, position, name)

    def connect(self, source_id: str, target_id: str, name: str | None = None) -> Edit:
        """``connection.create``: the sequence flow, message flow or association the rules choose."""
        return connect.connect(self._context, source_id, target_id, name)

    # --- deleting, moving, resizing ----------------------------------------------------------

    def delete(self, ids: Iterable[str]) -> Edit:
        """``elements.delete``: the elements with their flows, boundary events, lane refs and drawings."""
        return delete.delete(self._context, ids)

    def move(self, ids: Iterable[str], delta: XY) -> Edit:
        """``shape.move``: shapes by ``(dx, dy)``; what they carry, edges and lanes follow."""
        return move.move(self._context, ids, delta)

    def resize(self, element_id: str, bounds: tuple[float, float, float, float]) -> Edit:
        """``shape.resize``: an activity, annotation, group, pool or lane to ``(x, y, width, height)``."""
        return move.resize(self._context, element_id, bounds)

    # --- changing --------------------------------------------------------------------------

    def rename(self, element_id: str, name: str | None) -> Edit:
        """``element.rename`` (a text annotation's text, a group's category value; None or '' clears the name)."""
        return properties.rename(self._context, element_id, name)

    def change_type(self, element_id: str, kind: ShapeKind | str, *, duration: str | None = None) -> Edit:
        """``element.change_type``: same id, flows and drawing; a new type or event trigger."""
        return retype.change_type(self._context, element_id, _kind(kind), duration)

    def set_property(self, element_id: str, key: str, value: str | None) -> Edit:
        """``property.set``: one of our properties (None removes it)."""
        return properties.set_step_property(self._context, element_id, key, value)

    def set_documentation(self, element_id: str, text: str | None) -> Edit:
        """``documentation.set``: the first documentation entry (None removes it)."""
        return properties.set_documentation(self._context, element_id, text)

    def set_deadline(self, activity_id: str, duration: str | None) -> Edit:
        """``deadline.set``: the activity's timer boundary event with an ISO 8601 duration (None removes it)."""
        return properties.set_deadline(self._context, activity_id, duration)

    def set_metadata(self, field_name: str, value: str | None) -> Edit:
        """``metadata.set``: one field of the library's metadata (``title``, ``valid_from``, ...; None removes it)."""
        return metadata.set_metadata(self._context, field_name, value)

    # --- lanes -----------------------------------------------------------------------------

    def add_lane(self, container_id: str, index: int | None = None, name: str | None = None) -> Edit:
        """``lane.add``: a lane in a pool or (nested) in a lane, at ``index`` (None: last)."""
        return lanes.add_lane(self._context, container_id, index, name)

    def remove_lane(self, lane_id: str) -> Edit:
        """``lane.remove``: the neighbour lane takes its band and its nodes."""
        return lanes.remove_lane(self._context, lane_id)

    def move_lane(self, lane_id: str, index: int) -> Edit:
        """``lane.move``: the lane to position ``index`` among its siblings, content along."""
        return lanes.move_lane(self._context, lane_id, index)

    # --- clipboard and layout ------------------------------------------------------------------

    def copy(self, ids: Iterable[str]) -> Clipboard:
        """A detached copy of the elements (not an edit: the document does not change)."""
        return clipboard.copy_elements(self.document, ids)

    def paste(self, copied: Clipboard, container_id: str, offset: XY = (0.0, 0.0)) -> Edit:
        """``elements.paste``: the clipboard's elements with fresh ids, moved by ``offset``."""
        return paste.paste(self._context, copied, container_id, offset)

    def tidy_up(self, options: LayoutOptions | None = None) -> Edit:
        """``layout.tidy``: auto-layout with Graphviz; the layout warnings are the edit's notes."""
        return tidy.tidy_up(self._context, options)
