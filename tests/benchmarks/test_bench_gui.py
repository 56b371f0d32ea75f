"""The GUI benchmark runs end to end at a tiny size (its figures are not checked here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import bench_gui

ROOT = Path(__file__).resolve().parents[2]


def test_open_and_repaint_run_on_a_tiny_model(tmp_path: Path) -> None:
    # given the documented command, in a process of its own (its own Qt application)
    report = tmp_path / "gui.json"
    command = [sys.executable, "-m", "benchmarks.bench_gui", "--sizes", "10", "--repeat", "2", "--repaint-size", "10",
               "--frames", "2", "--start-repeat", "0", "--json", str(report)]
    # when
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environment)
    # then
    assert run.returncode == 0, run.stderr
    assert "| 10 |" in run.stdout and "| fit |" in run.stdout and "| 100 % |" in run.stdout
    numbers = json.loads(report.read_text(encoding="utf-8"))
    (opened,) = numbers["open"]
    assert len(opened["total_ms"]) == 2 and all(ms > 0 for ms in opened["total_ms"])
    fit, actual = numbers["repaint"]
    assert actual["zoom_factor"] == 1.0
    for row in (fit, actual):
        assert len(row["repaint_ms"]) == 2 and len(row["zoom_ms"]) == 2
    assert numbers["start"] == []


def test_start_probe_sees_the_first_paint_of_the_window(tmp_path: Path) -> None:
    # given a fresh process starting the gui command with a sample open, as start-app.sh would
    arguments = [str(bench_gui.START_FILE)]
    # when
    result = bench_gui.time_start("window", arguments, tmp_path, repeat=1)
    # then its probe reported the first paint, with the CPU time used until then
    assert len(result.start_ms) == len(result.cpu_ms) == 1
    assert result.start_ms[0] > 0 and result.cpu_ms[0] > 0
