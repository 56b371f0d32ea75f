"""Accuracy of the step matcher on the BPMN MIWG models that people redrew in other tools.

Every ``vendors/<tool>/<case>-export.bpmn`` of the MIWG corpus is the reference model
``reference/<case>.bpmn`` drawn again by hand: same process, new ids and layout, sometimes
other wording. Matching the two should pair every step with its counterpart::

    python -m benchmarks.miwg_redrawn [--corpus DIR] [--verbose]

Ground truth (decided by rule, not by the matcher): a labelled flow node of the reference
and a flow node of the export correspond when their labels are equal after
:func:`~process_mapper.core.diff.text.normalise` and they are of the same kind (task,
sub-process, call activity, event or gateway), provided that label and kind occur exactly
once on each side. Nodes whose label is missing from the export, or repeated, have no
ground truth and are not scored. A scored node counts as correct when the matcher pairs it
with its counterpart (alone or within a 1:n group).

The diff of each export against its reference should report no practice change (``must``
or ``review``): the process is the same. The ``clean`` column counts the exports that
report none; ``tests/diff/test_changes.py`` lists the others and what their exports changed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from process_mapper.core.diff import ChangeSeverity, Differ
from process_mapper.core.diff.steps import ProcessGraph
from process_mapper.core.diff.text import normalise
from process_mapper.core.xmlio import BpmnReadError, read_bpmn

CORPUS_RELATIVE_TO_REPO = Path("..", "shared", "corpora", "bpmn-miwg")
EXPORT_SUFFIX = "-export.bpmn"


@dataclass(frozen=True)
class CaseResult:
    """Scores of one export against its reference.

    Attributes
    ----------
    tool, case : str
        The vendor folder and the test case (``A.1.0``).
    scored, correct : int
        Reference nodes with a ground truth, and how many of them were paired right.
    misses : tuple of str
        ``"label: matched to ..."`` for each scored node paired wrongly or not at all.
    practice_changes : int
        Changes of severity ``must`` or ``review`` in the diff of the export against the reference.
    """

    tool: str
    case: str
    scored: int
    correct: int
    misses: tuple[str, ...]
    practice_changes: int


def default_corpus_dir() -> Path:
    """The MIWG corpus beside the repository root (``../shared/corpora/bpmn-miwg``)."""
    root = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
    return (root / CORPUS_RELATIVE_TO_REPO).resolve()


def export_pairs(corpus_dir: Path) -> Iterator[tuple[str, str, Path, Path]]:
    """(tool, case, export file, reference file) for every export with a reference."""
    for export in sorted((corpus_dir / "vendors").glob(f"*/*{EXPORT_SUFFIX}")):
        case = export.name.removesuffix(EXPORT_SUFFIX)
        reference = corpus_dir / "reference" / f"{case}.bpmn"
        if reference.is_file():
            yield export.parent.name, case, export, reference


def ground_truth(reference: ProcessGraph, export: ProcessGraph) -> dict[str, str]:
    """Reference step id -> export step id, for labels and kinds unique on both sides."""

    def keyed(graph: ProcessGraph) -> dict[tuple[str, str], list[str]]:
        keys: dict[tuple[str, str], list[str]] = {}
        for step in graph:
            if normalise(step.label):
                keys.setdefault((normalise(step.label), step.kind.value), []).append(step.id)
        return keys

    ours, theirs = keyed(reference), keyed(export)
    return {ids[0]: theirs[key][0] for key, ids in ours.items() if len(ids) == 1 and len(theirs.get(key, ())) == 1}


def score_case(tool: str, case: str, export_path: Path, reference_path: Path) -> CaseResult:
    """Match one export against its reference, score it against the ground truth, count its practice changes."""
    differ = Differ(read_bpmn(reference_path), read_bpmn(export_path))
    reference, export = differ.matcher.graph_a, differ.matcher.graph_b
    truth = ground_truth(reference, export)
    result = differ.matcher.match()
    partners: dict[str, set[str]] = {}
    for a, b in result.pairs():
        partners.setdefault(a, set()).add(b)
    misses = []
    for ref_id, export_id in truth.items():
        if export_id not in partners.get(ref_id, set()):
            got = ", ".join(repr(export.steps[b].label) for b in sorted(partners.get(ref_id, ()))) or "nothing"
            misses.append(f"{reference.steps[ref_id].label!r} ({ref_id}): matched to {got}")
    changes = sum(1 for change in differ.diff().changes if change.severity is not ChangeSeverity.INFO)
    return CaseResult(tool, case, len(truth), len(truth) - len(misses), tuple(misses), changes)


def run(corpus_dir: Path) -> tuple[list[CaseResult], list[str]]:
    """Score every export; also return the exports that could not be read."""
    results, unreadable = [], []
    for tool, case, export, reference in export_pairs(corpus_dir):
        try:
            results.append(score_case(tool, case, export, reference))
        except BpmnReadError as error:
            unreadable.append(f"{tool}/{export.name}: {error}")
    return results, unreadable


def main(argv: Sequence[str] | None = None) -> int:
    """Print the accuracy per tool and overall; list the misses with ``--verbose``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.miwg_redrawn", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the bpmn-miwg folder")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    results, unreadable = run(args.corpus or default_corpus_dir())
    scored, correct, files, clean = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    for item in results:
        scored[item.tool] += item.scored
        correct[item.tool] += item.correct
        files[item.tool] += 1
        clean[item.tool] += item.practice_changes == 0
    print(f"{'tool':<48} {'files':>5} {'nodes':>6} {'correct':>8} {'accuracy':>9} {'clean':>6}")
    for tool in sorted(files, key=str.casefold):
        accuracy = correct[tool] / scored[tool] if scored[tool] else 1.0
        print(f"{tool:<48} {files[tool]:>5} {scored[tool]:>6} {correct[tool]:>8} {accuracy:>9.1%} {clean[tool]:>6}")
    total, right = sum(scored.values()), sum(correct.values())
    print(f"{'all tools':<48} {sum(files.values()):>5} {total:>6} {right:>8} {right / max(total, 1):>9.1%} "
          f"{sum(clean.values()):>6}")
    for line in unreadable:
        print(f"unreadable: {line}")
    if args.verbose:
        for item in results:
            for miss in item.misses:
                print(f"miss {item.tool}/{item.case}: {miss}")
            if item.practice_changes:
                print(f"changes {item.tool}/{item.case}: {item.practice_changes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
