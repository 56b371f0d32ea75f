"""The comparison report and the rollout overview as PDF (gui layer).

A comparison report is what leaves a workshop: a cover with the two processes, their
versions and the date, the counts per category and severity and the open decisions; both
diagrams with the difference marks (colour and symbol, :mod:`..marks`) and a legend; and
the change list with each explanation and the workshop's decision, owner, due date and
comment, open decisions flagged in red. The overview sums up a batch of units compared
with one standard. Pages are A4 or A3 landscape; text is real text in embedded fonts.
:func:`paint_comparison_report` draws the report on any paged device, so that printing
(a ``QPrinter``) and the PDF (:func:`write_comparison_report`) share the layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Self

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from ...core.comparison import (
    CATEGORY_NAMES,
    SEVERITY_NAMES,
    ChangeRow,
    Comparison,
    FileIdentity,
)
from ...core.diff import Category, ChangeSeverity
from ...core.reports import Overview
from ..marks import MARK_NAMES, Mark, element_marks, mark_of, paint_badge
from .diagram import (
    PDF_RESOLUTION,
    commit,
    diagram_scene,
    fitted,
    output_buffer,
    paint_scene,
)
from .pages import MM_PER_INCH
from .title_block import report_font

__all__ = ["paint_comparison_report", "report_title", "write_comparison_report", "write_overview_report"]

TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Jämförelse med regional standard", "overview": "Översikt: enheter mot standarden",
        "standard": "Standard", "local": "Lokal process", "version": "version", "date": "Datum",
        "file": "Fil", "matched": "{matched} av {total} standardsteg har en motsvarighet i den lokala processen.",
        "changes": "{n} ändringar, varav {must} måste ändras. {open} beslut återstår.",
        "counts": "Ändringar per kategori och allvarlighet", "category": "Kategori", "total": "Totalt",
        "diagram_standard": "Standardprocessen: {name}", "diagram_local": "Lokal process: {name}",
        "list": "Ändringslista", "unplaced": "Beslut vars ändring inte längre finns",
        "unplaced_count": "{n} beslut gäller ändringar som inte längre finns; de listas sist.",
        "files_changed": "Filerna har ändrats sedan jämförelsen sparades: {files}.",
        "no_diagram": "Filen har inget diagram att visa.", "page": "Sida {n}", "open": "EJ BESLUTAD",
        "owner": "Ansvarig", "due": "Klart senast", "comment": "Kommentar", "justification": "Motivering",
        "unchanged": "Oförändrat steg", "steps": "Saknade standardsteg, flest enheter först", "units": "Enheter",
    },
    "en": {
        "title": "Comparison with the regional standard", "overview": "Overview: units against the standard",
        "standard": "Standard", "local": "Local process", "version": "version", "date": "Date",
        "file": "File", "matched": "{matched} of {total} standard steps have a counterpart in the local process.",
        "changes": "{n} changes, {must} of them must change. {open} decisions are open.",
        "counts": "Changes by category and severity", "category": "Category", "total": "Total",
        "diagram_standard": "Standard process: {name}", "diagram_local": "Local process: {name}",
        "list": "Change list", "unplaced": "Decisions whose change no longer exists",
        "unplaced_count": "{n} decisions concern changes that no longer exist; they are listed last.",
        "files_changed": "Files changed since the comparison was saved: {files}.",
        "no_diagram": "The file has no diagram to show.", "page": "Page {n}", "open": "OPEN",
        "owner": "Owner", "due": "Due", "comment": "Comment", "justification": "Justification",
        "unchanged": "Unchanged step", "steps": "Missed standard steps, most units first", "units": "Units",
    },
}
#: Table headers per language.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "columns": ("Nr", "Kategori", "Allvarlighet", "Standardsteg", "Lokalt steg", "Förklaring", "Beslut"),
        "missed_columns": ("Standardsteg", "Enheter som saknar steget", "Enheter"),
        "unit_columns": ("Enhet", "Matchade steg", "Ändringar", "Måste ändras", "Ej beslutade"),
    },
    "en": {
        "columns": ("No.", "Category", "Severity", "Standard step", "Local step", "Explanation", "Decision"),
        "missed_columns": ("Standard step", "Units missing the step", "Units"),
        "unit_columns": ("Unit", "Matched steps", "Changes", "Must change", "Open decisions"),
    },
}
MARGIN_MM = 12.0
FOOTER_MM = 8.0
CELL_PAD_MM = 1.2
_INK = QColor("#22242a")
_MUTED = QColor("#5f6670")
_RULE = QColor("#c3c8d0")
_HEADER_FILL = QColor("#dde3ec")
_OPEN = QColor("#b71c1c")
_OPEN_FILL = QColor("#fdecec")
_PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
#: Relative widths of the change list's columns.
_CHANGE_WIDTHS = (0.045, 0.13, 0.085, 0.14, 0.14, 0.26, 0.2)


@dataclass(frozen=True)
class _Cell:
    """A table cell: text, optionally bold or red (an open decision) and with a mark's badge."""

    text: str
    bold: bool = False
    flagged: bool = False
    mark: Mark | None = None


