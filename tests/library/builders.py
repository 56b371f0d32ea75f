"""Small standard-process files for the library tests, and where the shipped samples are."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from process_mapper.core.library import SHIPPED_STANDARDS_DIR
from process_mapper.core.model.extensions import ProcessMetadata, set_metadata
from process_mapper.core.xmlio import write_bpmn
from tests.diff.models import chain

LOCAL_DIR = Path(__file__).resolve().parents[2] / "sample_processes" / "local"
LABELS = ("Ankomstregistrera remiss", "Bedöma och prioritera remiss", "Skicka remissbekräftelse")
#: Truncated XML: a file that cannot be read as BPMN.
BROKEN = b'<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">\n<process'


def write_standard(
    path: Path,
    labels: Sequence[str] = LABELS,
    *,
    process_name: str = "",
    **fields: str,
) -> Path:
    """Write a chain of ``labels`` to ``path``, with a metadata block when ``fields`` are given.

    ``fields`` are :class:`ProcessMetadata` fields (identifier, version, valid_from, ...).
    """
    document = chain(list(labels))
    process = document.processes[0]
    process.name = process_name or None
    if fields:
        set_metadata(process, ProcessMetadata(**fields))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bpmn(document, path)
    return path


def shipped_standards() -> Path:
    """The shipped standards folder; skips the test while it holds no standard yet."""
    if not sorted(SHIPPED_STANDARDS_DIR.glob("*.bpmn")):
        pytest.skip(f"no standard processes in {SHIPPED_STANDARDS_DIR} yet (sample_processes/standard/ is generated)")
    return SHIPPED_STANDARDS_DIR


def local_variants() -> list[Path]:
    """The shipped local variants that name their standard in ``<name>.expected.json``."""
    return sorted(p for p in LOCAL_DIR.glob("*.bpmn") if p.with_name(f"{p.stem}.expected.json").is_file())


def expected_standard(local: Path) -> str:
    """The identifier of the standard a local variant is a variant of."""
    data = json.loads(local.with_name(f"{local.stem}.expected.json").read_text(encoding="utf-8"))
    return str(data["standard"])


def with_new_ids(text: str) -> str:
    """BPMN text with every id (and every reference to it) prefixed by ``LOC_``."""
    ids = sorted(set(re.findall(r'\bid="([^"]+)"', text)), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    return pattern.sub(lambda found: f"LOC_{found.group(1)}", text)
