"""Notifications: listeners hear what each apply and revert changed, by element id."""

from __future__ import annotations

from process_mapper.core.editing import Signal


def _listen(editor) -> list[tuple[str, tuple[str, ...]]]:
    heard: list[tuple[str, tuple[str, ...]]] = []
    editor.signals.element_added.connect(lambda ids: heard.append(("added", ids)))
    editor.signals.element_removed.connect(lambda ids: heard.append(("removed", ids)))
    editor.signals.element_changed.connect(lambda ids: heard.append(("changed", ids)))
    return heard


def test_creating_announces_the_new_element_and_undo_its_removal(editor, referral):
    # given
    heard = _listen(editor)
    edit = editor.create_shape("task", "pool_clinic", (700, 150))
    # when
    edit.apply()
    task = referral.get("process_clinic").flow_elements[-1].id
    edit.revert()
    # then
    assert heard == [
        ("added", (task,)),
        ("changed", ("lane_reception",)),
        ("removed", (task,)),
        ("changed", ("lane_reception",)),
    ]


def test_deleting_announces_everything_that_went_and_what_changed(editor):
    # given
    heard = _listen(editor)
    # when
    editor.delete(["flow_default"]).apply()
    # then
    assert heard == [("removed", ("flow_default",)), ("changed", ("assess", "decide"))]


def test_building_announces_nothing(editor):
    heard = _listen(editor)
    editor.move(["register"], (5, 5))
    assert heard == []


def test_moving_announces_the_shapes_and_edges_that_changed(editor):
    heard = _listen(editor)
    editor.move(["start"], (0, 10)).apply()
    assert heard == [("changed", ("flow_start_register", "start"))]


def test_a_signal_can_be_disconnected():
    # given
    signal: Signal[int] = Signal()
    heard: list[int] = []
    signal.connect(heard.append)
    # when
    signal.emit(1)
    signal.disconnect(heard.append)
    signal.emit(2)
    # then
    assert heard == [1]
