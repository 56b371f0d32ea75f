"""Time Link in the compare window, from the click to the marks and the list updated (issue 6: under 100 ms).

For every sample pair of ``sample_processes/`` a :class:`~process_mapper.gui.compare.CompareWindow`
is shown (offscreen unless ``QT_QPA_PLATFORM`` says otherwise), and for every link of
:func:`~benchmarks.bench_compare.links_to_try` the two steps are selected and the Link
action triggered, then pending events processed: the re-diff, the marks and badges on
both diagrams, the change list, the summary bar and the focus on the chosen change, as
the user sees them. Each link is timed ``--repeat`` times after a warm-up; between runs
the link is removed again, untimed. Prints a Markdown table of the median and maximum
per pair. Run from the repository's root::

    python -m benchmarks.bench_compare_gui [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.bench_compare import links_to_try, sample_pairs
from process_mapper.core.comparison import Comparison, Link
from process_mapper.gui.compare import CompareWindow


def time_link(app: QApplication, window: CompareWindow, link: Link) -> float:
    """Milliseconds from triggering Link on ``link`` until the window is up to date."""
    window.panes["standard"].scene.select(link[0])
    window.panes["local"].scene.select(link[1])
    app.processEvents()
    start = time.perf_counter()
    window.link_action.trigger()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000.0
    window.comparison.remove_link(*link)
    window.refresh()
    app.processEvents()
    return elapsed


def measure(app: QApplication, comparison: Comparison, repeat: int) -> list[float]:
    """Times of every link of :func:`links_to_try` on ``comparison``, ``repeat`` runs each after a warm-up."""
    window = CompareWindow(comparison)
    window.show()
    app.processEvents()
    window.step(1)  # a change is chosen, as in a workshop: the focus follows every refresh
    times = []
    for link in links_to_try(comparison):
        time_link(app, window, link)
        times += [time_link(app, window, link) for _ in range(repeat)]
    window.deleteLater()
    return times


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Benchmark Link in the compare window.")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per link (default 5)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print("| pair | steps std / local | changes | links | link in the window ms median | max |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, standard, local in sample_pairs():
        comparison = Comparison.create(standard, local)
        steps = (len(comparison.differ.standard.graph), len(comparison.differ.local.graph))
        changes, links = len(comparison.result().changes), len(links_to_try(comparison))
        times = measure(app, comparison, args.repeat)
        print(f"| {name} | {steps[0]} / {steps[1]} | {changes} | {links} "
              f"| {statistics.median(times):.1f} | {max(times):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
