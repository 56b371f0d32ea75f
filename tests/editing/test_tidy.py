"""layout.tidy: auto-layout as one edit; undo gives back the very same diagrams."""

from __future__ import annotations

import shutil

import pytest

from process_mapper.core.model.equality import model_differences
from tests.editing.support import assert_saves_valid, snapshot, triad

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz 'dot'")


@needs_dot
def test_tidy_up_replaces_the_diagrams_and_revert_restores_the_old_di_exactly(editor, referral):
    # given
    old_diagrams = list(referral.definitions.diagrams)
    before = snapshot(referral)
    # when
    edit = editor.tidy_up()
    edit.apply()
    # then
    assert referral.definitions.diagrams[0] is not old_diagrams[0]
    assert edit.kind == "layout.tidy" and edit.name == {"en": "Tidy Up Layout", "sv": "Städa upp layouten"}
    assert_saves_valid(referral)
    # when
    edit.revert()
    # then
    assert referral.definitions.diagrams == old_diagrams
    assert model_differences(before, referral.definitions) == []


@needs_dot
def test_tidy_up_is_reappliable_and_announces_a_reload(editor, referral):
    # given
    heard = []
    editor.signals.diagrams_replaced.connect(heard.append)
    # when
    triad(editor.tidy_up())
    # then
    assert len(heard) == 3
