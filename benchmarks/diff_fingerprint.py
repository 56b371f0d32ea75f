"""Record the diff engine's full output on a fixed set of model pairs, to prove a speed-up changes nothing.

For every pair this writes the matches (standard and local ids, score rounded to 1e-6,
reason, forced flag) and the practice changes (:meth:`~process_mapper.core.diff.PracticeChange.to_json`)
of :meth:`~process_mapper.core.diff.Differ.diff`. The pairs:

* the sample pairs: each ``sample_processes/local/<name>.bpmn`` against the standard its
  ``<name>.expected.json`` names, with the shipped thesaurus;
* the 36 PMMC 2015 "University Admission" pairs (the corpus beside the repository,
  see :func:`benchmarks.pmmc.evaluate.default_corpus_dir`), with the shipped thesaurus;
* the generated pairs of :mod:`benchmarks.bench_diff` for ``--sizes`` (100 and 1,000
  nodes by default), with its benchmark thesaurus, diffed plainly and again with the
  benchmark's forced pair.

Record once, then check after every change::

    python -m benchmarks.diff_fingerprint --write before.json
    python -m benchmarks.diff_fingerprint --check before.json

``--check`` prints the first differences per pair and exits with 1 when any pair differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.bench_diff import SEED, benchmark_thesaurus, make_local
from benchmarks.generate_models import generate
from benchmarks.pmmc.evaluate import (
    default_corpus_dir,
    model_path,
    pair_names,
    split_pair,
)
from process_mapper.core.diff import Differ, DiffResult, Thesaurus, default_thesaurus
from process_mapper.core.model import BpmnDocument
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_processes"
SIZES = (100, 1000)
#: Decimal places kept of every score: far above the engine's float32 noise, far below any decision.
SCORE_DIGITS = 6


def fingerprint(result: DiffResult) -> dict[str, Any]:
    """The diff result as plain data, scores rounded to :data:`SCORE_DIGITS` places."""
    matches = [
        {"standard": list(m.a_ids), "local": list(m.b_ids), "score": round(float(m.score), SCORE_DIGITS),
         "reason": m.reason, "forced": m.forced}
        for m in result.matches.matches
    ]
    return {
        "matches": matches,
        "unmatched_standard": list(result.matches.unmatched_a),
        "unmatched_local": list(result.matches.unmatched_b),
        "changes": [change.to_json() for change in result.changes],
    }


def _sample_pairs() -> Iterator[tuple[str, BpmnDocument, BpmnDocument, Thesaurus]]:
    for expected in sorted((SAMPLES / "local").glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        standard = json.loads(expected.read_text(encoding="utf-8"))["standard"]
        yield (f"sample/{name}", read_bpmn(SAMPLES / "standard" / f"{standard}.bpmn"),
               read_bpmn(SAMPLES / "local" / f"{name}.bpmn"), default_thesaurus())


def _pmmc_pairs() -> Iterator[tuple[str, BpmnDocument, BpmnDocument, Thesaurus]]:
    corpus = default_corpus_dir()
    for pair in pair_names(corpus):
        model_a, model_b = split_pair(pair)
        yield (f"pmmc/{pair}", read_bpmn(model_path(corpus, model_a)), read_bpmn(model_path(corpus, model_b)),
               default_thesaurus())


def record(sizes: Sequence[int]) -> dict[str, Any]:
    """The fingerprint of every pair, keyed by a name such as ``sample/A-V1`` or ``generated/1000``."""
    found: dict[str, Any] = {}
    for name, standard, local, thesaurus in (*_sample_pairs(), *_pmmc_pairs()):
        found[name] = fingerprint(Differ(standard, local, thesaurus=thesaurus).diff())
    for nodes in sizes:
        standard_xml = generate(nodes, SEED)
        standard = read_bpmn_bytes(standard_xml)
        local = read_bpmn_bytes(make_local(standard_xml, SEED + nodes))
        differ = Differ(standard, local, thesaurus=benchmark_thesaurus())
        found[f"generated/{nodes}"] = fingerprint(differ.diff())
        named_a = [s.id for s in differ.standard.graph if s.label]
        named_b = [s.id for s in differ.local.graph if s.label]
        forced = [(named_a[len(named_a) // 2], named_b[len(named_b) // 3])]
        found[f"generated/{nodes}/forced"] = fingerprint(differ.diff(forced))
    return found


def differences(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Where ``actual`` departs from ``expected``, as ``path: expected != actual`` lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in dict.fromkeys([*expected, *actual]):
            if key not in actual or key not in expected:
                yield f"{path}/{key}: only in {'expected' if key in expected else 'actual'}"
            else:
                yield from differences(expected[key], actual[key], f"{path}/{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        for n, (x, y) in enumerate(zip(expected, actual, strict=False)):
            yield from differences(x, y, f"{path}[{n}]")
        if len(expected) != len(actual):
            yield f"{path}: {len(expected)} items expected, {len(actual)} found"
    elif expected != actual:
        yield f"{path}: {expected!r} != {actual!r}"


def main(argv: Sequence[str] | None = None) -> int:
    """Write or check the fingerprint; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE", help="record the fingerprint in FILE")
    action.add_argument("--check", type=Path, metavar="FILE", help="compare with the fingerprint in FILE")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="generated pair sizes")
    args = parser.parse_args(argv)
    found = record(args.sizes)
    if args.write:
        args.write.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(found)} pairs recorded in {args.write}")
        return 0
    expected = json.loads(args.check.read_text(encoding="utf-8"))
    failed = 0
    for name in dict.fromkeys([*expected, *found]):
        lines = list(differences(expected.get(name), found.get(name), name))
        if lines:
            failed += 1
            print("\n".join(lines[:10]) + (f"\n... {len(lines) - 10} more" if len(lines) > 10 else ""))
    print(f"{len(found) - failed} of {len(found)} pairs identical" if expected.keys() == found.keys()
          else f"pair names differ: {sorted(expected.keys() ^ found.keys())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
