"""Shared fixtures: where the read-only test corpora live.

The BPMN MIWG corpus is not part of the repository. Locally and in CI it sits in
``../shared/corpora/bpmn-miwg`` next to the repository root; tests that need it skip
with a reason when it is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

#: ``<repo>/../shared/corpora/bpmn-miwg`` (read-only; see its README.md and MANIFEST.tsv).
MIWG_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bpmn-miwg"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The MIWG corpus folder; skips the test when the corpus is not there."""
    if not (MIWG_DIR / "MANIFEST.tsv").is_file():
        pytest.skip(f"BPMN MIWG corpus not found at {MIWG_DIR}")
    return MIWG_DIR


@pytest.fixture(scope="session")
def corpus_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """MANIFEST.tsv rows by path relative to the corpus folder (``reference/A.1.0.bpmn``).

    Each row is a dict with the header's keys: ``staged_path``, ``upstream_path``,
    ``git_blob``, ``bytes``, ``sha256``, ``well_formed`` and ``xsd_valid`` (``yes``/``no``).
    """
    prefix = corpus_dir.name + "/"
    rows: dict[str, dict[str, str]] = {}
    with open(corpus_dir / "MANIFEST.tsv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            staged = row["staged_path"]
            rows[staged[len(prefix):] if staged.startswith(prefix) else staged] = row
    return rows
