"""Time a comparison's recompute after the user links two steps (issue 6: under 100 ms).

In the compare window, Link (or Unlink) must update the marks and the change list at
once. This measures the core part of that on every sample pair of ``sample_processes/``
and on generated pairs of 100 and 200 flow nodes (a standard from
:func:`~benchmarks.generate_models.generate` and a unit's variant of it from
:func:`~benchmarks.bench_diff.make_local`, with the benchmark thesaurus):

* *open*: :meth:`~process_mapper.core.comparison.Comparison.create` (read and hash both
  files, build the differ, first diff), median of ``--repeat`` runs after a warm-up;
* *link*: :meth:`~process_mapper.core.comparison.Comparison.link` (the incremental re-diff),
  for every link of :func:`links_to_try`, each timed ``--repeat`` times (the link is
  removed again, untimed, between runs);
* *link + refresh*: the same plus what the window then reads: the changes in process
  order, the summary counts and the rows in Swedish.

Prints a Markdown table of medians and maxima over all links of a pair; ``--json OUT``
also writes the raw numbers. Run from the repository's root::

    python -m benchmarks.bench_compare [--sizes 100 200] [--repeat 7] [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.bench_diff import SEED, benchmark_thesaurus, make_local
from benchmarks.bench_io import time_runs
from benchmarks.generate_models import generate
from process_mapper.core.comparison import Comparison, Link
from process_mapper.core.diff import Thesaurus

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_processes"
SIZES = (100, 200)
#: Cross links tried per pair (standard step n linked with the partner of step n + 1).
CROSS_LINKS = 5


def sample_pairs() -> list[tuple[str, Path, Path]]:
    """Every local sample with the standard its ``<name>.expected.json`` names."""
    pairs = []
    for expected in sorted((SAMPLES / "local").glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        standard = json.loads(expected.read_text(encoding="utf-8"))["standard"]
        pairs.append((name, SAMPLES / "standard" / f"{standard}.bpmn", SAMPLES / "local" / f"{name}.bpmn"))
    return pairs


def links_to_try(comparison: Comparison) -> list[Link]:
    """Links a user makes: a missing step with an extra step, and steps paired differently.

    The first standard step of a ``missing_step`` change with the first local step of an
    ``extra_step`` change (where both exist), and for the first :data:`CROSS_LINKS`
    matches, the standard step linked with the local partner of the next match.
    """
    result = comparison.result()
    links: list[Link] = []
    if result.matches.unmatched_a and result.matches.unmatched_b:
        links.append((result.matches.unmatched_a[0], result.matches.unmatched_b[0]))
    matches = result.matches.matches
    links += [(first.a_ids[0], second.b_ids[0]) for first, second in itertools.pairwise(matches)][:CROSS_LINKS]
    return links


def _timed_links(comparison: Comparison, links: Sequence[Link], repeat: int,
                 after: Callable[[], object]) -> list[float]:
    times = []
    for link in links:
        comparison.link(*link)  # warm-up
        comparison.remove_link(*link)
        for _ in range(repeat):
            start = time.perf_counter()
            comparison.link(*link)
            after()
            times.append((time.perf_counter() - start) * 1000.0)
            comparison.remove_link(*link)
    return times


@dataclass
class PairResult:
    """Measurements for one pair; times in milliseconds."""

    name: str
    steps: tuple[int, int]
    changes: int
    links: int
    open_ms: list[float]
    link_ms: list[float]
    refresh_ms: list[float]

    def row(self) -> str:
        """The pair's row of the Markdown table."""
        return (f"| {self.name} | {self.steps[0]} / {self.steps[1]} | {self.changes} | {self.links} "
                f"| {statistics.median(self.open_ms):.1f} "
                f"| {statistics.median(self.link_ms):.1f} | {max(self.link_ms):.1f} "
                f"| {statistics.median(self.refresh_ms):.1f} | {max(self.refresh_ms):.1f} |")


def measure(name: str, standard: Path, local: Path, repeat: int, thesaurus: Thesaurus | None = None) -> PairResult:
    """Open the comparison of ``standard`` and ``local`` and time links on it."""
    comparison = Comparison.create(standard, local, thesaurus=thesaurus)
    links = links_to_try(comparison)

    def refresh() -> None:
        comparison.ordered_changes()
        comparison.summary()
        comparison.rows("sv")

    return PairResult(
        name=name,
        steps=(len(comparison.differ.standard.graph), len(comparison.differ.local.graph)),
        changes=len(comparison.result().changes),
        links=len(links),
        open_ms=time_runs(lambda: Comparison.create(standard, local, thesaurus=thesaurus), repeat),
        link_ms=_timed_links(comparison, links, repeat, lambda: None),
        refresh_ms=_timed_links(comparison, links, repeat, refresh),
    )


def markdown_table(results: Sequence[PairResult]) -> str:
    """The benchmark's Markdown table, with a legend."""
    lines = [
        ("| pair | steps std / local | changes | links | open ms | link ms median | link ms max "
        "| link + refresh ms median | link + refresh ms max |"),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(result.row() for result in results),
        "",
        ("open: read and hash both files, build the differ, first diff (median). link: the re-diff after "
        "one link; link + refresh: also the changes in process order, the summary and the rows; median "
        "and maximum over every timed link of the pair."),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Benchmark a comparison's recompute after a link.")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="generated pairs' flow nodes")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement (default 7)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw numbers here")
    args = parser.parse_args(argv)
    results = [measure(name, standard, local, args.repeat) for name, standard, local in sample_pairs()]
    thesaurus = benchmark_thesaurus()
    with tempfile.TemporaryDirectory(prefix="bench_compare_") as folder:
        for nodes in args.sizes:
            standard_xml = generate(nodes, SEED)
            standard, local = Path(folder) / f"standard_{nodes}.bpmn", Path(folder) / f"local_{nodes}.bpmn"
            standard.write_bytes(standard_xml)
            local.write_bytes(make_local(standard_xml, SEED + nodes))
            results.append(measure(f"generated {nodes}", standard, local, args.repeat, thesaurus))
    print(markdown_table(results))
    if args.json:
        report = {
            "environment": {"python": platform.python_version(), "platform": platform.platform()},
            "repeat": args.repeat,
            "results": [asdict(result) for result in results],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
