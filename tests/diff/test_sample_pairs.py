"""The sample pairs: every change a local variant's ``<name>.expected.json`` lists is found.

``sample_processes/local/<name>.bpmn`` is a unit's variant of the standard named in
``<name>.expected.json``, which lists the changes a careful reader finds (category,
standard elements, local elements, note). An expected change counts as found when the
diff reports changes of the same category that together cover its elements (the diff
reports one change per step where the list may group several steps). A reported change
is unexpected when it shares no element with an expected change of its category.
``renamed_step`` changes are information only: an unexpected one is allowed, a missing
one is not.

What the engine does not reach yet is listed in :data:`GAPS` (expected changes not
found) and :data:`SPURIOUS` (reported changes not expected), each with the reason, so
that the test fails as soon as a gap closes (remove it from the list) or a new one opens.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from process_mapper.core.diff import ChangeSeverity, PracticeChange, default_thesaurus, diff_documents
from process_mapper.core.diff.thesaurus import Thesaurus
from process_mapper.core.xmlio import read_bpmn

SAMPLES = Path(__file__).resolve().parents[2] / "sample_processes"
EXPECTED = sorted((SAMPLES / "local").glob("*.expected.json"))

def thesaurus() -> Thesaurus:
    """The shipped thesaurus (``resources/thesaurus``), which carries the domain vocabulary."""
    return default_thesaurus()


Key = tuple[str, tuple[str, ...], tuple[str, ...]]
"""(category, sorted standard elements, sorted local elements) of an expected change."""

#: Expected changes the diff does not find yet, per sample, with the reason.
GAPS: dict[str, dict[Key, str]] = {}
#: Reported must/review changes that no expected change accounts for, per sample, with the reason.
SPURIOUS: dict[str, dict[Key, str]] = {}


def _key(category: str, standard: list[str] | tuple[str, ...], local: list[str] | tuple[str, ...]) -> Key:
    return category, tuple(sorted(standard)), tuple(sorted(local))


def evaluate(expected: list[dict[str, object]], found: tuple[PracticeChange, ...]) -> tuple[set[Key], set[Key]]:
    """The expected changes not found, and the found changes (must/review) not expected."""
    missed: set[Key] = set()
    accounted: set[str] = set()
    for change in expected:
        category = str(change["category"])
        wanted_a, wanted_b = set(change["standard_elements"]), set(change["local_elements"])  # type: ignore[call-overload]
        hits = [c for c in found if c.category.value == category
                and (wanted_a & set(c.standard_elements) or wanted_b & set(c.local_elements))]
        accounted.update(c.id for c in hits)
        covered_a = {e for c in hits for e in c.standard_elements}
        covered_b = {e for c in hits for e in c.local_elements}
        if not hits or not (wanted_a <= covered_a and wanted_b <= covered_b):
            missed.add(_key(category, sorted(wanted_a), sorted(wanted_b)))
    unexpected = {
        _key(c.category.value, c.standard_elements, c.local_elements)
        for c in found if c.id not in accounted and c.severity is not ChangeSeverity.INFO
    }
    return missed, unexpected


@pytest.mark.skipif(not EXPECTED, reason="no sample pairs in sample_processes/local yet")
@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_sample_pair_changes_are_found(expected_file: Path) -> None:
    # given
    spec = json.loads(expected_file.read_text(encoding="utf-8"))
    name = expected_file.name.removesuffix(".expected.json")
    standard = read_bpmn(SAMPLES / "standard" / f"{spec['standard']}.bpmn")
    local = read_bpmn(expected_file.with_name(f"{name}.bpmn"))
    # when
    result = diff_documents(standard, local, thesaurus=thesaurus())
    missed, unexpected = evaluate(spec["changes"], result.changes)
    # then
    assert missed == set(GAPS.get(name, {})), "expected changes not found (or gaps that closed)"
    assert unexpected == set(SPURIOUS.get(name, {})), "changes nobody expected (or spurious ones that went away)"
