"""Generator of the sample processes in ``sample_processes/`` (regional standards and local variants).

Each process is a small declarative :class:`~.spec.ProcessSpec` (in :mod:`.standards`
and :mod:`.variants`); :mod:`.builder` turns it into BPMN model records with full
diagram interchange, laid out by :mod:`.layout`. Regenerate everything with
``python -m tools.sample_processes``.
"""

from __future__ import annotations

import json
from pathlib import Path

from process_mapper.core.xmlio import to_bytes

from .builder import build, build_with_layout
from .spec import ProcessSpec

#: ``sample_processes/`` in the repository.
ROOT = Path(__file__).resolve().parents[2] / "sample_processes"


def all_specs() -> list[ProcessSpec]:
    """Every sample process: the standards first, then the local variants."""
    from .standards import STANDARDS
    from .variants import VARIANTS

    return [*STANDARDS, *VARIANTS]


def render_bpmn(spec: ProcessSpec) -> bytes:
    """The BPMN file content of ``spec``."""
    return to_bytes(build(spec))


def expected_json(spec: ProcessSpec) -> bytes:
    """The ``<name>.expected.json`` content of a local variant."""
    data = {
        "standard": spec.standard,
        "changes": [
            {
                "category": c.category,
                "standard_elements": c.standard_elements,
                "local_elements": c.local_elements,
                "note": c.note,
            }
            for c in spec.changes
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


__all__ = ["ROOT", "all_specs", "build", "build_with_layout", "expected_json", "render_bpmn"]
