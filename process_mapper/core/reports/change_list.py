"""The change list as a table for action planning: one row per change (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence

from ..comparison import ChangeRow, Comparison, Decision
from .tables import Table

__all__ = ["HEADERS", "change_list_table", "comparison_tables"]

#: The column names per language, in the order of the cells.
HEADERS = {
    "sv": ("Kategori", "Allvarlighet", "Standardsteg", "Lokalt steg", "Förklaring", "Beslut",
           "Ansvarig", "Klart senast", "Kommentar"),
    "en": ("Category", "Severity", "Standard step", "Local step", "Explanation", "Decision",
           "Owner", "Due date", "Comment"),
}
TITLES = {"sv": "Ändringar", "en": "Changes"}
UNPLACED_TITLES = {"sv": "Beslut utan ändring", "en": "Unplaced decisions"}
_WIDTHS = (22, 14, 30, 30, 60, 28, 18, 12, 40)


def _cells(row: ChangeRow) -> tuple[str, ...]:
    decision = row.decision_name
    if row.decision is Decision.KEEP and row.justification:
        decision = f"{decision}: {row.justification}"
    return (row.category_name, row.severity_name, row.standard_step, row.local_step, row.explanation,
            decision, row.owner, row.due_date.isoformat() if row.due_date else "", row.comment)


def change_list_table(rows: Sequence[ChangeRow], language: str, *, unplaced: bool = False) -> Table:
    """The change list: a header and one row per change.

    Parameters
    ----------
    rows
        :meth:`~process_mapper.core.comparison.Comparison.rows` (or ``unplaced_rows``) in ``language``.
    language
        ``"sv"`` or ``"en"``: the header and the sheet's title.
    unplaced
        The rows are decisions whose change is no longer in the comparison (another title).
    """
    title = (UNPLACED_TITLES if unplaced else TITLES)[language]
    return Table(title, HEADERS[language], tuple(_cells(row) for row in rows), _WIDTHS)


def comparison_tables(comparison: Comparison, language: str) -> list[Table]:
    """The change list of ``comparison`` with its decisions, and the decisions that cannot be placed (if any).

    :func:`~.tables.write_table` writes both to XLSX (a sheet each), the change list alone to CSV.
    """
    tables = [change_list_table(comparison.rows(language), language)]
    unplaced = comparison.unplaced_rows(language)
    if unplaced:
        tables.append(change_list_table(unplaced, language, unplaced=True))
    return tables