class _Pages:
    """Lays text, tables and diagrams on landscape pages of one paged device, top to bottom.

    Drawing ends with the ``with`` block (also after a failure).
    """

    def __init__(self, device: QPagedPaintDevice, paper: str, footer: str, language: str) -> None:
        self.device = device
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        device.setPageLayout(QPageLayout(QPageSize(_PAPERS[paper]), QPageLayout.Orientation.Landscape,
                                         margins, QPageLayout.Unit.Millimeter))
        self.dpi = device.logicalDpiX()
        self.painter = QPainter()
        if not self.painter.begin(device):
            raise OSError("cannot start drawing on the page (is the file writable?)")
        self.painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        paint = device.pageLayout().paintRectPixels(self.dpi)
        self.width = float(paint.width())
        self.bottom = paint.height() - self.mm(FOOTER_MM)
        self.footer, self.language = footer, language
        self.page, self.y = 1, 0.0
        self._paint_footer()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.painter.end()

    def mm(self, length: float) -> float:
        return length * self.dpi / MM_PER_INCH

    def new_page(self) -> None:
        self.device.newPage()
        self.page += 1
        self.y = 0.0
        self._paint_footer()

    def _paint_footer(self) -> None:
        painter = self.painter
        painter.setFont(report_font(7.5))
        painter.setPen(_MUTED)
        line_y = self.bottom + self.mm(2)
        painter.setPen(QPen(_RULE, self.mm(0.2)))
        painter.drawLine(QPointF(0, line_y), QPointF(self.width, line_y))
        painter.setPen(_MUTED)
        box = QRectF(0, line_y + self.mm(1), self.width, self.mm(FOOTER_MM - 3))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.footer)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         TEXT[self.language]["page"].format(n=self.page))

    def _measure(self, text: str, font: QFont, width: float) -> float:
        self.painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        return self.painter.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()

    def text(
        self, text: str, points: float, *, bold: bool = False, colour: QColor = _INK, after_mm: float = 2.0
    ) -> None:
        """A wrapped paragraph across the page; a new page when it does not fit."""
        font = report_font(points, bold)
        height = self._measure(text, font, self.width)
        if self.y + height > self.bottom:
            self.new_page()
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(QRectF(0, self.y, self.width, height),
                              Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
        self.y += height + self.mm(after_mm)

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence[_Cell]], shares: Sequence[float],
              points: float = 8.0) -> None:
        """A table across the page, rows wrapped, the header (if any) repeated on every page it spans."""
        total = sum(shares)
        widths = [self.width * share / total for share in shares]
        pad = self.mm(CELL_PAD_MM)
        head = [_Cell(text, bold=True) for text in header] if header else None
        if head:
            self._row(head, widths, pad, points, header=True)
        for row in rows:
            height = self._row_height(row, widths, pad, points)
            if self.y + height > self.bottom:
                self.new_page()
                if head:
                    self._row(head, widths, pad, points, header=True)
            self._row(row, widths, pad, points, height=height)
        self.y += self.mm(4)

    def _row_height(self, row: Sequence[_Cell], widths: Sequence[float], pad: float, points: float) -> float:
        heights = [self._measure(cell.text, report_font(points, cell.bold or cell.flagged),
                                 width - 2 * pad - (self._badge_room(points) if cell.mark else 0))
                   for cell, width in zip(row, widths, strict=True)]
        return max(heights) + 2 * pad

    def _badge_room(self, points: float) -> float:
        return self.mm(points * 0.5)

    def _row(self, row: Sequence[_Cell], widths: Sequence[float], pad: float, points: float, *,
             header: bool = False, height: float | None = None) -> None:
        painter = self.painter
        height = height if height is not None else self._row_height(row, widths, pad, points)
        if any(cell.flagged for cell in row) or header:
            rule = self.mm(0.2)  # the fill leaves the rule above it whole
            fill = _HEADER_FILL if header else _OPEN_FILL
            painter.fillRect(QRectF(0, self.y + rule, self.width, height - rule), fill)
        x = 0.0
        for cell, width in zip(row, widths, strict=True):
            left = x + pad
            if cell.mark is not None:
                radius = self._badge_room(points) * 0.4
                paint_badge(painter, QPointF(left + radius, self.y + pad + radius * 1.1), radius, cell.mark)
                left += self._badge_room(points)
            painter.setFont(report_font(points, cell.bold or cell.flagged))
            painter.setPen(_OPEN if cell.flagged else _INK)
            painter.drawText(QRectF(left, self.y + pad, x + width - pad - left, height - 2 * pad),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, cell.text)
            x += width
        painter.setPen(QPen(_RULE, self.mm(0.2)))
        painter.drawLine(QPointF(0, self.y + height), QPointF(self.width, self.y + height))
        self.y += height

    def diagram(self, heading: str, comparison_side: tuple[Comparison, int], marks: dict[str, Mark]) -> None:
        """A page with one side's diagram, its marks with badges and the legend."""
        comparison, side = comparison_side
        document = comparison.standard_document if side == 0 else comparison.local_document
        if self.y > 0:
            self.new_page()
        self.text(heading, 14, bold=True, after_mm=3)
        if not document.diagrams:
            self.text(TEXT[self.language]["no_diagram"], 10)
            return
        legend_height = self.mm(9)
        area = QRectF(0, self.y, self.width, self.bottom - self.y - legend_height)
        scene = diagram_scene(document, None, marks)
        source = scene.sceneRect()
        paint_scene(self.painter, scene, source, fitted(source, area), marks, self.mm(2.0))
        self._legend(self.bottom - legend_height + self.mm(2))
        self.y = self.bottom

    def _legend(self, top: float) -> None:
        painter = self.painter
        x, size = 0.0, self.mm(4)
        painter.setFont(report_font(8))
        for mark in Mark:
            painter.setPen(QPen(mark.colour, self.mm(0.3)))
            painter.setBrush(mark.fill)
            painter.drawRoundedRect(QRectF(x, top, size * 1.6, size), self.mm(0.8), self.mm(0.8))
            paint_badge(painter, QPointF(x + size * 1.6, top), size * 0.4, mark)
            painter.setPen(_INK)
            label = MARK_NAMES[mark][self.language]
            box = QRectF(x + size * 2.2, top - self.mm(1), self.mm(60), size + self.mm(2))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += size * 2.2 + painter.fontMetrics().horizontalAdvance(label) + self.mm(8)


