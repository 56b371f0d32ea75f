"""Property: random edits through the tab's undo stack undo back to the original, and the canvas keeps up.

The same random operations as the core's property test (tests/editing/test_random_edits.py),
but each applied as the GUI applies it, one command on the tab's ``QUndoStack`` through
``session.perform``. After the edits, after undoing everything and after redoing everything,
the canvas must draw exactly what a fresh import of the model draws; undo must give back the
original model field for field, redo the edited one, and a save must reopen as the edited model.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from process_mapper.core.model.equality import model_differences
from process_mapper.core.xmlio import read_bpmn_bytes, to_bytes
from process_mapper.gui.document_tab import DocumentTab
from tests.editing.support import FIXTURES, snapshot
from tests.editing.test_random_edits import STEPS, _operations, _source

from .editing_helpers import drawn_views, imported_views


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_edits_on_the_undo_stack_undo_redo_and_draw_exactly(qtbot: QtBot, data: st.DataObject) -> None:
    # given the referral fixture open in a tab
    document = read_bpmn_bytes(_source(FIXTURES / "referral.bpmn"))
    original = snapshot(document)
    tab = DocumentTab(document, None, False, rng=random.Random(data.draw(st.integers(0, 2**16))))
    qtbot.addWidget(tab)
    operations = _operations(document, tab.session.editor, data)
    stack = tab.session.undo_stack
    # when random edits are performed as commands
    for _ in range(data.draw(st.integers(1, STEPS))):
        build = operations[data.draw(st.sampled_from(sorted(operations)))]
        tab.session.perform(lambda _editor, build=build: build())  # a refusal is a fine outcome
    edited = snapshot(document)
    # then the canvas shows the model, and a save reopens as it
    assert drawn_views(tab) == imported_views(tab)
    assert model_differences(edited, read_bpmn_bytes(to_bytes(document)).definitions) == []
    # when everything is undone
    while stack.canUndo():
        stack.undo()
    # then the original is back, drawn as a fresh import draws it
    assert model_differences(original, document.definitions) == []
    assert drawn_views(tab) == imported_views(tab)
    # and redoing everything gives the edited model again
    while stack.canRedo():
        stack.redo()
    assert model_differences(edited, document.definitions) == []
    assert drawn_views(tab) == imported_views(tab)
    stack.setClean()
