"""Score Process Mapper's step matcher on the PMMC 2015 University Admission benchmark.

Runs :class:`~process_mapper.core.diff.matching.StepMatcher` with its default settings
on all 36 model pairs and prints micro and macro precision, recall and F1 beside the five
best published systems::

    python -m benchmarks.pmmc.run_matcher [--corpus DIR]

The contest matches *activities*: its gold standard links tasks and labelled events only.
So the matcher's pairs are kept when both ends are labelled and neither is a gateway
(the matcher also pairs unnamed events and gateways, which the diff needs but the gold
standard does not list). Nothing else is adapted to the benchmark: no per-pair or
per-model setting, and the shipped thesaurus only.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from benchmarks.pmmc.evaluate import Scores, default_corpus_dir, evaluate_matcher
from process_mapper.core.diff.matching import StepMatcher
from process_mapper.core.diff.steps import ProcessGraph, Step, StepKind, build_graph
from process_mapper.core.xmlio import read_bpmn

PUBLISHED_TOP5: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("AML (OAEI 2016)", (0.715, 0.681, 0.698, 0.684, 0.693, 0.658)),
    ("RMM-NHCM (PMMC 2015 winner)", (0.686, 0.651, 0.668, 0.597, 0.610, 0.566)),
    ("RMM-NLM (PMMC 2015)", (0.768, 0.543, 0.636, 0.673, 0.466, 0.509)),
    ("Match-SSS (PMMC 2015)", (0.807, 0.487, 0.608, 0.855, 0.343, 0.378)),
    ("OPBOT (PMMC 2015)", (0.598, 0.603, 0.601, 0.636, 0.623, 0.603)),
)
"""Published micro P/R/F1 and macro P/R/F1 (corpus README, gold standard ``goldstandard/``)."""


@cache
def _graph(path: Path) -> ProcessGraph:
    return build_graph(read_bpmn(path))


def _is_activity(step: Step) -> bool:
    """What the contest matches: labelled steps that are not gateways."""
    return bool(step.label) and step.kind is not StepKind.GATEWAY


def match_pair(path_a: Path, path_b: Path) -> set[tuple[str, str]]:
    """The matcher as the evaluator calls it: two BPMN files -> matched (id_a, id_b)."""
    graph_a, graph_b = _graph(path_a), _graph(path_b)
    pairs = StepMatcher(graph_a, graph_b).match().pairs()
    return {(a, b) for a, b in pairs if _is_activity(graph_a.steps[a]) and _is_activity(graph_b.steps[b])}


def score_matcher(corpus_dir: Path | None = None) -> Scores:
    """Micro and macro scores of the matcher on all 36 pairs."""
    return evaluate_matcher(match_pair, corpus_dir or default_corpus_dir())


def main(argv: Sequence[str] | None = None) -> int:
    """Print our scores next to the published top five."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pmmc.run_matcher", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the university-admission folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ours = score_matcher(args.corpus)
    elapsed = time.perf_counter() - started
    print(f"{'system':<30} {'P micro':>8} {'R micro':>8} {'F1 micro':>9} {'P macro':>8} {'R macro':>8} {'F1 macro':>9}")
    values = (ours.precision_micro, ours.recall_micro, ours.f1_micro,
              ours.precision_macro, ours.recall_macro, ours.f1_macro)
    for name, row in (("Process Mapper", values), *PUBLISHED_TOP5):
        print(f"{name:<30} " + " ".join(f"{v:>{w}.3f}" for v, w in zip(row, (8, 8, 9, 8, 8, 9), strict=True)))
    print(f"Process Mapper: TP {ours.tp}, FP {ours.fp}, FN {ours.fn}; 36 pairs in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
