"""Helpers for the editing tests: the fixture document, snapshots and the apply/revert/apply triad."""

from __future__ import annotations

import copy
import random
from pathlib import Path

from lxml import etree

from process_mapper.core.editing import DocumentEditor, Edit
from process_mapper.core.model import BpmnDocument, Definitions
from process_mapper.core.model.equality import model_differences
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.schema import schema_issues

FIXTURES = Path(__file__).parent / "fixtures"
#: ``<repo>/../shared``: the read-only corpora live there (tests skip without them).
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MIWG_REFERENCE = SHARED / "corpora" / "bpmn-miwg" / "reference"


def referral_document() -> BpmnDocument:
    """The referral model: two pools, two lanes, a default flow, a deadline, a sub-process."""
    return read_bpmn(FIXTURES / "referral.bpmn")


def editor_for(document: BpmnDocument, seed: int = 7) -> DocumentEditor:
    """An editor whose new ids are repeatable."""
    return DocumentEditor(document, random.Random(seed))


def snapshot(document: BpmnDocument) -> Definitions:
    """A detached copy of the tree, to compare with later."""
    return copy.deepcopy(document.definitions)


def triad(edit: Edit) -> tuple[Definitions, Definitions]:
    """Apply, revert and apply again, checking that revert and redo are exact.

    Returns
    -------
    tuple
        The tree before the edit and after it.
    """
    before = snapshot(edit.document)
    edit.apply()
    after = snapshot(edit.document)
    edit.revert()
    assert model_differences(before, edit.document.definitions) == []
    edit.apply()
    assert model_differences(after, edit.document.definitions) == []
    return before, after


def assert_saves_valid(document: BpmnDocument) -> None:
    """Saved, the document is schema-valid and reads back as the same model."""
    data = to_bytes(document)
    assert schema_issues(etree.fromstring(data)) == []
    assert model_differences(document.definitions, read_bpmn_bytes(data).definitions) == []
    assert [issue.message for issue in document.integrity_issues()] == []


def bounds(document: BpmnDocument, element_id: str) -> tuple[float, float, float, float]:
    """An element's drawn box as ``(x, y, width, height)``."""
    shape = document.shape_of(element_id)
    assert shape is not None and shape.bounds is not None
    box = shape.bounds
    return (box.x, box.y, box.width, box.height)


def waypoints(document: BpmnDocument, element_id: str) -> list[tuple[float, float]]:
    edge = document.edge_of(element_id)
    assert edge is not None
    return [(p.x, p.y) for p in edge.waypoints]


def lane_refs(document: BpmnDocument) -> dict[str, list[str]]:
    """``flowNodeRef`` lists by lane id."""
    return {lane.id or "": list(lane.flow_node_refs) for lane in document.lanes()}
