"""Time Process Mapper's BPMN reader and writer, and set them beside bpmn-moddle.

For each size, a model from :mod:`benchmarks.generate_models` is written to a temporary
folder, and in the same run this measures:

* our load: :func:`~process_mapper.core.xmlio.read_bpmn`, median of ``--repeat`` runs after
  one warm-up;
* our save: :func:`~process_mapper.core.xmlio.to_bytes` plus a plain write of the bytes,
  median likewise;
* bpmn-moddle's ``fromXML`` on the same file, median with the warm-up excluded, through
  ``tests/node/moddle_bench.mjs`` (skipped, with a note, where Node.js or the package is
  missing);
* peak memory of loading the file in a fresh Python process: the absolute peak RSS, and
  its rise over the same interpreter having only imported the reader.

The heap is collected before every timed run, in Python and in Node.js alike. Prints a
Markdown table; ``--json OUT`` also writes the raw numbers. Run from the repository's root::

    python -m benchmarks.bench_io [--sizes 100 1000 5000] [--repeat 7] [--json OUT]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.generate_models import generate
from process_mapper.core.xmlio import read_bpmn, to_bytes

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "node"
MODDLE_BENCH = NODE_DIR / "moddle_bench.mjs"
SIZES = (100, 1000, 5000)
MB = 1024 * 1024

# Prints the peak RSS of a fresh interpreter that imports the reader and, given a path,
# loads that file.
_PEAK_RSS_PROBE = """
import resource, sys
from process_mapper.core.xmlio import read_bpmn
if len(sys.argv) > 1:
    document = read_bpmn(sys.argv[1])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@dataclass
class SizeResult:
    """Measurements for one generated model; times in milliseconds, sizes in bytes."""

    nodes: int
    file_bytes: int
    load_ms: list[float]
    save_ms: list[float]
    moddle_ms: list[float] | None
    moddle_peak_rss_bytes: int | None
    peak_rss_bytes: int
    peak_rss_delta_bytes: int

    @property
    def load_median(self) -> float:
        """Median of our load times."""
        return statistics.median(self.load_ms)

    @property
    def save_median(self) -> float:
        """Median of our save times."""
        return statistics.median(self.save_ms)

    @property
    def moddle_median(self) -> float | None:
        """Median of bpmn-moddle's load times, if it ran."""
        return statistics.median(self.moddle_ms) if self.moddle_ms else None


def moddle_available() -> bool:
    """Tell whether ``node`` is on PATH and bpmn-moddle is installed in ``tests/node``."""
    return shutil.which("node") is not None and (NODE_DIR / "node_modules" / "bpmn-moddle").is_dir()


def time_runs(action: Callable[[], object], repeat: int) -> list[float]:
    """Run ``action`` once to warm up, then ``repeat`` times; return those times in ms.

    Parameters
    ----------
    action
        What to time; its result is dropped after each run.
    repeat
        Number of timed runs.

    Returns
    -------
    list of float
        Wall-clock milliseconds of each timed run.
    """
    action()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def moddle_runs(path: Path, repeat: int) -> tuple[list[float], int]:
    """Time bpmn-moddle's ``fromXML`` on ``path`` with ``tests/node/moddle_bench.mjs``.

    Returns
    -------
    tuple
        Milliseconds of each timed run (warm-up excluded), and the Node.js process's peak
        RSS in bytes.
    """
    proc = subprocess.run(
        ["node", "--expose-gc", os.fspath(MODDLE_BENCH), os.fspath(path), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(proc.stdout)
    if report["warnings"]:
        print(
            f"note: bpmn-moddle warned {report['warnings']} times on {path.name}", file=sys.stderr
        )
    return report["runs_ms"], report["peak_rss_bytes"]


def fresh_peak_rss(path: Path | None = None) -> int:
    """Peak RSS in bytes of a fresh interpreter that imports the reader and loads ``path``.

    Parameters
    ----------
    path
        The file to load; None to only import the reader.
    """
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS_PROBE, *([os.fspath(path)] if path else [])],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes on macOS, KiB elsewhere
    return int(proc.stdout) * unit


def measure(
    nodes: int, folder: Path, repeat: int, with_moddle: bool, import_rss: int
) -> SizeResult:
    """Generate a model of ``nodes`` flow nodes in ``folder`` and take every measurement.

    ``import_rss`` is :func:`fresh_peak_rss` without a file, the baseline of the delta.
    """
    path = folder / f"generated_{nodes}.bpmn"
    path.write_bytes(generate(nodes))
    saved = folder / f"saved_{nodes}.bpmn"
    document = read_bpmn(path)
    moddle_ms, moddle_rss = moddle_runs(path, repeat) if with_moddle else (None, None)
    peak = fresh_peak_rss(path)
    return SizeResult(
        nodes=nodes,
        file_bytes=path.stat().st_size,
        load_ms=time_runs(lambda: read_bpmn(path), repeat),
        save_ms=time_runs(lambda: saved.write_bytes(to_bytes(document)), repeat),
        moddle_ms=moddle_ms,
        moddle_peak_rss_bytes=moddle_rss,
        peak_rss_bytes=peak,
        peak_rss_delta_bytes=peak - import_rss,
    )


def markdown_table(results: Sequence[SizeResult]) -> str:
    """Render the results as the benchmark's Markdown table, with a legend."""
    lines = [
        "| nodes | file KB | our load ms | bpmn-moddle load ms | ratio | our save ms "
        "| peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        moddle = r.moddle_median
        lines.append(
            f"| {r.nodes} | {r.file_bytes / 1024:.0f} | {r.load_median:.1f} "
            f"| {'n/a' if moddle is None else f'{moddle:.1f}'} "
            f"| {'n/a' if moddle is None else f'{r.load_median / moddle:.2f}'} "
            f"| {r.save_median:.1f} "
            f"| {r.peak_rss_bytes / MB:.1f} ({r.peak_rss_delta_bytes / MB:+.1f}) |"
        )
    lines += [
        "",
        "Medians; ratio = our load / bpmn-moddle load. Peak RSS: a fresh Python process loading "
        "the file; in parentheses, the rise over one that only imported the reader.",
    ]
    return "\n".join(lines)


def _environment(with_moddle: bool) -> dict[str, str]:
    environment = {"python": platform.python_version(), "platform": platform.platform()}
    if with_moddle:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
        environment["node"] = node.stdout.strip()
    return environment


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(
        description="Benchmark BPMN load and save against bpmn-moddle."
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="flow nodes per model"
    )
    parser.add_argument(
        "--repeat", type=int, default=7, help="timed runs per measurement (default 7)"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw numbers here")
    args = parser.parse_args(argv)

    with_moddle = moddle_available()
    if not with_moddle:
        print("note: bpmn-moddle not run (needs node and `npm ci` in tests/node)", file=sys.stderr)
    import_rss = fresh_peak_rss()
    with tempfile.TemporaryDirectory(prefix="bench_io_") as folder:
        results = [
            measure(n, Path(folder), args.repeat, with_moddle, import_rss) for n in args.sizes
        ]
    print(markdown_table(results))
    if args.json:
        report = {
            "environment": _environment(with_moddle),
            "repeat": args.repeat,
            "import_only_peak_rss_bytes": import_rss,
            "results": [
                asdict(r)
                | {
                    "load_median_ms": r.load_median,
                    "save_median_ms": r.save_median,
                    "moddle_median_ms": r.moddle_median,
                }
                for r in results
            ],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
