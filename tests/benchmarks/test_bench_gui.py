"""The GUI benchmark runs end to end at a tiny size (its figures are not checked here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import bench_gui


def test_open_and_repaint_run_on_a_tiny_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given
    report = tmp_path / "gui.json"
    # when
    status = bench_gui.main(
        ["--sizes", "10", "--repeat", "2", "--repaint-size", "10", "--frames", "2", "--start-repeat", "0", "--json", str(report)]
    )
    # then
    assert status == 0
    printed = capsys.readouterr().out
    assert "| 10 |" in printed and "| fit |" in printed and "| 100 % |" in printed
    numbers = json.loads(report.read_text(encoding="utf-8"))
    (opened,) = numbers["open"]
    assert len(opened["total_ms"]) == 2 and all(ms > 0 for ms in opened["total_ms"])
    fit, actual = numbers["repaint"]
    assert actual["zoom_factor"] == 1.0
    for row in (fit, actual):
        assert len(row["repaint_ms"]) == 2 and len(row["zoom_ms"]) == 2
    assert numbers["start"] == []


def test_start_probe_sees_the_first_paint_of_the_window(tmp_path: Path) -> None:
    # given a fresh process starting the gui command with the sample library
    arguments = ["--library", str(bench_gui.LIBRARY)]
    # when
    result = bench_gui.time_start("window", arguments, tmp_path, repeat=1)
    # then its probe reported the first paint, with the CPU time used until then
    assert len(result.start_ms) == len(result.cpu_ms) == 1
    assert result.start_ms[0] > 0 and result.cpu_ms[0] > 0
