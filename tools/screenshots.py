"""Take the README's screenshots again from the real windows, without a display.

``python -m tools.screenshots [--out docs/screenshots] [--language sv]`` starts Qt on the
offscreen platform with one 1600 x 1000 screen (so that workshop mode's full screen has the
size of a wall screen), opens the sample processes and grabs:

- ``main-window.png``: the main window with the standard STD-REM-IN open, a step selected
  and its properties shown;
- ``compare-window.png``: the compare window of STD-REM-IN against the local variant A-V1;
- ``workshop-mode.png``: the same comparison in workshop mode on the fourth change;
- ``report-page.png``: the comparison report's page with the local process, its marks and
  legend (the PDF written as ``process-mapper report`` writes it, the page rendered with
  poppler's ``pdftoppm``).

Run it after a change to the windows or the diff engine and look at the images.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_processes"
SCREEN = {"name": "wall", "x": 0, "y": 0, "width": 1600, "height": 1000,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
WINDOW_SIZE = (1600, 1000)
SELECTED_STEP = "A_T02"
WORKSHOP_CHANGE = 4
REPORT_PAGE = 3  # the local process with its marks
REPORT_DPI = 110


def _use_offscreen_wall_screen(folder: Path) -> None:
    """Make Qt start on the offscreen platform with one screen of :data:`SCREEN`'s size."""
    config = folder / "offscreen-screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def take(out: Path, language: str) -> list[Path]:
    """Grab the README screenshots into ``out``; returns the files written."""
    from PySide6.QtCore import QSettings

    from process_mapper.core.comparison import Comparison
    from process_mapper.gui.app import create_application
    from process_mapper.gui.compare import CompareWindow
    from process_mapper.gui.export.report import write_comparison_report
    from process_mapper.gui.i18n import install_translators
    from process_mapper.gui.main_window import MainWindow
    from process_mapper.gui.settings import AppSettings

    app = create_application(["process-mapper"])
    translators = install_translators(app, language)
    scratch = Path(tempfile.mkdtemp(prefix="pm-screens-"))
    settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat), scratch)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    window = MainWindow(settings, SAMPLES / "standard")
    window.resize(*WINDOW_SIZE)
    window.show()
    while window.library_dock.is_reading():  # the folders are read on a worker thread
        app.processEvents()
        time.sleep(0.01)
    tab = window.open_file(SAMPLES / "standard" / "STD-REM-IN.bpmn")
    _settle(app)
    if tab is not None:
        tab.view.set_zoom(0.6)
        tab.reveal(SELECTED_STEP)
    _settle(app)
    written.append(_save(window.grab(), out / "main-window.png"))

    comparison = Comparison.create(SAMPLES / "standard" / "STD-REM-IN.bpmn", SAMPLES / "local" / "A-V1.bpmn")
    compare = CompareWindow(comparison)
    compare.resize(*WINDOW_SIZE)
    compare.show()
    _settle(app)
    compare.step(1)
    _settle(app)
    written.append(_save(compare.grab(), out / "compare-window.png"))

    compare.set_workshop_mode(True)
    for _ in range(WORKSHOP_CHANGE - 1):
        compare.step(1)
    _settle(app)
    written.append(_save(compare.grab(), out / "workshop-mode.png"))

    compare.set_workshop_mode(False)
    compare.close()
    window.close()

    report = scratch / "report.pdf"
    write_comparison_report(comparison, report, language)
    written.append(_render_pdf_page(report, REPORT_PAGE, out / "report-page.png"))
    del translators
    return written


def _save(pixmap: object, path: Path) -> Path:
    if not pixmap.save(str(path)):  # type: ignore[attr-defined]
        raise OSError(f"could not write {path}")
    return path


def _render_pdf_page(pdf: Path, page: int, path: Path) -> Path:
    """Render one page of ``pdf`` to the PNG ``path`` with poppler's ``pdftoppm``."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise OSError("pdftoppm (poppler-utils) is needed to render the report page")
    stem = path.with_suffix("")
    subprocess.run([pdftoppm, "-png", "-r", str(REPORT_DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder to write to")
    parser.add_argument("--language", choices=("sv", "en"), default="sv", help="interface language")
    args = parser.parse_args(argv)
    _use_offscreen_wall_screen(Path(tempfile.mkdtemp(prefix="pm-screen-")))
    for path in take(args.out, args.language):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
