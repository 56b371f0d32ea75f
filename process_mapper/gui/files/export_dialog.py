"""The diagram export dialog: the format and the options that apply to it (gui layer).

PDF takes the page options of :class:`~process_mapper.gui.export.pages.PageSetup` (paper,
orientation, one fitted page or a poster of tiles at a scale with an overlap, and how
many pages that makes), PNG its resolution and background (:class:`~process_mapper.gui.export.diagram.ImageOptions`);
every format can leave out the title block. Only the options of the chosen format are
shown, in one form whose labels line up. The dialog starts from the choices remembered in
:class:`~process_mapper.gui.settings.DiagramExportChoices`. It loads the export modules, so
the main window imports it when the user first exports, not at start.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..export.diagram import ImageOptions, poster_size
from ..export.pages import Orientation, PageSetup
from ..settings import DiagramExportChoices

PDF, SVG, PNG = ".pdf", ".svg", ".png"
PAPERS = ("A4", "A3")
MIN_SCALE_PERCENT, MAX_SCALE_PERCENT = 10, 400
#: Overlap of poster pages; 50 mm still leaves most of an A4 page for new drawing.
MAX_OVERLAP_MM = 50
MIN_DPI, MAX_DPI = 72, 600


class DiagramExportDialog(QDialog):
    """Asks how to export a diagram; Export accepts, and :meth:`choices` tells what was chosen.

    Parameters
    ----------
    remembered
        The choices the dialog starts from (the last export's).
    drawing
        The scene rectangle of the diagram to export: the PDF's pages are counted on it.
    parent
        The main window.
    """

    def __init__(self, remembered: DiagramExportChoices, drawing: QRectF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drawing = drawing
        self.setWindowTitle(self.tr("Export Diagram"))
        self.format_box = QComboBox(self)
        self.format_box.addItem(self.tr("PDF – for printing and sharing"), PDF)
        self.format_box.addItem(self.tr("SVG – a picture that stays sharp at any size"), SVG)
        self.format_box.addItem(self.tr("PNG – a picture for documents and presentations"), PNG)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(self.tr("&Format:"), self.format_box)
        self.page_rows = self._add_page_rows()
        self.picture_rows = self._add_picture_rows()
        self.title_block_box = QCheckBox(self.tr("&Process name, version, unit and date under the drawing"), self)
        self.form.addRow(self.tr("Title block:"), self.title_block_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.form)
        self._layout.addSpacing(self._layout.spacing())
        self._layout.addWidget(buttons)
        self._width = self.sizeHint().width()  # with every row: the dialog keeps its width when rows hide
        self.format_box.currentIndexChanged.connect(self._show_options)
        self.fit_button.toggled.connect(self._enable_poster)
        for box in (self.paper_box, self.orientation_box):
            box.currentIndexChanged.connect(self._count_pages)
        self.scale_box.valueChanged.connect(self._count_pages)
        self.overlap_box.valueChanged.connect(self._count_pages)
        self.title_block_box.toggled.connect(self._count_pages)
        self._show(remembered)

    def _add_page_rows(self) -> list[QWidget]:
        """The PDF's rows: paper, orientation, one page or a poster, the poster's scale and overlap."""
        self.paper_box = QComboBox(self)
        for paper in PAPERS:
            self.paper_box.addItem(paper, paper)
        self.orientation_box = QComboBox(self)
        self.orientation_box.addItem(self.tr("Automatic (landscape for a wide diagram)"), Orientation.AUTO.value)
        self.orientation_box.addItem(self.tr("Portrait"), Orientation.PORTRAIT.value)
        self.orientation_box.addItem(self.tr("Landscape"), Orientation.LANDSCAPE.value)
        self.fit_button = QRadioButton(self.tr("Fit on &one page"), self)
        self.poster_button = QRadioButton(self.tr("Poster over se&veral pages"), self)
        sizes = QButtonGroup(self)
        sizes.addButton(self.fit_button)
        sizes.addButton(self.poster_button)
        self.scale_box = QSpinBox(self)
        self.scale_box.setRange(MIN_SCALE_PERCENT, MAX_SCALE_PERCENT)
        self.scale_box.setSingleStep(10)
        self.scale_box.setSuffix(self.tr(" %"))
        self.scale_box.setToolTip(self.tr("At 100 % the diagram is as large as on the screen at actual size."))
        self.overlap_box = QDoubleSpinBox(self)
        self.overlap_box.setRange(0, MAX_OVERLAP_MM)
        self.overlap_box.setDecimals(0)
        self.overlap_box.setSuffix(self.tr(" mm"))
        self.overlap_box.setToolTip(self.tr("Neighbouring pages repeat this much of the drawing, "
                                            "so that they can be trimmed and glued together."))
        self.form.addRow(self.tr("P&aper:"), self.paper_box)
        self.form.addRow(self.tr("O&rientation:"), self.orientation_box)
        self.form.addRow(self.tr("Size:"), self.fit_button)
        self.form.addRow("", self.poster_button)
        self.form.addRow(self.tr("&Scale:"), self.scale_box)
        self.form.addRow(self.tr("Over&lap:"), self.overlap_box)
        self.pages_label = QLabel(self)
        self.form.addRow(self.tr("Pages:"), self.pages_label)
        return [self.paper_box, self.orientation_box, self.fit_button, self.poster_button, self.scale_box,
                self.overlap_box, self.pages_label]

    def _add_picture_rows(self) -> list[QWidget]:
        """The PNG's rows: resolution and background."""
        self.dpi_box = QSpinBox(self)
        self.dpi_box.setRange(MIN_DPI, MAX_DPI)
        self.dpi_box.setSingleStep(24)
        self.dpi_box.setSuffix(self.tr(" dpi"))
        self.dpi_box.setToolTip(self.tr("96 dpi is the size on the screen at actual size; "
                                        "192 dpi is twice as sharp, for print."))
        self.background_box = QComboBox(self)
        self.background_box.addItem(self.tr("White"), False)
        self.background_box.addItem(self.tr("Transparent"), True)
        self.form.addRow(self.tr("&Resolution:"), self.dpi_box)
        self.form.addRow(self.tr("&Background:"), self.background_box)
        return [self.dpi_box, self.background_box]

    def _show(self, choices: DiagramExportChoices) -> None:
        for box, value in ((self.format_box, choices.suffix), (self.paper_box, choices.paper),
                           (self.orientation_box, choices.orientation), (self.background_box, choices.transparent)):
            box.setCurrentIndex(max(0, box.findData(value)))
        (self.poster_button if choices.tile else self.fit_button).setChecked(True)
        self.scale_box.setValue(round(choices.scale_percent))
        self.overlap_box.setValue(choices.overlap_mm)
        self.dpi_box.setValue(choices.dpi)
        self.title_block_box.setChecked(choices.title_block)
        self._show_options()
        self._enable_poster()

    def _show_options(self) -> None:
        suffix = self.format_box.currentData()
        for rows, shown in ((self.page_rows, suffix == PDF), (self.picture_rows, suffix == PNG)):
            for widget in rows:
                self.form.setRowVisible(widget, shown)
        self._layout.activate()
        self.setFixedSize(self._width, self.sizeHint().height())

    def _enable_poster(self) -> None:
        for widget in (self.scale_box, self.overlap_box):
            widget.setEnabled(self.poster_button.isChecked())
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(widget.isEnabled())
        self._count_pages()

    def _count_pages(self) -> None:
        columns, rows = poster_size(self._drawing, page_setup(self.choices()))
        text = self.tr("%n page(s)", "", columns * rows)
        if columns * rows > 1:
            text = self.tr("{pages}: {columns} across, {rows} down").format(pages=text, columns=columns, rows=rows)
        self.pages_label.setText(text)

    def choices(self) -> DiagramExportChoices:
        """What the dialog shows (all options, also those of the other formats)."""
        return DiagramExportChoices(
            suffix=str(self.format_box.currentData()),
            paper=str(self.paper_box.currentData()),
            orientation=str(self.orientation_box.currentData()),
            tile=self.poster_button.isChecked(),
            scale_percent=float(self.scale_box.value()),
            overlap_mm=self.overlap_box.value(),
            title_block=self.title_block_box.isChecked(),
            dpi=self.dpi_box.value(),
            transparent=bool(self.background_box.currentData()),
        )


def page_setup(choices: DiagramExportChoices) -> PageSetup:
    """The page set-up of ``choices`` (its title block also rules SVG and PNG)."""
    return PageSetup(paper=choices.paper, orientation=Orientation(choices.orientation), tile=choices.tile,
                     scale_percent=choices.scale_percent, overlap_mm=choices.overlap_mm,
                     title_block=choices.title_block)


def image_options(choices: DiagramExportChoices) -> ImageOptions:
    """The PNG options of ``choices``."""
    return ImageOptions(dpi=float(choices.dpi), transparent=choices.transparent)
