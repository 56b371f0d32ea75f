"""Run bpmn-moddle, the reference JavaScript BPMN reader, from the Python tests.

The Node.js side lives in ``tests/node``: ``moddle_check.mjs`` parses files with
``BpmnModdle.fromXML`` and prints one JSON verdict per file. Tests that need it should
carry both marks::

    from tests.core.node_support import moddle_check, requires_moddle

    @pytest.mark.node
    @requires_moddle
    def test_export_parses_in_bpmn_moddle(tmp_path): ...
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
CHECK_SCRIPT = NODE_DIR / "moddle_check.mjs"


def moddle_available() -> bool:
    """Tell whether bpmn-moddle can be run here.

    Returns
    -------
    bool
        True when ``node`` is on PATH and ``tests/node/node_modules/bpmn-moddle`` is
        installed (``npm ci`` in ``tests/node``).
    """
    return shutil.which("node") is not None and (NODE_DIR / "node_modules" / "bpmn-moddle").is_dir()


requires_moddle = pytest.mark.skipif(
    not moddle_available(), reason="needs node and `npm ci` in tests/node"
)


def moddle_check(
    paths: Iterable[str | os.PathLike[str]], timeout: float = 600
) -> list[dict[str, Any]]:
    """Parse files with bpmn-moddle, all in one Node.js process.

    Parameters
    ----------
    paths
        The BPMN files to parse.
    timeout
        Seconds to allow the whole batch.

    Returns
    -------
    list of dict
        One verdict per path, in order, each with the keys ``file`` (the path as given),
        ``ok`` (fromXML resolved), ``warnings`` (list of messages), ``error`` (message or
        None) and ``root`` (type of the root element, such as ``"bpmn:Definitions"``, or
        None).

    Raises
    ------
    RuntimeError
        If the Node.js process fails or does not answer for every path.
    """
    files = [os.fspath(path) for path in paths]
    if not files:
        return []
    proc = subprocess.run(
        ["node", os.fspath(CHECK_SCRIPT)],
        input="\n".join(files) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    verdicts = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or len(verdicts) != len(files):
        raise RuntimeError(
            f"{CHECK_SCRIPT.name} exited with {proc.returncode} after {len(verdicts)} of "
            f"{len(files)} files: {proc.stderr.strip()}"
        )
    return verdicts
