"""Reports that need no drawing: the change list and the rollout overview as tables (no Qt).

:mod:`.tables` writes a table to CSV (UTF-8 with a byte-order mark and ``;`` between
fields, as Swedish Excel opens it) or to XLSX (header row frozen, column widths, wrapped
text). :mod:`.change_list` turns a comparison's rows into the action plan's table, and
:mod:`.overview` sums up many units compared with one standard: which standard steps most
units miss.
"""

from .change_list import change_list_table, comparison_tables
from .overview import MissedStep, Overview, UnitSummary, build_overview
from .tables import CSV_DELIMITER, Table, write_csv, write_table, write_xlsx

__all__ = [
    "CSV_DELIMITER",
    "MissedStep",
    "Overview",
    "Table",
    "UnitSummary",
    "build_overview",
    "change_list_table",
    "comparison_tables",
    "write_csv",
    "write_table",
    "write_xlsx",
]
