"""Time the comparison report and the change list of a large comparison (issue 7: under 3 s).

A generated standard of 200 (and 100) flow nodes and a unit's variant of it
(:func:`~benchmarks.generate_models.generate`, :func:`~benchmarks.bench_diff.make_local`,
the benchmark thesaurus) are compared once; then each output is timed, median of
``--repeat`` runs after a warm-up:

* *report PDF*: :func:`~process_mapper.gui.export.write_comparison_report` (cover, both
  diagrams with marks, the change list), headless;
* *XLSX*, *CSV*: the change list written with :mod:`process_mapper.core.reports`;
* *compare + report PDF*: reading both files and diffing them as well, what
  ``process-mapper report STANDARD LOCAL -o OUT.pdf`` does after Qt has started.

The sample pair A-V1 against STD-REM-IN is measured the same way. Prints a Markdown
table; ``--json OUT`` also writes the raw numbers. Run from the repository's root::

    python -m benchmarks.bench_report [--sizes 100 200] [--repeat 5] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.bench_diff import SEED, benchmark_thesaurus, make_local
from benchmarks.bench_io import time_runs
from benchmarks.generate_models import generate
from process_mapper.core.comparison import Comparison
from process_mapper.core.diff import Thesaurus
from process_mapper.core.reports import change_list_table, write_table
from process_mapper.gui.export import ensure_application, write_comparison_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAIR = ("A-V1", ROOT / "sample_processes" / "standard" / "STD-REM-IN.bpmn",
               ROOT / "sample_processes" / "local" / "A-V1.bpmn")
SIZES = (100, 200)
GOAL_MS = 3000.0


@dataclass
class ReportResult:
    """Measurements for one pair; times in milliseconds."""

    name: str
    steps: tuple[int, int]
    changes: int
    pages: int
    pdf_ms: list[float]
    xlsx_ms: list[float]
    csv_ms: list[float]
    end_to_end_ms: list[float]

    def row(self) -> str:
        """The pair's row of the Markdown table."""
        end_to_end = statistics.median(self.end_to_end_ms)
        return (f"| {self.name} | {self.steps[0]} / {self.steps[1]} | {self.changes} | {self.pages} "
                f"| {statistics.median(self.pdf_ms):.0f} | {statistics.median(self.xlsx_ms):.0f} "
                f"| {statistics.median(self.csv_ms):.0f} | {end_to_end:.0f} "
                f"| {'yes' if end_to_end < GOAL_MS else 'NO'} |")


def pdf_pages(path: Path) -> int:
    """The page count pdfinfo reports (0 when poppler is not installed)."""
    try:
        output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return 0
    return next((int(line.split()[-1]) for line in output.splitlines() if line.startswith("Pages:")), 0)


def measure(name: str, standard: Path, local: Path, folder: Path, repeat: int,
            thesaurus: Thesaurus | None = None) -> ReportResult:
    """Compare ``standard`` and ``local`` and time each output of the comparison."""
    comparison = Comparison.create(standard, local, thesaurus=thesaurus)
    pdf, xlsx, csv = (folder / f"{name}.{suffix}" for suffix in ("pdf", "xlsx", "csv"))

    def table() -> list:
        return [change_list_table(comparison.rows("sv"), "sv")]

    def end_to_end() -> None:
        write_comparison_report(Comparison.create(standard, local, thesaurus=thesaurus), pdf, "sv")

    result = ReportResult(
        name=name,
        steps=(len(comparison.differ.standard.graph), len(comparison.differ.local.graph)),
        changes=len(comparison.result().changes),
        pages=0,
        pdf_ms=time_runs(lambda: write_comparison_report(comparison, pdf, "sv"), repeat),
        xlsx_ms=time_runs(lambda: write_table(table(), xlsx), repeat),
        csv_ms=time_runs(lambda: write_table(table(), csv), repeat),
        end_to_end_ms=time_runs(end_to_end, repeat),
    )
    result.pages = pdf_pages(pdf)
    return result


def markdown_table(results: Sequence[ReportResult]) -> str:
    """The benchmark's Markdown table, with a legend."""
    lines = [
        ("| pair | steps std / local | changes | PDF pages | report PDF ms | XLSX ms | CSV ms "
         "| compare + report PDF ms | under 3 s |"),
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        *(result.row() for result in results),
        "",
        ("Medians. report PDF, XLSX, CSV: writing the output of a comparison already made (rows in "
         "Swedish included); compare + report PDF: reading, diffing and writing the PDF."),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Benchmark the comparison report and the change list.")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="generated pairs' flow nodes")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw numbers here")
    args = parser.parse_args(argv)
    ensure_application()
    with tempfile.TemporaryDirectory(prefix="bench_report_") as name:
        folder = Path(name)
        results = [measure(SAMPLE_PAIR[0], SAMPLE_PAIR[1], SAMPLE_PAIR[2], folder, args.repeat)]
        thesaurus = benchmark_thesaurus()
        for nodes in args.sizes:
            standard_xml = generate(nodes, SEED)
            standard, local = folder / f"standard_{nodes}.bpmn", folder / f"local_{nodes}.bpmn"
            standard.write_bytes(standard_xml)
            local.write_bytes(make_local(standard_xml, SEED + nodes))
            results.append(measure(f"generated {nodes}", standard, local, folder, args.repeat, thesaurus))
    print(markdown_table(results))
    if args.json:
        report = {
            "environment": {"python": platform.python_version(), "platform": platform.platform(),
                            "qt_platform": os.environ.get("QT_QPA_PLATFORM", "")},
            "repeat": args.repeat,
            "goal_ms": GOAL_MS,
            "results": [asdict(result) for result in results],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
