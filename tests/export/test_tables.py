"""The change list and the rollout overview as CSV and XLSX (core, no Qt drawing)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from process_mapper.core.comparison import Comparison
from process_mapper.core.diff import Category
from process_mapper.core.reports import CSV_DELIMITER, build_overview, change_list_table, write_table
from process_mapper.core.reports.change_list import HEADERS

from .conftest import LOCAL, SAMPLES, STANDARD


def test_csv_has_a_bom_semicolons_and_one_row_per_change(comparison: Comparison, tmp_path: Path) -> None:
    # Given the change list of a compared pair in Swedish
    rows = comparison.rows("sv")
    path = tmp_path / "changes.csv"

    # When it is written as CSV
    write_table([change_list_table(rows, "sv")], path)

    # Then Swedish Excel reads it: UTF-8 with a BOM, ';' between fields, å ä ö intact
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream, delimiter=CSV_DELIMITER))
    assert tuple(table[0]) == HEADERS["sv"]
    assert len(table) == 1 + len(rows)
    assert [line[4] for line in table[1:]] == [row.explanation for row in rows]
    assert table[1][6] == "Enhetschef Åsa Öberg" and table[1][7] == "2026-06-01"
    assert "Lokalt behov på mottagningen" in table[2][5]


def test_xlsx_reads_back_with_a_frozen_header_widths_and_wrapped_text(comparison: Comparison, tmp_path: Path) -> None:
    # Given the change list in English
    rows = comparison.rows("en")
    path = tmp_path / "changes.xlsx"

    # When it is written as XLSX
    write_table([change_list_table(rows, "en")], path)

    # Then openpyxl reads one row per change under a frozen, bold header
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == HEADERS["en"]
    assert len(values) == 1 + len(rows)
    assert [(v[0], v[1], v[2], v[3], v[4]) for v in values[1:]] == [
        (r.category_name, r.severity_name, r.standard_step or None, r.local_step or None, r.explanation) for r in rows]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet["E2"].alignment.wrap_text
    assert sheet.column_dimensions["E"].width == 60
    assert values[1][6] == "Enhetschef Åsa Öberg"


def test_unplaced_decisions_get_their_own_sheet(comparison: Comparison, tmp_path: Path) -> None:
    # Given a table of current changes and one of decisions without a change
    rows = comparison.rows("sv")[:3]
    tables = [change_list_table(rows, "sv"), change_list_table(rows[:1], "sv", unplaced=True)]

    # When both are written to a workbook
    write_table(tables, tmp_path / "both.xlsx")

    # Then each has its sheet
    assert load_workbook(tmp_path / "both.xlsx").sheetnames == ["Ändringar", "Beslut utan ändring"]


def test_an_unknown_suffix_is_refused(comparison: Comparison, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=".ods"):
        write_table([change_list_table(comparison.rows("sv"), "sv")], tmp_path / "changes.ods")


def test_the_overview_counts_the_units_missing_each_standard_step() -> None:
    # Given two units compared with the same standard
    units = [("A-V1", Comparison.create(STANDARD, LOCAL)),
             ("A-V2", Comparison.create(STANDARD, SAMPLES / "local" / "A-V2.bpmn"))]

    # When the overview is built
    overview = build_overview(units, "sv")

    # Then every practice step of the standard is listed once, the most missed first,
    # with exactly the units whose diff reports it missing
    practice = units[0][1].differ.standard.facts.practice_steps
    assert {step.step_id for step in overview.steps} == set(practice)
    counts = [len(step.units) for step in overview.steps]
    assert counts == sorted(counts, reverse=True)
    for step in overview.steps:
        expected = tuple(name for name, compared in units
                         if any(c.category is Category.MISSING_STEP and step.step_id in c.standard_elements
                                for c in compared.result().changes))
        assert step.units == expected
    assert [u.changes for u in overview.units] == [len(c.result().changes) for _, c in units]
    missed, unit_table = overview.tables("en")
    assert missed.header[0] == "Standard step" and len(unit_table.rows) == 2


def test_an_overview_needs_a_unit() -> None:
    with pytest.raises(ValueError):
        build_overview([], "sv")
