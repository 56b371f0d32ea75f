"""Comparisons of a local process with its regional standard, for the compare view and workshops (no Qt).

A :class:`Comparison` is one session: the two files and their identities, the user's links
and unlinks that correct the matcher, and the workshop decisions per change, with the
current diff (recomputed on every link) in process order and as :class:`ChangeRow` rows
for the interface and the reports. :func:`save_comparison` and :func:`load_comparison`
keep it in a comparison file (``docs/comparison-file.md``), which reopens as it was and,
when a BPMN file changed since, keeps what no longer fits as unplaced rather than dropping it.
"""

from .decisions import DECISION_NAMES, Decision, WorkshopDecision
from .errors import ComparisonFileError, Side
from .fileformat import (
    FORMAT,
    SUFFIX,
    VERSION,
    load_comparison,
    record_from_json,
    record_to_json,
    save_comparison,
)
from .identity import FileIdentity, read_side
from .order import flow_order, in_process_order
from .rows import CATEGORY_NAMES, SEVERITY_NAMES, ChangeRow, ElementNamer
from .session import Comparison, ComparisonRecord, ComparisonSummary, FileStatus, Link

__all__ = [
    "CATEGORY_NAMES",
    "DECISION_NAMES",
    "FORMAT",
    "SEVERITY_NAMES",
    "SUFFIX",
    "VERSION",
    "ChangeRow",
    "Comparison",
    "ComparisonFileError",
    "ComparisonRecord",
    "ComparisonSummary",
    "Decision",
    "ElementNamer",
    "FileIdentity",
    "FileStatus",
    "Link",
    "Side",
    "WorkshopDecision",
    "flow_order",
    "in_process_order",
    "load_comparison",
    "read_side",
    "record_from_json",
    "record_to_json",
    "save_comparison",
]
