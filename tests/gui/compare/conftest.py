"""Fixtures of the compare window tests: the sample pairs, a window on one, no modal questions."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.comparison import Comparison
from process_mapper.gui.compare import CompareWindow

from ..conftest import SAMPLES


def sample_pairs() -> list[tuple[str, Path, Path]]:
    """(name, standard, local) for every local sample, with the standard its expected file names."""
    pairs = []
    for expected in sorted((SAMPLES / "local").glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        standard = json.loads(expected.read_text(encoding="utf-8"))["standard"]
        pairs.append((name, SAMPLES / "standard" / f"{standard}.bpmn", SAMPLES / "local" / f"{name}.bpmn"))
    return pairs


def expected_changes(name: str) -> list[dict[str, object]]:
    """The changes a local sample's expected file lists."""
    path = SAMPLES / "local" / f"{name}.expected.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["changes"])


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers every question box with Discard (closing unsaved windows) and records its title."""
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def copied_pair(tmp_path: Path) -> tuple[Path, Path]:
    """STD-REM-IN and A-V1 copied to a temporary folder, free to be edited underneath."""
    standard = shutil.copy(SAMPLES / "standard" / "STD-REM-IN.bpmn", tmp_path / "STD-REM-IN.bpmn")
    local = shutil.copy(SAMPLES / "local" / "A-V1.bpmn", tmp_path / "A-V1.bpmn")
    return Path(standard), Path(local)


@pytest.fixture
def open_window(qtbot: QtBot) -> Callable[[Comparison], CompareWindow]:
    """Shows a compare window on a comparison, closed after the test."""

    def show(comparison: Comparison) -> CompareWindow:
        window = CompareWindow(comparison)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return show
