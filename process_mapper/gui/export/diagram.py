"""Diagrams to PDF, SVG, PNG and paper: one page, or a poster of tiles (gui layer).

Every export draws a fresh :class:`~process_mapper.gui.canvas.BpmnScene` that never saw
a mouse, so selection and hover marks cannot appear; difference marks are added on
purpose (:func:`diagram_scene`). PDF and printing share :func:`paint_pages`, which draws
on any paged device (``QPdfWriter``, ``QPrinter``): vector shapes and real text, the fonts
embedded by Qt. SVG and PNG are one picture each, with the title block under the drawing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLineF, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPageLayout, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgGenerator

from ...core.model import BpmnDocument
from ...core.model.di import Diagram
from ...core.xmlio import atomic_write_bytes
from ..canvas import BpmnScene
from ..marks import Mark, badge_anchors, paint_badge
from .pages import MM_PER_INCH, SCENE_DPI, PageSetup, Tile, tiles
from .title_block import TITLE_BLOCK_MM, TitleBlock, paint_title_block

__all__ = [
    "EXPORT_SUFFIXES",
    "ImageOptions",
    "diagram_scene",
    "export_diagram",
    "paint_pages",
    "paint_scene",
    "poster_size",
    "write_pdf",
    "write_png",
    "write_svg",
]

#: The formats :func:`export_diagram` writes, by suffix.
EXPORT_SUFFIXES = (".pdf", ".svg", ".png")
#: PDF drawing resolution (device units per inch); the output is vector at any value.
PDF_RESOLUTION = 600
#: Space between the drawing and the title block.
GAP_MM = 4.0
#: Badge radius on paper.
BADGE_RADIUS_MM = 2.2
#: The largest badge radius in scene units: a third of a task's height.
BADGE_SCENE_RADIUS = 13.0
#: Length of the crop marks at a poster page's corners.
CROP_MARK_MM = 5.0
_CUT_LINE = QColor("#6b7280")
_OVERLAP_TINT = QColor(107, 114, 128, 28)
_TILE_NOTE = {"sv": "{page} / {pages} (rad {row}, kolumn {column})",
              "en": "{page} / {pages} (row {row}, column {column})"}


@dataclass(frozen=True)
class ImageOptions:
    """How a single-picture export (SVG, PNG) looks.

    Attributes
    ----------
    dpi : float
        PNG pixels per inch; 96 draws one DI pixel as one image pixel.
    transparent : bool
        PNG background: transparent instead of white.
    """

    dpi: float = 192.0
    transparent: bool = False


def diagram_scene(document: BpmnDocument, diagram: Diagram | None = None,
                  marks: Mapping[str, Mark] | None = None) -> BpmnScene:
    """A new scene drawing ``diagram`` of ``document`` with the difference ``marks`` only.

    Parameters
    ----------
    document
        What to draw.
    diagram
        One of ``document.diagrams`` (default: the first).
    marks
        Element id to mark; colours the elements (badges are painted by :func:`paint_scene`).
    """
    scene = BpmnScene(cache_items=False)
    scene.load(document, diagram)
    for element_id, mark in (marks or {}).items():
        scene.add_marker(element_id, mark.value)
    return scene


def paint_scene(painter: QPainter, scene: BpmnScene, source: QRectF, target: QRectF,
                marks: Mapping[str, Mark] | None = None, badge_radius: float = 0.0) -> None:
    """Draw ``source`` of the scene stretched onto ``target``, then the badges of ``marks``.

    ``target`` should have the proportions of ``source``; what falls outside it is clipped.
    Badges are ``badge_radius`` large, smaller where the drawing is scaled down so far that
    they would hide the shapes they mark (at most :data:`BADGE_SCENE_RADIUS` scene units).
    """
    painter.save()
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
    scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    if marks:
        scale = target.width() / source.width()
        radius = min(badge_radius, BADGE_SCENE_RADIUS * scale)
        for anchor, mark in badge_anchors(scene, marks):
            centre = QPointF(target.left() + (anchor.x() - source.left()) * scale,
                             target.top() + (anchor.y() - source.top()) * scale)
            paint_badge(painter, centre, radius, mark)
    painter.restore()


def fitted(source: QRectF, area: QRectF) -> QRectF:
    """The largest rectangle of ``source``'s proportions centred in ``area``."""
    scale = min(area.width() / source.width(), area.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top() + (area.height() - height) / 2, width, height)


# --- paged output: PDF and print ---------------------------------------------------------------


