"""Property: any sequence of edits reverts to the original exactly and saves to what it shows.

Hypothesis draws a few operations at a time from whatever the document holds at that
moment (ids, pools, lanes), builds each edit (a refusal is a fine outcome: the rules
said no), applies it, and checks the tree stays sound. At the end the document must
save to schema-valid XML that reads back as the same model, and reverting every edit
in reverse order must give back the original tree, field for field.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from process_mapper.core.editing import DocumentEditor, Edit, EditRefused
from process_mapper.core.model import (
    Activity,
    Artifact,
    BpmnDocument,
    FlowElement,
    FlowNode,
    Lane,
    MessageFlow,
    Participant,
    Process,
    Shape,
    SubProcess,
)
from process_mapper.core.model.equality import model_differences
from process_mapper.core.xmlio import read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.schema import schema_issues
from tests.editing.support import FIXTURES, MIWG_REFERENCE, snapshot

PALETTE = [
    "task",
    "userTask",
    "manualTask",
    "serviceTask",
    "sendTask",
    "receiveTask",
    "callActivity",
    "subProcess:collapsed",
    "subProcess:expanded",
    "startEvent",
    "startEvent:timer",
    "startEvent:message",
    "intermediateCatchEvent:timer",
    "intermediateThrowEvent",
    "intermediateThrowEvent:signal",
    "endEvent",
    "endEvent:terminate",
    "endEvent:message",
    "exclusiveGateway",
    "parallelGateway",
    "inclusiveGateway",
    "eventBasedGateway",
    "dataObjectReference",
    "dataStoreReference",
    "textAnnotation",
    "boundaryEvent:message",
]
NAMES = ["Granska remiss", "Åtgärd", "", "Beslut?", "Skicka svar till vårdgivaren"]
STEPS = 6


@cache
def _source(path: Path) -> bytes:
    return path.read_bytes()


def _ids(document: BpmnDocument, kinds: tuple[type, ...], drawn: bool = False) -> list[str]:
    return sorted(
        record.id
        for record in document.definitions.iter_tree()
        if isinstance(record, kinds) and record.id and (not drawn or isinstance(document.drawing_of(record.id), Shape))
    )


def _containers(document: BpmnDocument) -> list[str]:
    return _ids(document, (Process, SubProcess, Participant))


def _position(data: st.DataObject, document: BpmnDocument, container_id: str) -> tuple[float, float]:
    """A point in the container's drawing when it has one (pool or sub-process), else anywhere."""
    record = document.get(container_id)
    if isinstance(record, Process):
        pool = next((p for c in document.collaborations for p in c.participants if p.process_ref == record.id), None)
        record = pool or record
    shape = document.shape_of(record.id) if record is not None and record.id else None
    if shape is not None and shape.bounds is not None:
        box = shape.bounds
        left, top = int(box.x) + min(40, int(box.width) // 2), int(box.y) + min(5, int(box.height) // 2)
        return (
            data.draw(st.integers(left, max(left, int(box.right) - 5))),
            data.draw(st.integers(top, max(top, int(box.bottom) - 5))),
        )
    return (data.draw(st.integers(0, 900)), data.draw(st.integers(0, 600)))


def _pick(data: st.DataObject, ids: list[str]) -> str:
    if not ids:
        raise EditRefused({"en": "nothing to pick", "sv": "inget att välja"})
    return data.draw(st.sampled_from(ids))


def _operations(document: BpmnDocument, editor: DocumentEditor, data: st.DataObject) -> dict[str, Callable[[], Edit]]:
    """Each operation draws its arguments from the document as it is now."""
    nodes = lambda: _ids(document, (FlowNode, Artifact, Participant))  # noqa: E731
    deletable = lambda: _ids(document, (FlowElement, Artifact, Participant, MessageFlow))  # noqa: E731
    drawn = lambda: [i for i in _ids(document, (FlowNode, Artifact, Participant), drawn=True)]  # noqa: E731

    def create() -> Edit:
        container = _pick(data, _containers(document))
        return editor.create_shape(
            data.draw(st.sampled_from(PALETTE)),
            container,
            _position(data, document, container),
            data.draw(st.sampled_from(NAMES)),
            duration=data.draw(st.sampled_from([None, "P3D"])),
        )

    def resize() -> Edit:
        target = _pick(data, _ids(document, (Activity, Participant, Lane, Artifact), drawn=True))
        box = document.shape_of(target).bounds
        grow = data.draw(st.tuples(*[st.integers(-30, 60)] * 4))
        return editor.resize(target, (box.x + grow[0], box.y + grow[1], box.width + grow[2], box.height + grow[3]))

    def paste() -> Edit:
        copied = editor.copy(
            data.draw(
                st.lists(
                    st.sampled_from(_ids(document, (FlowNode, Artifact), drawn=True) or ["-"]), min_size=1, max_size=3
                )
            )
        )
        container = _pick(data, _containers(document))
        return editor.paste(copied, container, (data.draw(st.integers(-40, 40)), data.draw(st.integers(-40, 40))))

    return {
        "create": create,
        "pool": lambda: editor.create_pool((data.draw(st.integers(0, 800)), data.draw(st.integers(0, 1200))), "Pool"),
        "group": lambda: editor.create_group(
            (data.draw(st.integers(0, 900)), data.draw(st.integers(0, 600))), data.draw(st.sampled_from(NAMES))
        ),
        "connect": lambda: editor.connect(_pick(data, nodes()), _pick(data, nodes())),
        "delete": lambda: editor.delete(
            data.draw(st.lists(st.sampled_from(deletable() or ["-"]), min_size=1, max_size=2))
        ),
        "move": lambda: editor.move(
            [_pick(data, drawn())], (data.draw(st.integers(-60, 60)), data.draw(st.integers(-60, 60)))
        ),
        "resize": resize,
        "rename": lambda: editor.rename(_pick(data, nodes()), data.draw(st.sampled_from(NAMES))),
        "change_type": lambda: editor.change_type(
            _pick(data, _ids(document, (FlowNode,))), data.draw(st.sampled_from(PALETTE))
        ),
        "add_lane": lambda: editor.add_lane(
            _pick(data, _ids(document, (Participant, Lane))), data.draw(st.sampled_from([None, 0, 1]))
        ),
        "remove_lane": lambda: editor.remove_lane(_pick(data, _ids(document, (Lane,)))),
        "move_lane": lambda: editor.move_lane(_pick(data, _ids(document, (Lane,))), data.draw(st.integers(0, 2))),
        "property": lambda: editor.set_property(
            _pick(data, nodes()),
            data.draw(st.sampled_from(["system", "medium", "deadline", "ansvarig"])),
            data.draw(st.sampled_from([None, "Webcert", "papper"])),
        ),
        "documentation": lambda: editor.set_documentation(
            _pick(data, nodes()), data.draw(st.sampled_from([None, "Inom 14 dagar."]))
        ),
        "deadline": lambda: editor.set_deadline(
            _pick(data, _ids(document, (Activity,))), data.draw(st.sampled_from([None, "P14D", "PT4H"]))
        ),
        "paste": paste,
        "metadata": lambda: editor.set_metadata(
            data.draw(st.sampled_from(["title", "identifier", "version", "valid_from", "owner", "category"])),
            data.draw(st.sampled_from([None, "2026-03-01", "referral", "Inkommande remiss"])),
        ),
    }


def _run_random_edits(source: bytes, data: st.DataObject) -> None:
    # given
    document = read_bpmn_bytes(source)
    original = snapshot(document)
    known_issues = {issue.message for issue in document.integrity_issues()}
    valid = not schema_issues(etree.fromstring(to_bytes(document)))
    editor = DocumentEditor(document, random.Random(data.draw(st.integers(0, 2**16))))
    operations = _operations(document, editor, data)
    applied: list[Edit] = []
    # when
    for _ in range(data.draw(st.integers(1, STEPS))):
        name = data.draw(st.sampled_from(sorted(operations)))
        try:
            edit = operations[name]()
        except EditRefused:
            continue
        edit.apply()
        applied.append(edit)
        new_issues = {issue.message for issue in document.integrity_issues()} - known_issues
        assert new_issues == set(), f"{edit.kind} left {new_issues}"
    # then the edited model saves and reopens as itself
    data_bytes = to_bytes(document)
    if valid:
        assert [issue.message for issue in schema_issues(etree.fromstring(data_bytes))] == [], [e.kind for e in applied]
    assert model_differences(document.definitions, read_bpmn_bytes(data_bytes).definitions) == []
    # and reverting everything gives back the original exactly
    for edit in reversed(applied):
        edit.revert()
    assert model_differences(original, document.definitions) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_edits_on_the_referral_model_revert_and_save_exactly(data: st.DataObject) -> None:
    _run_random_edits(_source(FIXTURES / "referral.bpmn"), data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_edits_on_an_empty_document_revert_and_save_exactly(data: st.DataObject) -> None:
    _run_random_edits(to_bytes(BpmnDocument.new("Ny process")), data)


@pytest.mark.parametrize("model", ["A.4.0", "B.1.0", "C.1.0"])
def test_random_edits_on_miwg_reference_models_revert_and_save_exactly(model: str) -> None:
    path = MIWG_REFERENCE / f"{model}.bpmn"
    if not path.is_file():
        pytest.skip(f"MIWG reference model not found at {path}")

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        _run_random_edits(_source(path), data)

    run()
