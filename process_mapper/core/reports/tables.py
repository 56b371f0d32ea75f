"""Tables for spreadsheets: CSV and XLSX writers (no Qt).

CSV is written as Swedish Excel opens it by double-click: UTF-8 with a byte-order mark
(else å, ä and ö come out garbled) and ``;`` between fields (Swedish Windows uses the
comma as decimal separator, so Excel splits on ``;``). XLSX is written with openpyxl: the
header row bold and frozen, each column as wide as its :attr:`Table.widths` says, and
long text wrapped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..xmlio import atomic_write_bytes

__all__ = ["CSV_DELIMITER", "Table", "write_csv", "write_table", "write_xlsx"]

#: The field separator Swedish Excel expects.
CSV_DELIMITER = ";"
#: Excel's limit on a sheet name.
_SHEET_NAME_LENGTH = 31
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EC")


@dataclass(frozen=True)
class Table:
    """A titled table of text cells.

    Attributes
    ----------
    title : str
        The sheet's name in XLSX (cut to 31 characters).
    header : tuple of str
        The column names.
    rows : tuple of tuple of str
        The cells, as many per row as the header has.
    widths : tuple of int
        Column widths in characters, for XLSX.
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


def write_csv(table: Table, path: Path) -> None:
    """Write ``table`` as CSV: UTF-8 with BOM, ``;`` between fields, header first.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    atomic_write_bytes(path, stream.getvalue().encode("utf-8-sig"))


def write_xlsx(tables: Sequence[Table], path: Path) -> None:
    """Write each table on its own sheet of one workbook.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.title[:_SHEET_NAME_LENGTH])
        sheet.append(list(table.header))
        for row in table.rows:
            sheet.append(list(row))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
        wrapped = Alignment(wrap_text=True, vertical="top")
        for row in sheet.iter_rows(min_row=1):
            for cell in row:
                cell.alignment = wrapped
        for index, width in enumerate(table.widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    data = io.BytesIO()
    workbook.save(data)
    atomic_write_bytes(path, data.getvalue())


def write_table(tables: Sequence[Table], path: Path) -> None:
    """Write ``tables`` by the suffix of ``path``: ``.xlsx`` (one sheet each) or ``.csv`` (the first only).

    Raises
    ------
    ValueError
        When the suffix is neither.
    OSError
        When the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(tables, path)
    elif suffix == ".csv":
        write_csv(tables[0], path)
    else:
        raise ValueError(f"no table format for {suffix or 'a file without suffix'}")