class _Paper:
    """Millimetres to device units on one paged device."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.dpi = device.logicalDpiX()
        paint = device.pageLayout().paintRectPixels(self.dpi)
        self.width, self.height = float(paint.width()), float(paint.height())

    def mm(self, length: float) -> float:
        return length * self.dpi / MM_PER_INCH


def paint_pages(device: QPagedPaintDevice, scene: BpmnScene, setup: PageSetup, block: TitleBlock | None,
                language: str, marks: Mapping[str, Mark] | None = None) -> int:
    """Draw the scene on ``device`` as ``setup`` says: fitted on one page, or as a poster.

    Sets the device's page layout, then paints every page.

    Parameters
    ----------
    device
        A ``QPdfWriter`` or a ``QPrinter``, not yet painted on.
    scene
        The drawing (see :func:`diagram_scene`).
    setup
        Paper, orientation, fit or tiles.
    block
        The title block, or None for none (also left out when ``setup.title_block`` is False).
    language
        ``"sv"`` or ``"en"`` for the title block.
    marks
        Difference marks whose badges to draw.

    Returns
    -------
    int
        The number of pages.

    Raises
    ------
    OSError
        When the device cannot be painted on (a PDF file that cannot be written).
    """
    source = scene.sceneRect()
    device.setPageLayout(setup.page_layout(source))
    paper = _Paper(device)
    block = block if setup.title_block else None
    footer = paper.mm(TITLE_BLOCK_MM + GAP_MM) if block else 0.0
    window = QRectF(0, 0, paper.width, paper.height - footer)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start drawing on the page (is the file writable?)")
    try:
        if not setup.tile:
            paint_scene(painter, scene, source, fitted(source, window), marks, paper.mm(BADGE_RADIUS_MM))
            if block:
                paint_title_block(painter, _block_rect(paper), block, language)
            return 1
        window_mm = (window.width() * MM_PER_INCH / paper.dpi, window.height() * MM_PER_INCH / paper.dpi)
        poster = tiles(source, window_mm, setup)
        for number, tile in enumerate(poster, start=1):
            if number > 1:
                device.newPage()
            paint_scene(painter, scene, tile.source, window, marks, paper.mm(BADGE_RADIUS_MM))
            _paint_tile_marks(painter, paper, window, tile, setup.overlap_mm)
            if block:
                note = _TILE_NOTE[language].format(page=number, pages=len(poster), row=tile.row + 1,
                                                   column=tile.column + 1)
                paint_title_block(painter, _block_rect(paper), block, language, note)
        return len(poster)
    finally:
        painter.end()


def poster_size(drawing: QRectF, setup: PageSetup) -> tuple[int, int]:
    """The columns and rows of pages :func:`paint_pages` lays ``drawing`` on (1 × 1 when fitted).

    Raises
    ------
    ValueError
        When the overlap leaves too little of each page.
    """
    if not setup.tile:
        return 1, 1
    paint = setup.page_layout(drawing).paintRect(QPageLayout.Unit.Millimeter)
    footer = TITLE_BLOCK_MM + GAP_MM if setup.title_block else 0.0
    first = tiles(drawing, (paint.width(), paint.height() - footer), setup)[0]
    return first.columns, first.rows


def _block_rect(paper: _Paper) -> QRectF:
    height = paper.mm(TITLE_BLOCK_MM)
    return QRectF(0, paper.height - height, paper.width, height)


def _paint_tile_marks(painter: QPainter, paper: _Paper, window: QRectF, tile: Tile, overlap_mm: float) -> None:
    """Crop marks at the drawing's corners; the overlap tinted and its cut line dashed."""
    painter.save()
    overlap = paper.mm(overlap_mm)
    if tile.has_right:
        painter.fillRect(QRectF(window.right() - overlap, window.top(), overlap, window.height()), _OVERLAP_TINT)
    if tile.has_below:
        painter.fillRect(QRectF(window.left(), window.bottom() - overlap, window.width(), overlap), _OVERLAP_TINT)
    dashed = QPen(_CUT_LINE, paper.mm(0.25), Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    if tile.has_right:
        x = window.right() - overlap
        painter.drawLine(QLineF(x, window.top(), x, window.bottom()))
    if tile.has_below:
        y = window.bottom() - overlap
        painter.drawLine(QLineF(window.left(), y, window.right(), y))
    painter.setPen(QPen(_CUT_LINE, paper.mm(0.2)))
    length, gap = paper.mm(CROP_MARK_MM), paper.mm(1.0)
    for corner, (dx, dy) in ((window.topLeft(), (-1, -1)), (window.topRight(), (1, -1)),
                             (window.bottomLeft(), (-1, 1)), (window.bottomRight(), (1, 1))):
        painter.drawLine(QLineF(corner.x() + dx * gap, corner.y(), corner.x() + dx * (gap + length), corner.y()))
        painter.drawLine(QLineF(corner.x(), corner.y() + dy * gap, corner.x(), corner.y() + dy * (gap + length)))
    painter.restore()


def output_buffer() -> QBuffer:
    """An in-memory device to draw a file into; :func:`commit` writes it out atomically."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer


def commit(buffer: QBuffer, path: Path) -> None:
    """Write what was drawn into ``buffer`` to ``path`` atomically: never a half-written file.

    Raises
    ------
    OSError
        When nothing was drawn or the file cannot be written.
    """
    data = bytes(buffer.data().data())
    if not data:
        raise OSError(f"cannot write {path}")
    atomic_write_bytes(path, data)


def write_pdf(scene: BpmnScene, path: Path, setup: PageSetup, block: TitleBlock | None, language: str,
              marks: Mapping[str, Mark] | None = None) -> int:
    """Write the scene as a vector PDF (see :func:`paint_pages`); returns the number of pages.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    buffer = output_buffer()
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Process Mapper")
    writer.setTitle(block.name if block else path.stem)
    pages = paint_pages(writer, scene, setup, block, language, marks)
    del writer  # finishes the PDF
    commit(buffer, path)
    return pages


# --- single pictures: SVG and PNG -----------------------------------------------------------


def _picture_size(scene: BpmnScene, dpi: float, block: TitleBlock | None) -> tuple[QSize, float, float]:
    """The picture's size in pixels, pixels per scene unit and the title block's height."""
    scale = dpi / SCENE_DPI
    rect = scene.sceneRect()
    footer = (TITLE_BLOCK_MM + GAP_MM) * dpi / MM_PER_INCH if block else 0.0
    return QSize(round(rect.width() * scale), round(rect.height() * scale + footer)), scale, footer


def _paint_picture(painter: QPainter, scene: BpmnScene, size: QSize, scale: float, footer: float,
                   block: TitleBlock | None, language: str, dpi: float) -> None:
    rect = scene.sceneRect()
    paint_scene(painter, scene, rect, QRectF(0, 0, rect.width() * scale, rect.height() * scale))
    if block:
        height = TITLE_BLOCK_MM * dpi / MM_PER_INCH
        paint_title_block(painter, QRectF(0, size.height() - height, size.width(), height), block, language)


def write_svg(scene: BpmnScene, path: Path, block: TitleBlock | None, language: str) -> None:
    """Write the scene as SVG at one SVG pixel per DI pixel, the title block under it.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    size, scale, footer = _picture_size(scene, SCENE_DPI, block)
    buffer = output_buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(round(SCENE_DPI))
    generator.setTitle(block.name if block else path.stem)
    generator.setDescription("Process Mapper")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {path}")
    _paint_picture(painter, scene, size, scale, footer, block, language, SCENE_DPI)
    painter.end()
    commit(buffer, path)


def write_png(scene: BpmnScene, path: Path, block: TitleBlock | None, language: str, options: ImageOptions) -> None:
    """Write the scene as PNG at ``options.dpi``, on white or transparent.

    Raises
    ------
    OSError
        When the file cannot be written.
    """
    size, scale, footer = _picture_size(scene, options.dpi, block)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(options.dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
    painter = QPainter(image)  # an image can always be painted on
    _paint_picture(painter, scene, size, scale, footer, block, language, options.dpi)
    painter.end()
    buffer = output_buffer()
    if not image.save(buffer, "PNG"):
        raise OSError(f"cannot write {path}")
    commit(buffer, path)


def export_diagram(document: BpmnDocument, path: Path, *, setup: PageSetup | None = None,
                   block: TitleBlock | None = None, language: str = "sv", image: ImageOptions | None = None,
                   diagram: Diagram | None = None, day: date | None = None) -> int:
    """Export a diagram of ``document`` by the suffix of ``path``: ``.pdf``, ``.svg`` or ``.png``.

    Parameters
    ----------
    document
        What to draw.
    path
        Where to write.
    setup
        Page set-up of a PDF (default: A4, fitted); its ``title_block`` also rules SVG and PNG.
    block
        The title block (default: :meth:`TitleBlock.of` the document).
    language
        ``"sv"`` or ``"en"``.
    image
        Resolution and background of a PNG.
    diagram
        One of ``document.diagrams`` (default: the first).
    day
        The date in the default title block (default: today).

    Returns
    -------
    int
        Pages written (1 for SVG and PNG).

    Raises
    ------
    ValueError
        For another suffix.
    OSError
        When the file cannot be written.
    """
    setup = setup or PageSetup()
    block = (block or TitleBlock.of(document, day)) if setup.title_block else None
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"cannot export to {suffix or 'a file without suffix'}: use {', '.join(EXPORT_SUFFIXES)}")
    scene = diagram_scene(document, diagram)
    if suffix == ".pdf":
        return write_pdf(scene, path, setup, block, language)
    if suffix == ".svg":
        write_svg(scene, path, block, language)
    else:
        write_png(scene, path, block, language, image or ImageOptions())
    return 1
