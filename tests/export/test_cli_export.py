"""``process-mapper export`` and ``report`` run as real processes, without a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from process_mapper.core.comparison import Comparison, Decision, save_comparison
from tests.cli.test_cli import assert_one_line_failure, run_cli

from .conftest import A3_POINTS, LOCAL, REPO_ROOT, SAMPLES, STANDARD, page_points, pdf_info, pdf_text, squeezed


def headless() -> dict[str, str]:
    """This process's environment without any display, importing this checkout's package."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def test_export_writes_a_tiled_a3_pdf_without_a_display(tmp_path: Path) -> None:
    # When the standard is exported as an A3 poster with a title of our own
    result = run_cli("export", STANDARD, "-o", "poster.pdf", "--page", "A3", "--orientation", "landscape",
                     "--tile", "--scale", "150", "--title", "Remissflöde för väggen", cwd=tmp_path, env=headless())

    # Then it succeeds silently with several A3 pages carrying that title
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    path = tmp_path / "poster.pdf"
    assert int(pdf_info(path)["Pages"]) > 1
    assert page_points(path) == (A3_POINTS[1], A3_POINTS[0])
    assert squeezed("Remissflöde för väggen") in squeezed(pdf_text(path))


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_export_writes_pictures(tmp_path: Path, suffix: str) -> None:
    result = run_cli("export", LOCAL, "-o", f"local{suffix}", "--dpi", "120", "--transparent", cwd=tmp_path,
                     env=headless())
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"local{suffix}"
    if suffix == ".svg":
        assert etree.parse(str(path)).getroot().tag.endswith("svg")
    else:
        assert path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "out.jpg"], "give OUT the suffix .pdf, .svg or .png"),
    (["-o", "missing/out.pdf"], "the folder does not exist"),
    (["-o", "out.pdf", "--tile", "--overlap", "200"], "overlap"),
    (["-o", "out.png", "--dpi", "0"], "--dpi must be positive"),
])
def test_export_refuses_bad_options_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("export", STANDARD, *args, cwd=tmp_path, env=headless())
    assert_one_line_failure(result)
    assert message in result.stderr


def test_export_of_an_unreadable_file_fails_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.bpmn").write_bytes(b"")
    assert_one_line_failure(run_cli("export", "empty.bpmn", "-o", "out.pdf", cwd=tmp_path, env=headless()))


def test_report_writes_the_change_list_with_the_decisions_of_a_comparison_file(tmp_path: Path) -> None:
    # Given a comparison file with one decision
    comparison = Comparison.create(STANDARD, LOCAL)
    change = comparison.ordered_changes()[0]
    comparison.decide(change.id, Decision.INVESTIGATE, owner="Kvalitetssamordnare Öst")
    save_comparison(comparison, tmp_path / "A-V1.pmcompare")

    # When the report is written as XLSX and CSV with that file
    for name in ("changes.xlsx", "changes.csv"):
        result = run_cli("report", STANDARD, LOCAL, "-o", name, "--comparison", "A-V1.pmcompare", "--lang", "en",
                         cwd=tmp_path, env=headless())
        assert result.returncode == 0, result.stderr

    # Then one row per change, the decision included
    rows = list(load_workbook(tmp_path / "changes.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 1 + len(comparison.result().changes)
    assert rows[1][5] == "Investigate" and rows[1][6] == "Kvalitetssamordnare Öst"
    assert "Kvalitetssamordnare Öst" in (tmp_path / "changes.csv").read_text(encoding="utf-8-sig")


def test_report_writes_the_pdf(tmp_path: Path) -> None:
    result = run_cli("report", STANDARD, LOCAL, "-o", "report.pdf", cwd=tmp_path, env=headless())
    assert result.returncode == 0, result.stderr
    assert squeezed("Ändringslista") in squeezed(pdf_text(tmp_path / "report.pdf"))


def test_report_over_a_folder_writes_one_report_per_unit_and_the_overview(tmp_path: Path) -> None:
    # Given a folder with two units of the same standard
    folder = tmp_path / "units"
    folder.mkdir()
    for name in ("A-V1", "A-V2"):
        (folder / f"{name}.bpmn").write_bytes((SAMPLES / "local" / f"{name}.bpmn").read_bytes())

    # When the batch runs
    result = run_cli("report", STANDARD, folder, "-o", "out", "--format", "xlsx", cwd=tmp_path, env=headless())

    # Then each unit has its change list and the overview is there in three formats
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "A-V1.xlsx", "A-V2.xlsx", "overview.csv", "overview.pdf", "overview.xlsx"]
    missed = list(load_workbook(out / "overview.xlsx")["Saknade steg"].iter_rows(values_only=True))
    assert missed[0][0] == "Standardsteg" and len(missed) > 1


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "report.docx"], "give OUT the suffix .pdf, .csv or .xlsx"),
    (["-o", "report.pdf", "--comparison", "missing.pmcompare"], "missing.pmcompare"),
])
def test_report_refuses_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("report", STANDARD, LOCAL, *args, cwd=tmp_path, env=headless())
    assert_one_line_failure(result)
    assert message in result.stderr


def test_report_of_an_unreadable_local_fails_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.bpmn").write_bytes(b"")
    assert_one_line_failure(run_cli("report", STANDARD, "empty.bpmn", "-o", "r.csv", cwd=tmp_path, env=headless()))