def _identity_line(identity: FileIdentity, words: dict[str, str]) -> str:
    parts = [identity.display_name]
    if identity.identifier:
        parts.append(identity.identifier)
    if identity.version:
        parts.append(f"{words['version']} {identity.version}")
    return " · ".join(parts)


def _change_cells(number: int, row: ChangeRow, words: dict[str, str]) -> list[_Cell]:
    decision = [words["open"] if row.is_open else row.decision_name]
    if row.justification:
        decision.append(f"{words['justification']}: {row.justification}")
    if row.owner:
        decision.append(f"{words['owner']}: {row.owner}")
    if row.due_date:
        decision.append(f"{words['due']}: {row.due_date.isoformat()}")
    if row.comment:
        decision.append(f"{words['comment']}: {row.comment}")
    return [_Cell(str(number), flagged=row.is_open), _Cell(row.category_name, mark=mark_of(row.category)),
            _Cell(row.severity_name, bold=row.severity is ChangeSeverity.MUST), _Cell(row.standard_step or "–"),
            _Cell(row.local_step or "–"), _Cell(row.explanation), _Cell("\n".join(decision), flagged=row.is_open)]


def _write_pdf(path: Path, title: str, paint: Callable[[QPdfWriter], int]) -> int:
    """Write what ``paint`` draws on a PDF writer to ``path`` atomically; returns the number of pages.

    Raises
    ------
    OSError
        When the file cannot be written (it is then left as it was).
    """
    buffer = output_buffer()
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Process Mapper")
    writer.setTitle(title)
    pages = paint(writer)
    del writer  # finishes the PDF
    commit(buffer, path)
    return pages


