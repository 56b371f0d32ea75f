"""Diagrams to PDF, SVG and PNG: fitted or tiled pages, the title block, no view marks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from process_mapper.core.diff import build_graph
from process_mapper.core.model import BpmnDocument
from process_mapper.core.xmlio import read_bpmn, read_bpmn_bytes
from process_mapper.gui.export import ImageOptions, Orientation, PageSetup, TitleBlock, diagram_scene, export_diagram
from process_mapper.gui.export.diagram import GAP_MM, poster_size
from process_mapper.gui.export.pages import MM_PER_INCH, tiles
from process_mapper.gui.export.title_block import TITLE_BLOCK_MM
from process_mapper.gui.marks import Mark
from tests.gui.conftest import SMALL

from .conftest import (
    A3_POINTS,
    A4_POINTS,
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


@pytest.fixture
def standard() -> BpmnDocument:
    return read_bpmn(STANDARD)


def step_labels(document: BpmnDocument) -> list[str]:
    """The label of every step of the process graph."""
    return [step.label for step in build_graph(document).steps.values() if step.label]


def test_a_fitted_pdf_is_one_landscape_a4_page_with_every_label_as_embedded_text(
        qapp: QApplication, standard: BpmnDocument, tmp_path: Path) -> None:
    # Given the standard process, wider than tall
    path = tmp_path / "standard.pdf"

    # When it is exported fitted on A4
    pages = export_diagram(standard, path, setup=PageSetup(paper="A4"), day=DAY)

    # Then it is one landscape A4 page whose text holds every step label and the title block
    assert pages == 1 and pdf_info(path)["Pages"] == "1"
    assert page_points(path) == (A4_POINTS[1], A4_POINTS[0])
    text = squeezed(pdf_text(path))
    missing = [label for label in step_labels(standard) if squeezed(label) not in text]
    assert not missing
    assert squeezed("Inkommande remiss, handläggning") in text and "2026-03-14" in text
    fonts = pdf_fonts(path)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # the "emb" column


def test_a_portrait_a3_page_is_as_asked(qapp: QApplication, standard: BpmnDocument, tmp_path: Path) -> None:
    path = tmp_path / "standard.pdf"
    export_diagram(standard, path, setup=PageSetup(paper="A3", orientation=Orientation.PORTRAIT))
    assert page_points(path) == A3_POINTS


def test_a_poster_has_one_page_per_tile_each_with_drawing(qapp: QApplication, standard: BpmnDocument,
                                                          tmp_path: Path) -> None:
    # Given a poster set-up at 150 % on A4 landscape
    setup = PageSetup(paper="A4", orientation=Orientation.LANDSCAPE, tile=True, scale_percent=150, overlap_mm=15)
    path = tmp_path / "poster.pdf"

    # When the standard is exported as a poster
    pages = export_diagram(standard, path, setup=setup)

    # Then there are as many pages as tiles, more than one, and no page is blank
    window_mm = (297 - 2 * setup.margin_mm, 210 - 2 * setup.margin_mm - TITLE_BLOCK_MM - GAP_MM)
    expected = tiles(diagram_scene(standard).sceneRect(), window_mm, setup)
    assert pages == len(expected) > 1
    assert int(pdf_info(path)["Pages"]) == pages
    assert all(ink_variance(png) > 50 for png in rendered_pages(path, tmp_path))
    assert squeezed(f"1 / {pages} (rad 1, kolumn 1)") in squeezed(pdf_text(path))


@pytest.mark.parametrize("setup", [
    PageSetup(),
    PageSetup(tile=True),
    PageSetup(paper="A3", tile=True, scale_percent=250, overlap_mm=25),
    PageSetup(orientation=Orientation.PORTRAIT, tile=True, scale_percent=150, title_block=False),
], ids=["fitted", "A4 poster", "A3 poster", "portrait without title block"])
def test_the_poster_size_is_the_pages_written(qapp: QApplication, standard: BpmnDocument, tmp_path: Path,
                                              setup: PageSetup) -> None:
    columns, rows = poster_size(diagram_scene(standard).sceneRect(), setup)
    assert export_diagram(standard, tmp_path / "poster.pdf", setup=setup) == columns * rows


def test_tiles_overlap_and_cover_the_drawing() -> None:
    # Given a drawing 2000 units wide and 500 high, at 100 % (1 unit = 25.4/96 mm)
    scene_rect = QRectF(0, 0, 2000, 500)
    setup = PageSetup(tile=True, overlap_mm=10)

    # When it is cut into tiles of 200 x 100 mm
    poster = tiles(scene_rect, (200, 100), setup)

    # Then adjacent tiles share 10 mm of drawing and together they cover it
    unit_mm = 25.4 / 96
    first, second = poster[0], poster[1]
    assert (first.source.right() - second.source.left()) * unit_mm == pytest.approx(10)
    assert max(t.source.right() for t in poster) >= scene_rect.right()
    assert max(t.source.bottom() for t in poster) >= scene_rect.bottom()
    assert poster[-1].rows * poster[-1].columns == len(poster)


def test_an_overlap_larger_than_half_a_page_is_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        tiles(QRectF(0, 0, 100, 100), (100, 50), PageSetup(tile=True, overlap_mm=30))


def test_svg_is_valid_xml_with_the_labels_as_text(qapp: QApplication, standard: BpmnDocument, tmp_path: Path) -> None:
    # When the standard is exported to SVG
    path = tmp_path / "standard.svg"
    export_diagram(standard, path)

    # Then it parses as SVG and its text elements hold every label
    root = etree.parse(str(path)).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = squeezed("".join(root.itertext()))
    assert not [label for label in step_labels(standard) if squeezed(label) not in text]


def test_png_has_the_resolution_asked_and_a_white_or_transparent_background(
        qapp: QApplication, standard: BpmnDocument, tmp_path: Path) -> None:
    # When the diagram is exported at 96 and 192 dpi, on white and transparent
    paths = {name: tmp_path / f"{name}.png" for name in ("low", "high", "clear")}
    export_diagram(standard, paths["low"], image=ImageOptions(dpi=96))
    export_diagram(standard, paths["high"], image=ImageOptions(dpi=192))
    export_diagram(standard, paths["clear"], image=ImageOptions(dpi=96, transparent=True))

    # Then the higher resolution has twice the pixels each way, the dpi is recorded,
    # the corner is white or transparent, and the drawing is not blank
    low, high, clear = (QImage(str(path)) for path in paths.values())
    assert abs(high.width() - 2 * low.width()) <= 1
    assert round(high.dotsPerMeterX() * MM_PER_INCH / 1000) == 192
    assert low.pixelColor(0, 0).name() == "#ffffff" and low.pixelColor(0, 0).alpha() == 255
    assert clear.pixelColor(0, 0).alpha() == 0
    assert ink_variance(paths["low"]) > 50


def test_the_title_block_takes_the_metadata_or_the_process_name(standard: BpmnDocument) -> None:
    # Given a standard with pm:metadata and a small model without
    small = read_bpmn_bytes(SMALL.encode(), "remiss.bpmn")

    # Then the block shows the metadata's title, version and owner, else the process name
    block = TitleBlock.of(standard, DAY)
    assert (block.name, block.version, block.day) == ("Inkommande remiss, handläggning", "1.0", DAY)
    assert block.unit
    assert TitleBlock.of(small, DAY).name == "Mottagning"
    assert block.with_overrides(name="Affisch", unit="Vårdcentral Öst").unit == "Vårdcentral Öst"


def test_exports_draw_a_fresh_scene_with_difference_marks_only(qapp: QApplication, standard: BpmnDocument) -> None:
    # When a scene is made for an export, with one difference mark
    scene = diagram_scene(standard, marks={"A_T01": Mark.INTRODUCE})

    # Then that element carries its mark and no element carries a selection or hover
    assert scene.markers("A_T01") == {"diff-added"}
    assert all(not ({"selected", "hover"} & scene.markers(e)) for e in scene.element_ids())
    assert scene.selected_id() == ""


def test_an_unknown_suffix_is_refused(qapp: QApplication, standard: BpmnDocument, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=".jpg"):
        export_diagram(standard, tmp_path / "standard.jpg")
