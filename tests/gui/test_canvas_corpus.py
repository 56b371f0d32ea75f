"""Every MIWG reference model and every sample process draws completely and stays in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from process_mapper.core.model import Edge, Shape
from process_mapper.core.xmlio import read_bpmn
from process_mapper.gui.canvas import BpmnScene

from .conftest import miwg_references, sample_processes


def _files(paths: list[Path], reason: str) -> list[object]:
    return [pytest.param(p, id=p.name) for p in paths] or [pytest.param(None, marks=pytest.mark.skip(reason=reason))]


MODELS = _files(miwg_references(), "MIWG corpus not found beside the repository") + _files(
    sample_processes(), "no sample processes in the repository yet"
)


def is_blank(image: QImage) -> bool:
    """True when every pixel of ``image`` (sampled on a 200 x 200 grid) is white."""
    small = image.scaled(200, 200, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    small = small.convertToFormat(QImage.Format.Format_Grayscale8)
    return all(small.pixelColor(x, y).value() >= 250 for y in range(small.height()) for x in range(small.width()))


@pytest.mark.parametrize("path", MODELS)
def test_every_diagram_draws_completely(qapp: object, path: Path) -> None:
    """Each diagram renders to a non-blank image, with an item per DI element, all inside the scene rect."""
    # given
    document = read_bpmn(path)
    scene = BpmnScene()
    for diagram in document.diagrams:
        # when
        scene.load(document, diagram)
        image = scene.render_image(scale=0.5)
        # then
        assert not is_blank(image), f"{path.name}: {diagram.id} draws nothing"
        for drawing in diagram.plane.elements if diagram.plane else []:
            element_id = drawing.bpmn_element or drawing.id
            if isinstance(drawing, Shape) and drawing.bounds is not None or isinstance(drawing, Edge):
                assert scene.item_for_id(element_id) is not None, f"{path.name}: no item for {element_id}"
        scene_rect = scene.sceneRect()
        outside = [item for item in scene.items() if not scene_rect.contains(item.sceneBoundingRect())]
        assert not outside, f"{path.name}: {len(outside)} items outside the scene rect"


def test_high_dpi_image_keeps_its_pixel_ratio(qapp: object, small_bpmn: Path) -> None:
    """An image for a 2x screen has twice the pixels and says so."""
    scene = BpmnScene()
    scene.load(read_bpmn(small_bpmn))
    plain, sharp = scene.render_image(), scene.render_image(device_pixel_ratio=2.0)
    assert sharp.devicePixelRatio() == 2.0
    assert sharp.width() == 2 * plain.width()
    assert not is_blank(sharp)
