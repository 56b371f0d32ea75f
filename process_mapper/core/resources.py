"""Where the application's data files live (core layer, no Qt)."""

from __future__ import annotations

import os
from pathlib import Path

#: ``resources/`` beside the package in a source checkout or editable install;
#: ``PROCESS_MAPPER_RESOURCES`` overrides it (for packaged builds).
RESOURCES_DIR = Path(os.environ.get("PROCESS_MAPPER_RESOURCES", Path(__file__).resolve().parents[2] / "resources"))


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file, e.g. ``resource_path("xsd", "BPMN20.xsd")``."""
    return RESOURCES_DIR.joinpath(*parts)
