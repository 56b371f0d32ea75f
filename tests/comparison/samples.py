"""The sample pairs of ``sample_processes/``: each local variant with the standard its
``<name>.expected.json`` names, and copies of them where a test may edit or move files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "sample_processes"
#: Names of the local variants (``A-V1`` ...).
PAIRS = sorted(path.name.removesuffix(".expected.json") for path in (SAMPLES / "local").glob("*.expected.json"))


def pair_paths(name: str) -> tuple[Path, Path]:
    """The standard and the local file of a sample pair, in the repository (read only)."""
    standard = json.loads((SAMPLES / "local" / f"{name}.expected.json").read_text(encoding="utf-8"))["standard"]
    return SAMPLES / "standard" / f"{standard}.bpmn", SAMPLES / "local" / f"{name}.bpmn"


def copy_pair(name: str, folder: Path) -> tuple[Path, Path]:
    """Copies of a sample pair's files in ``folder/standard`` and ``folder/local``."""
    copies = []
    for source, part in zip(pair_paths(name), ("standard", "local"), strict=True):
        (folder / part).mkdir(parents=True, exist_ok=True)
        copies.append(Path(shutil.copy(source, folder / part / source.name)))
    return copies[0], copies[1]