def report_title(comparison: Comparison, language: str) -> str:
    """The comparison report's document title: the PDF's title, the print job's name."""
    return f"{TEXT[language]['title']}: {comparison.local.display_name}"


def write_comparison_report(comparison: Comparison, path: Path, language: str = "sv", *, paper: str = "A4",
                            day: date | None = None) -> int:
    """Write the comparison report of ``comparison`` as PDF (see :func:`paint_comparison_report`).

    Parameters
    ----------
    comparison
        The comparison, with the workshop's decisions when it was opened from a comparison file.
    path
        The PDF to write.
    language
        ``"sv"`` or ``"en"``.
    paper
        ``"A4"`` or ``"A3"``, landscape.
    day
        The date on the cover (default: today).

    Returns
    -------
    int
        The number of pages.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    return _write_pdf(path, report_title(comparison, language),
                      lambda writer: paint_comparison_report(writer, comparison, language, paper=paper, day=day))


def paint_comparison_report(device: QPagedPaintDevice, comparison: Comparison, language: str = "sv", *,
                            paper: str = "A4", day: date | None = None) -> int:
    """Draw the comparison report of ``comparison`` on ``device``, setting its page layout.

    Parameters
    ----------
    device
        A ``QPdfWriter`` or a ``QPrinter``, not yet painted on.
    comparison
        The comparison, with the workshop's decisions.
    language
        ``"sv"`` or ``"en"``.
    paper
        ``"A4"`` or ``"A3"``, landscape.
    day
        The date on the cover (default: today).

    Returns
    -------
    int
        The number of pages.

    Raises
    ------
    OSError
        When the device cannot be painted on.
    """
    words = TEXT[language]
    standard, local = comparison.standard, comparison.local
    footer = f"{standard.display_name} ↔ {local.display_name}"
    with _Pages(device, paper, footer, language) as pages:
        _cover(pages, comparison, words, day or date.today())
        standard_marks, local_marks = element_marks(comparison.result().changes)
        pages.diagram(words["diagram_standard"].format(name=standard.display_name), (comparison, 0), standard_marks)
        pages.diagram(words["diagram_local"].format(name=local.display_name), (comparison, 1), local_marks)
        pages.new_page()
        pages.text(words["list"], 14, bold=True, after_mm=3)
        rows = comparison.rows(language)
        pages.table(COLUMNS[language]["columns"], [_change_cells(n, row, words) for n, row in enumerate(rows, start=1)],
                    _CHANGE_WIDTHS)
        unplaced = comparison.unplaced_rows(language)
        if unplaced:
            pages.text(words["unplaced"], 12, bold=True, after_mm=2)
            pages.table(COLUMNS[language]["columns"],
                        [_change_cells(n, row, words) for n, row in enumerate(unplaced, start=1)],
                        _CHANGE_WIDTHS)
        return pages.page


def _cover(pages: _Pages, comparison: Comparison, words: dict[str, str], day: date) -> None:
    language = pages.language
    pages.text(words["title"], 22, bold=True, after_mm=6)
    pages.table(None, [
        [_Cell(words["standard"], bold=True), _Cell(_identity_line(comparison.standard, words))],
        [_Cell(words["local"], bold=True), _Cell(_identity_line(comparison.local, words))],
        [_Cell(words["date"], bold=True), _Cell(day.isoformat())],
    ], (0.2, 0.8), points=10)
    summary = comparison.summary()
    pages.text(words["matched"].format(matched=summary.matched_steps, total=summary.standard_steps), 11,
               after_mm=1)
    pages.text(words["changes"].format(n=summary.changes, must=summary.by_severity.get(ChangeSeverity.MUST, 0),
                                            open=summary.open_decisions), 11,
               bold=summary.open_decisions > 0, colour=_OPEN if summary.open_decisions else _INK, after_mm=1)
    changed = [words[side] for side in comparison.changed_files]
    if changed:
        pages.text(words["files_changed"].format(files=", ".join(changed)), 10, after_mm=1)
    if summary.unplaced_decisions:
        pages.text(words["unplaced_count"].format(n=summary.unplaced_decisions), 10, colour=_OPEN, after_mm=1)
    pages.y += pages.mm(4)
    pages.text(words["counts"], 12, bold=True, after_mm=2)
    header = (words["category"], *(SEVERITY_NAMES[s][language] for s in ChangeSeverity), words["total"])
    changes = comparison.result().changes
    rows = []
    for category in Category:
        counts = [sum(1 for c in changes if c.category is category and c.severity is s) for s in ChangeSeverity]
        if sum(counts):
            rows.append([_Cell(CATEGORY_NAMES[category][language], mark=mark_of(category)),
                         *(_Cell(str(n)) for n in counts), _Cell(str(sum(counts)), bold=True)])
    rows.append([_Cell(words["total"], bold=True),
                 *(_Cell(str(summary.by_severity.get(s, 0)), bold=True) for s in ChangeSeverity),
                 _Cell(str(summary.changes), bold=True)])
    pages.table(header, rows, (0.4, 0.15, 0.15, 0.15, 0.15), points=9)


def write_overview_report(overview: Overview, path: Path, language: str = "sv", *, paper: str = "A4",
                          day: date | None = None) -> int:
    """Write the rollout overview of a batch as PDF: missed steps by count, then the units.

    Returns
    -------
    int
        The number of pages.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    words = TEXT[language]
    return _write_pdf(path, f"{words['overview']}: {overview.standard}",
                      lambda writer: _paint_overview(writer, overview, language, paper, day or date.today()))


