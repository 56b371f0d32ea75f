"""``process-mapper gui``: its command line, and that the rest of the CLI needs no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from process_mapper.cli import main as cli_main
from process_mapper.gui import app as gui_app


def test_gui_passes_files_library_and_language_to_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = []
    monkeypatch.setattr(gui_app, "run_app", lambda *args: calls.append(args) or 0)
    status = cli_main.main(["gui", "a.bpmn", "b.bpmn", "--library", str(tmp_path), "--lang", "sv"])
    assert status == 0
    assert calls == [([Path("a.bpmn"), Path("b.bpmn")], tmp_path, "sv")]


def test_gui_refuses_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli_main.main(["gui", "--lang", "fi"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_command_line_loads_without_qt(tmp_path: Path) -> None:
    """``--help`` of every command works with PySide6 unavailable: Qt loads only in ``gui``."""
    code = (
        "import sys\n"
        "for name in ('PySide6', 'shiboken6'): sys.modules[name] = None\n"
        "from process_mapper.cli.main import main\n"
        "try:\n    main(['gui', '--help'])\nexcept SystemExit as stop:\n    sys.exit(stop.code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--library" in result.stdout


def test_gui_without_pyside_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "for name in ('PySide6', 'shiboken6'): sys.modules[name] = None\n"
        "from process_mapper.cli.main import main\n"
        "sys.exit(main(['gui']))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "pip install" in result.stderr and "Traceback" not in result.stderr
