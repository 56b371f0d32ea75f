"""Time the desktop modeller: opening a diagram, repainting the canvas, starting the app.

Models come from :func:`benchmarks.generate_models.generate`. Qt runs on the
``offscreen`` platform unless ``QT_QPA_PLATFORM`` says otherwise; there every paint is
software rasterisation into an image in memory (no GPU, no window system). Qt Widgets
rasterise in software on the desktop platforms too; what offscreen leaves out is handing
the window's image to the screen. The heap is collected before every timed run. Three
measurements:

* **open + first paint** at each ``--sizes``: from the file path to the end of the first
  paint of the canvas, in a shown :class:`~process_mapper.gui.main_window.MainWindow`
  of the application's default size, taking :meth:`MainWindow.open_file`'s steps: read
  (:func:`~process_mapper.core.xmlio.read_bpmn`), load (a
  :class:`~process_mapper.gui.document_tab.DocumentTab`, which imports the diagram into
  its scene, added to the window's tabs and made current) and first paint (Qt's events
  processed until the canvas's viewport has been painted: layout, zoom to fit, paint).
  Median of ``--repeat`` runs after one warm-up; each run's tab is closed and deleted.
* **repaint** at ``--repaint-size`` nodes, the canvas's viewport 1600 x 1000 pixels, at
  zoom to fit and at 100 %: a full synchronous repaint of the viewport
  (``viewport().repaint()``), and a pan frame: the scroll bars moved by a step of
  ``--pan-step`` pixels and Qt's events processed until the uncovered strip is painted
  (the view scrolls the pixels it already has), and a zoom frame: the zoom set 5 % in
  and out again by turns (:meth:`BpmnView.set_zoom`, as the wheel does) and Qt's events
  processed until the viewport is painted. Median and 95th percentile of ``--frames``
  frames after a warm-up.
* **start**: a fresh ``python -c`` process that runs ``process-mapper gui [FILE]`` (as
  ``start-app.sh`` does: the library panel reads the shipped standards on a worker thread) through
  :func:`process_mapper.cli.main.main` and prints a line
  once the main window's first paint has finished (an application event filter sees the
  paint; a zero-delay timer fires after it); the time is from starting the process to
  reading that line. Settings live in a temporary folder (``XDG_CONFIG_HOME``), and so
  does the compiled bytecode (``PYTHONPYCACHEPREFIX``, written by the warm-up run even
  where ``PYTHONDONTWRITEBYTECODE`` is set), as after an installation. A bare ``python -c``
  is timed alike for comparison. Median of ``--start-repeat`` runs after one warm-up.

Prints Markdown tables; ``--json OUT`` also writes the raw numbers. Run from the
repository's root::

    python -m benchmarks.bench_gui [--sizes 100 500 1000 2000] [--repeat 7]
        [--repaint-size 1000] [--frames 50] [--start-repeat 7] [--json OUT]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402 - the platform must be chosen before Qt loads
import gc  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSettings, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget  # noqa: E402

from benchmarks.generate_models import generate  # noqa: E402
from process_mapper.core.xmlio import read_bpmn  # noqa: E402
from process_mapper.gui.app import create_application  # noqa: E402
from process_mapper.gui.canvas import BpmnView  # noqa: E402
from process_mapper.gui.document_tab import DocumentTab  # noqa: E402
from process_mapper.gui.main_window import MainWindow  # noqa: E402
from process_mapper.gui.settings import AppSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
START_FILE = ROOT / "sample_processes" / "standard" / "STD-REM-IN.bpmn"
SIZES = (100, 500, 1000, 2000)
VIEWPORT = QSize(1600, 1000)
#: One zoom frame's change of the zoom factor.
ZOOM_STEP = 1.05

# Runs the gui command; when the main window has finished its first paint, prints "painted"
# and the CPU seconds the process has used.
_STARTUP_PROBE = """
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from process_mapper.cli.main import main
from process_mapper.gui.app import create_application
from process_mapper.gui.main_window import MainWindow

class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched.window(), MainWindow):
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print("painted", time.process_time(), flush=True)
        app.quit()

app = create_application()
probe = FirstPaint()
app.installEventFilter(probe)
sys.exit(main(["gui", *sys.argv[1:]]))
"""


class PaintWatch(QObject):
    """Counts the Paint events a widget receives.

    Parameters
    ----------
    widget
        The widget to watch.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def process_until_painted(watch: PaintWatch) -> None:
    """Process Qt's events until ``watch``'s widget has received one more Paint event."""
    painted = watch.paints
    while watch.paints == painted:
        QApplication.processEvents()


