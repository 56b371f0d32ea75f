"""The comparison report and the rollout overview as PDF, read back with poppler."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from process_mapper.core.comparison import Comparison, Decision, WorkshopDecision, read_side
from process_mapper.core.reports import build_overview
from process_mapper.gui.export import write_comparison_report, write_overview_report
from process_mapper.gui.export.report import TEXT

from .conftest import (
    A3_POINTS,
    A4_POINTS,
    LOCAL,
    SAMPLES,
    STANDARD,
    ink_variance,
    page_points,
    pdf_fonts,
    pdf_info,
    pdf_text,
    rendered_pages,
    squeezed,
)

DAY = date(2026, 3, 14)


def test_the_report_holds_cover_diagrams_and_every_change_with_its_decision(
        qapp: QApplication, comparison: Comparison, tmp_path: Path) -> None:
    # Given A-V1 compared with STD-REM-IN, two changes decided
    path = tmp_path / "report.pdf"

    # When the report is written in Swedish
    pages = write_comparison_report(comparison, path, "sv", day=DAY)

    # Then poppler finds the cover, every step label of both diagrams, every change's
    # explanation and the decisions, with å ä ö intact and the fonts embedded
    assert int(pdf_info(path)["Pages"]) == pages >= 4
    assert page_points(path) == (A4_POINTS[1], A4_POINTS[0])
    text = squeezed(pdf_text(path))
    for phrase in ("Jämförelse med regional standard", "Inkommande remiss, handläggning", "version 1.0",
                   "Pappersintag, veckovis remissgenomgång", "version 0.3", "2026-03-14",
                   "Enhetschef Åsa Öberg", "2026-06-01", "Lokalt behov på mottagningen", "Införs med e-remiss"):
        assert squeezed(phrase) in text, phrase
    for graph in (comparison.differ.standard.graph, comparison.differ.local.graph):
        assert not [s.label for s in graph.steps.values() if s.label and squeezed(s.label) not in text]
    rows = comparison.rows("sv")
    assert not [row.explanation for row in rows if squeezed(row.explanation) not in text]
    assert all(squeezed(row.category_name) in text for row in rows)
    assert all(row[-5] == "yes" for row in pdf_fonts(path))


def test_open_decisions_are_flagged_once_each(qapp: QApplication, comparison: Comparison, tmp_path: Path) -> None:
    # When the report is written
    path = tmp_path / "report.pdf"
    write_comparison_report(comparison, path, "sv")

    # Then each open decision is flagged in the list, and the cover counts them
    text = pdf_text(path)
    open_count = comparison.summary().open_decisions
    assert text.count(TEXT["sv"]["open"]) == open_count
    assert f"{open_count} beslut återstår" in " ".join(text.split())


def test_the_pages_are_drawn_and_the_diagram_pages_are_not_blank(
        qapp: QApplication, comparison: Comparison, tmp_path: Path) -> None:
    # When the report is rendered to PNG page by page
    path = tmp_path / "report.pdf"
    write_comparison_report(comparison, path, "en", paper="A3")

    # Then it is on A3 landscape and every page has ink, the diagram pages most of all
    assert page_points(path) == (A3_POINTS[1], A3_POINTS[0])
    variances = [ink_variance(png) for png in rendered_pages(path, tmp_path, dpi=30)]
    assert all(v > 20 for v in variances)
    text = squeezed(pdf_text(path))
    assert squeezed("Comparison with the regional standard") in text and squeezed("Change list") in text
    assert squeezed("Step to drop or justify") in text  # the legend


def test_the_overview_report_lists_the_units_and_the_missed_steps(qapp: QApplication, tmp_path: Path) -> None:
    # Given two units against the same standard
    units = [(name, Comparison.create(STANDARD, SAMPLES / "local" / f"{name}.bpmn")) for name in ("A-V1", "A-V2")]
    overview = build_overview(units, "sv")
    path = tmp_path / "overview.pdf"

    # When the overview is written
    write_overview_report(overview, path, "sv", day=DAY)

    # Then every unit and every standard step is in it
    text = squeezed(pdf_text(path))
    assert squeezed("A-V1") in text and squeezed("A-V2") in text
    assert not [step.label for step in overview.steps if squeezed(step.label) not in text]
    assert LOCAL.stem in pdf_text(path)


def test_decisions_whose_change_is_gone_are_reported_apart(qapp: QApplication, tmp_path: Path) -> None:
    # Given a comparison holding a decision on a change the current diff no longer has
    change = Comparison.create(STANDARD, LOCAL).ordered_changes()[0]
    gone = replace(WorkshopDecision.on(change, Decision.INVESTIGATE, datetime(2026, 2, 1, tzinfo=UTC),
                                       owner="Verksamhetsutvecklare Märta"), change_id="borttagen-ändring")
    comparison = Comparison(read_side(STANDARD, "standard"), read_side(LOCAL, "local"), decisions=[gone])
    path = tmp_path / "report.pdf"

    # When the report is written in English
    write_comparison_report(comparison, path, "en")

    # Then the cover counts it and a section at the end lists it with its owner
    text = pdf_text(path)
    assert "1 decisions concern changes that no longer exist" in " ".join(text.split())
    tail = squeezed(text.split("Decisions whose change no longer exists")[-1])
    assert squeezed("Verksamhetsutvecklare Märta") in tail and squeezed(change.summary["en"]) in tail