def _paint_overview(device: QPagedPaintDevice, overview: Overview, language: str, paper: str, day: date) -> int:
    words = TEXT[language]
    with _Pages(device, paper, overview.standard, language) as pages:
        pages.text(f"{words['overview']}", 20, bold=True, after_mm=2)
        pages.text(f"{words['standard']}: {overview.standard} · {words['date']}: {day.isoformat()}",
                   11, after_mm=5)
        pages.text(words["units"], 12, bold=True, after_mm=2)
        pages.table(COLUMNS[language]["unit_columns"], [
            [_Cell(u.unit, bold=True), _Cell(f"{u.matched_steps} / {u.standard_steps}"), _Cell(str(u.changes)),
             _Cell(str(u.must_change)), _Cell(str(u.open_decisions), flagged=u.open_decisions > 0)]
            for u in overview.units], (0.4, 0.15, 0.15, 0.15, 0.15), points=9)
        pages.text(words["steps"], 12, bold=True, after_mm=2)
        count = len(overview.units)
        pages.table(COLUMNS[language]["missed_columns"], [
            [_Cell(step.label), _Cell(f"{len(step.units)} / {count}", bold=len(step.units) > count / 2),
             _Cell(", ".join(step.units))] for step in overview.steps], (0.4, 0.15, 0.45), points=9)
        return pages.page