def median_p95(times: Sequence[float]) -> tuple[float, float]:
    """The median and the 95th percentile of ``times``."""
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]


class Stopwatch:
    """Wall-clock and CPU time since it was made, in milliseconds.

    The CPU time is this thread's, where Qt paints: unlike the wall-clock time, it hardly
    changes with the other work on the machine.
    """

    def __init__(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.thread_time()

    def wall_ms(self) -> float:
        """Milliseconds of wall-clock time."""
        return (time.perf_counter() - self._wall) * 1000

    def cpu_ms(self) -> float:
        """Milliseconds of this thread's CPU time."""
        return (time.thread_time() - self._cpu) * 1000


@dataclass
class OpenResult:
    """Open + first paint of one generated model; times in milliseconds (CPU: this thread's)."""

    nodes: int
    read_ms: list[float]
    load_ms: list[float]
    paint_ms: list[float]
    total_cpu_ms: list[float]

    @property
    def total_ms(self) -> list[float]:
        """Each run's time from the path to the end of the first paint."""
        return [sum(parts) for parts in zip(self.read_ms, self.load_ms, self.paint_ms, strict=True)]


@dataclass
class RepaintResult:
    """Repaint and pan frames of the canvas at one zoom; times in milliseconds (CPU: this thread's)."""

    zoom: str
    zoom_factor: float
    repaint_ms: list[float]
    repaint_cpu_ms: list[float]
    pan_ms: list[float]
    pan_cpu_ms: list[float]
    zoom_ms: list[float]
    zoom_cpu_ms: list[float]


@dataclass
class StartResult:
    """Fresh processes, from start to the line the probe prints; times in milliseconds.

    ``cpu_ms`` is the CPU time the process had used by then (user and system): unlike the
    wall-clock time, it hardly changes with the other work on the machine.
    """

    case: str
    start_ms: list[float]
    cpu_ms: list[float]


def new_window(settings_folder: Path) -> MainWindow:
    """A shown main window of the default size, with settings in ``settings_folder``."""
    settings = QSettings(str(settings_folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(settings))
    window.show()
    QApplication.processEvents()
    return window


def open_and_paint(window: MainWindow, path: Path) -> tuple[list[float], DocumentTab]:
    """Open ``path`` in a new tab of ``window`` and paint it.

    Returns
    -------
    tuple
        The milliseconds of read, load, first paint and the total's CPU time; the tab.
    """
    stopwatch = Stopwatch()
    document = read_bpmn(path)
    read = stopwatch.wall_ms()
    tab = DocumentTab(document, path, False, window.tabs)
    window.tabs.setCurrentIndex(window.tabs.addTab(tab, tab.title()))
    loaded = stopwatch.wall_ms()
    process_until_painted(PaintWatch(tab.view.viewport()))
    painted = stopwatch.wall_ms()
    return [read, loaded - read, painted - loaded, stopwatch.cpu_ms()], tab


def close_all_tabs(window: MainWindow) -> None:
    """Close every tab of ``window`` and delete the tabs now."""
    while window.tabs.count():
        window.close_tab(0)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def measure_open(window: MainWindow, path: Path, nodes: int, repeat: int) -> OpenResult:
    """Open + first paint of ``path`` (``nodes`` flow nodes), ``repeat`` runs after a warm-up."""
    result = OpenResult(nodes, [], [], [], [])
    for run in range(repeat + 1):
        gc.collect()
        times, _tab = open_and_paint(window, path)
        close_all_tabs(window)
        if run:
            all_series = (result.read_ms, result.load_ms, result.paint_ms, result.total_cpu_ms)
            for series, value in zip(all_series, times, strict=True):
                series.append(value)
    return result


def fit_viewport(window: MainWindow, viewport: QWidget, size: QSize) -> None:
    """Resize ``window`` so that ``viewport`` gets ``size``."""
    window.resize(window.size() + size - viewport.size())
    QApplication.processEvents()
    if viewport.size() != size:
        raise RuntimeError(f"the viewport is {viewport.size()}, not {size}")


def repaint_frames(viewport: QWidget, frames: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU times of ``frames`` full synchronous repaints of ``viewport``, after one warm-up."""
    viewport.repaint()
    walls, cpus = [], []
    for _ in range(frames):
        stopwatch = Stopwatch()
        viewport.repaint()
        walls.append(stopwatch.wall_ms())
        cpus.append(stopwatch.cpu_ms())
    return walls, cpus


def pan_frames(
    bars: Sequence[QScrollBar], watch: PaintWatch, step: int, frames: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU times of ``frames`` pan steps of ``step`` pixels: bars moved, uncovered part painted.

    Each bar moves towards its maximum and turns back at either end; bars with no room to
    move stay. The first step is a warm-up.
    """
    movable = [bar for bar in bars if bar.maximum() > bar.minimum()]
    directions = {id(bar): 1 for bar in movable}
    walls: list[float] = []
    cpus: list[float] = []
    for frame in range(frames + 1 if movable else 0):
        stopwatch = Stopwatch()
        for bar in movable:
            target = bar.value() + directions[id(bar)] * step
            if not bar.minimum() <= target <= bar.maximum():
                directions[id(bar)] *= -1
                target = bar.value() + directions[id(bar)] * step
            bar.setValue(target)
        process_until_painted(watch)
        if frame:
            walls.append(stopwatch.wall_ms())
            cpus.append(stopwatch.cpu_ms())
    return walls, cpus


def zoom_frames(view: BpmnView, watch: PaintWatch, frames: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU times of ``frames`` zoom steps, 5 % in and back out by turns, each painted."""
    walls, cpus = [], []
    for frame in range(frames + 1):
        stopwatch = Stopwatch()
        view.set_zoom(view.zoom() * ZOOM_STEP if frame % 2 == 0 else view.zoom() / ZOOM_STEP)
        process_until_painted(watch)
        if frame:
            walls.append(stopwatch.wall_ms())
            cpus.append(stopwatch.cpu_ms())
    return walls, cpus


def measure_repaint(window: MainWindow, path: Path, frames: int, pan_step: int) -> list[RepaintResult]:
    """Repaint and pan frames of ``path`` in a 1600 x 1000 viewport at zoom to fit and 100 %."""
    _times, tab = open_and_paint(window, path)
    viewport = tab.view.viewport()
    fit_viewport(window, viewport, VIEWPORT)
    watch = PaintWatch(viewport)
    bars = (tab.view.horizontalScrollBar(), tab.view.verticalScrollBar())
    results = []
    for zoom, apply in (("fit", tab.view.zoom_to_fit), ("100 %", tab.view.actual_size)):
        apply()
        tab.view.centerOn(tab.scene.sceneRect().center())
        QApplication.processEvents()
        factor = tab.view.zoom()
        gc.collect()
        repaint, repaint_cpu = repaint_frames(viewport, frames)
        pan, pan_cpu = pan_frames(bars, watch, pan_step, frames)
        zooming, zooming_cpu = zoom_frames(tab.view, watch, frames)
        results.append(RepaintResult(zoom, factor, repaint, repaint_cpu, pan, pan_cpu, zooming, zooming_cpu))
    close_all_tabs(window)
    return results


def time_start(
    case: str, arguments: Sequence[str], settings_folder: Path, repeat: int, probe: bool = True
) -> StartResult:
    """Time ``repeat`` fresh processes, after a warm-up, from their start to their first line.

    Parameters
    ----------
    case
        What is started, for the table.
    arguments
        The ``gui`` command's arguments (with ``probe``), else ignored.
    settings_folder
        Where the process keeps its settings.
    repeat
        Number of timed runs.
    probe
        Run the gui command with the first-paint probe; False times ``python -c pass``.
    """
    bare = "import time; print('started', time.process_time())"
    command = [sys.executable, "-c", _STARTUP_PROBE if probe else bare, *(arguments if probe else ())]
    environment = os.environ | {
        "XDG_CONFIG_HOME": os.fspath(settings_folder),
        "PYTHONPYCACHEPREFIX": os.fspath(settings_folder / "pycache"),
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    result = StartResult(case, [], [])
    for run in range(repeat + 1):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=environment)
        assert process.stdout is not None
        words = process.stdout.readline().split()
        elapsed = (time.perf_counter() - start) * 1000
        process.stdout.read()
        if process.wait() != 0 or len(words) != 2:
            raise RuntimeError(f"{case}: the process failed (exit status {process.returncode})")
        if run:
            result.start_ms.append(elapsed)
            result.cpu_ms.append(float(words[1]) * 1000)
    return result


def measure_start(settings_folder: Path, repeat: int) -> list[StartResult]:
    """App start to first paint: bare Python, the window (its library panel reading the standards), a sample open."""
    return [
        time_start("python -c (interpreter only)", (), settings_folder, repeat, probe=False),
        time_start("window", (), settings_folder, repeat),
        time_start(
            f"window, {START_FILE.name} open", [os.fspath(START_FILE)], settings_folder, repeat
        ),
    ]


def _median_p95(times: Sequence[float]) -> str:
    return "{:.1f} / {:.1f}".format(*median_p95(times))


def markdown_tables(
    opened: Sequence[OpenResult], repainted: Sequence[RepaintResult], repaint_size: int, started: Sequence[StartResult]
) -> str:
    """Render the results as the benchmark's Markdown tables, with legends."""
    lines = []
    if opened:
        lines += [
            "| nodes | open + first paint ms | CPU ms | read ms | load ms | first paint ms |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {r.nodes} | {statistics.median(r.total_ms):.1f} | {statistics.median(r.total_cpu_ms):.1f} "
            f"| {statistics.median(r.read_ms):.1f} | {statistics.median(r.load_ms):.1f} "
            f"| {statistics.median(r.paint_ms):.1f} |"
            for r in opened
        ]
        lines += [
            "",
            "Medians (the parts' medians need not add up to the total's); CPU: of the thread that "
            "opens and paints; a main window of the default size.",
            "",
        ]
    if repainted:
        lines += [
            f"| {repaint_size} nodes, 1600 x 1000 | zoom | full repaint ms | CPU ms | pan frame ms | CPU ms "
            "| zoom frame ms | CPU ms |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in repainted:
            pan = f"{_median_p95(r.pan_ms)} | {_median_p95(r.pan_cpu_ms)}" if r.pan_ms else "n/a (fits) | n/a"
            lines.append(
                f"| {r.zoom} | {r.zoom_factor:.2f} | {_median_p95(r.repaint_ms)} | {_median_p95(r.repaint_cpu_ms)} "
                f"| {pan} | {_median_p95(r.zoom_ms)} | {_median_p95(r.zoom_cpu_ms)} |"
            )
        lines += ["", "Median / 95th percentile; CPU: of the thread that paints.", ""]
    if started:
        lines += ["| start | to first paint of the main window ms | CPU ms |", "|---|---:|---:|"]
        lines += [
            f"| {r.case} | {statistics.median(r.start_ms):.0f} | {statistics.median(r.cpu_ms):.0f} |" for r in started
        ]
        lines += [
            "",
            "Medians; a fresh process each run, from its start to the end of the window's first paint; "
            "CPU: the time the process had used by then.",
        ]
    return "\n".join(lines).rstrip()


def _environment() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "platform": platform.platform(),
        "qpa": QApplication.platformName(),
        "cpus": str(os.cpu_count()),
        "load_average": " ".join(f"{load:.2f}" for load in os.getloadavg()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Benchmark opening, repainting and starting the desktop modeller.")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=list(SIZES), help="flow nodes per model to open (none: skip)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="timed opens per size (default 7)")
    parser.add_argument("--repaint-size", type=int, default=1000, help="flow nodes of the repainted model (0: skip)")
    parser.add_argument("--frames", type=int, default=50, help="timed frames per repaint measurement (default 50)")
    parser.add_argument("--pan-step", type=int, default=20, help="pixels per pan frame (default 20)")
    parser.add_argument("--start-repeat", type=int, default=7, help="timed app starts per case (0: skip; default 7)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw numbers here")
    args = parser.parse_args(argv)

    create_application()
    with tempfile.TemporaryDirectory(prefix="bench_gui_") as name:
        folder = Path(name)
        window = new_window(folder)
        paths = {}
        for nodes in sorted({*args.sizes, *([args.repaint_size] if args.repaint_size else [])}):
            paths[nodes] = folder / f"generated_{nodes}.bpmn"
            paths[nodes].write_bytes(generate(nodes))
        opened = [measure_open(window, paths[n], n, args.repeat) for n in args.sizes]
        repainted = (measure_repaint(window, paths[args.repaint_size], args.frames, args.pan_step)
                     if args.repaint_size else [])
        window.close()
        started = measure_start(folder, args.start_repeat) if args.start_repeat else []
    print(markdown_tables(opened, repainted, args.repaint_size, started))
    print(f"\n{QApplication.platformName()} platform; "
          f"load average (1, 5, 15 min) at the end: {_environment()['load_average']}")
    if args.json:
        report = {
            "environment": _environment(),
            "open": [asdict(r) | {"total_ms": r.total_ms} for r in opened],
            "repaint_nodes": args.repaint_size,
            "repaint": [asdict(r) for r in repainted],
            "start": [asdict(r) for r in started],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
