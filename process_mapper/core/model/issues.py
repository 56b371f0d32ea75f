"""Findings about a document: import warnings and validation results (core layer, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; ``ERROR`` findings make ``validate`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    """One finding, addressed to a person: what is wrong and where.

    Parameters
    ----------
    code
        Stable, machine-readable kind, e.g. ``duplicate-id`` or ``dangling-reference``.
    message
        One English sentence naming the element and the problem.
    severity
        How serious it is.
    element_id
        The id of the element concerned, when there is one, so a view can select it.
    source
        Where it comes from: ``import``, ``schema`` or ``model``.
    line
        Line in the file, for schema findings.
    """

    code: str
    message: str
    severity: Severity = Severity.WARNING
    element_id: str | None = None
    source: str = "import"
    line: int | None = None

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary (the ``validate --format json`` schema)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "element_id": self.element_id,
            "source": self.source,
            "line": self.line,
        }
