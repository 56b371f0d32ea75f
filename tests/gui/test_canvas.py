"""The canvas: what the importer reads from a diagram, markers, renderers, zoom and pan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from pytestqt.qtbot import QtBot

from process_mapper.core.xmlio import read_bpmn
from process_mapper.gui.canvas import BpmnScene, BpmnView
from process_mapper.gui.canvas.importer import LEVEL_STEP, Z_EDGE, import_diagram
from process_mapper.gui.canvas.items import EdgeItem, ShapeItem
from process_mapper.gui.canvas.render.renderers import default_registry
from process_mapper.gui.canvas.render.style import DEFAULT_STYLE
from process_mapper.gui.canvas.view import MAX_ZOOM, MIN_ZOOM

from .conftest import MIWG_REFERENCE


@pytest.fixture
def scene(qapp: object, small_bpmn: Path) -> BpmnScene:
    """The small collaboration, drawn."""
    scene = BpmnScene()
    scene.load(read_bpmn(small_bpmn))
    return scene


def test_importer_reads_the_bpmn_details_renderers_need(qapp: object, small_bpmn: Path) -> None:
    content = import_diagram(read_bpmn(small_bpmn))
    shapes = {shape.element_id: shape for shape in content.shapes}
    edges = {edge.element_id: edge for edge in content.edges}
    assert shapes["B"].event_kinds == ("timer",) and not shapes["B"].interrupting
    assert shapes["B"].z > shapes["T"].z > shapes["P1"].z
    assert shapes["G"].marker_visible
    assert shapes["P1"].expanded and not shapes["P2"].expanded  # P2 has no process: a black box
    assert edges["F2"].default and not edges["F4"].default
    assert edges["F3"].conditional  # a condition on a flow leaving an activity
    assert edges["M"].z > edges["F1"].z
    labels = {label.element_id: label for label in content.labels}
    assert labels["G"].rect.y() == 40  # the DI label bounds
    assert labels["S"].rect.top() == 118 + 5  # below the event by default
    assert labels["F3"].text == "Ja"


@pytest.mark.skipif(not (MIWG_REFERENCE / "A.4.1.bpmn").is_file(), reason="MIWG corpus not found")
def test_vertical_pools_and_lanes_are_read_as_vertical(qapp: object) -> None:
    content = import_diagram(read_bpmn(MIWG_REFERENCE / "A.4.1.bpmn"))
    containers = [shape for shape in content.shapes if shape.kind in ("participant", "lane")]
    assert containers and not any(shape.horizontal for shape in containers)


def test_every_drawn_kind_has_a_renderer_and_unknown_kinds_fall_back(qapp: object) -> None:
    registry = default_registry()
    for kind in ("task", "userTask", "callActivity", "transaction", "startEvent", "boundaryEvent",
                 "complexGateway", "participant", "lane", "dataStoreReference", "dataInput", "group"):
        assert kind in registry.shape_kinds()
    assert registry.shape("choreographyTask") is registry.shape("conversation")
    assert registry.edge("sequenceFlow") is not registry.edge("unknownFlow")


def test_markers_change_the_palette_and_the_painting(scene: BpmnScene) -> None:
    """A marker is view state: it restyles the element's items and comes off cleanly."""
    # given
    item = scene.item_for_id("T")
    assert isinstance(item, ShapeItem)
    before = scene.render_image()
    # when
    scene.add_marker("T", "diff-added")
    # then
    added = DEFAULT_STYLE.markers["diff-added"]
    assert scene.markers("T") == {"diff-added"}
    assert item.palette.stroke == QColor(added.stroke) and item.palette.fill == QColor(added.fill)
    assert scene.render_image() != before
    # when
    scene.remove_marker("T", "diff-added")
    # then
    assert scene.markers("T") == frozenset()
    assert item.palette.stroke == QColor(DEFAULT_STYLE.stroke)
    assert scene.render_image() == before


def test_markers_reach_labels_and_edges_and_later_markers_win(scene: BpmnScene) -> None:
    scene.add_marker("F3", "diff-changed")
    scene.add_marker("F3", "diff-removed")
    edge = scene.item_for_id("F3")
    assert isinstance(edge, EdgeItem)
    assert edge.palette.stroke == QColor(DEFAULT_STYLE.markers["diff-removed"].stroke)
    (label,) = scene.label_items("F3")
    assert label.palette.text == QColor(DEFAULT_STYLE.markers["diff-removed"].text)
    scene.add_marker("F3", "selected")
    assert edge.palette.outline == QColor(DEFAULT_STYLE.markers["selected"].outline)


def test_clicking_an_element_selects_it_and_hovering_marks_it(qtbot: QtBot, scene: BpmnScene) -> None:
    view = BpmnView(scene)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.actual_size()
    task_centre = view.mapFromScene(QPointF(190, 100))
    with qtbot.waitSignal(scene.selection_changed) as selected:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=task_centre)
    assert selected.args == ["T"]
    assert "selected" in scene.markers("T")
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(468, 100)))
    qtbot.waitUntil(lambda: "hover" in scene.markers("E"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(560, 200)))
    assert "selected" not in scene.markers("T")


def test_zoom_is_clamped_and_anchored(qtbot: QtBot, scene: BpmnScene) -> None:
    view = BpmnView(scene)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.actual_size()
    zooms: list[float] = []
    view.zoom_changed.connect(zooms.append)
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.25) and zooms[-1] == pytest.approx(1.25)
    view.zoom_out()
    assert view.zoom() == pytest.approx(1.0)
    view.set_zoom(100)
    assert view.zoom() == MAX_ZOOM
    view.set_zoom(0)
    assert view.zoom() == MIN_ZOOM
    view.zoom_to_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-1, -1, 1, 1).contains(scene.sceneRect())


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(qtbot: QtBot, scene: BpmnScene) -> None:
    view = BpmnView(scene)
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    view.actual_size()

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(150, 100)
        event = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        view.wheelEvent(event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.zoom() == pytest.approx(1.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > 1.0


def test_middle_drag_pans(qtbot: QtBot, scene: BpmnScene) -> None:
    view = BpmnView(scene)
    qtbot.addWidget(view)
    view.resize(200, 150)
    view.show()
    view.set_zoom(2.0)
    before = view.horizontalScrollBar().value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, pos=QPoint(150, 75))
    qtbot.mouseMove(view.viewport(), QPoint(100, 75))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.MiddleButton, pos=QPoint(100, 75))
    assert view.horizontalScrollBar().value() == before + 50


def _shows_all(view: BpmnView, scene: BpmnScene) -> bool:
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return visible.adjusted(-1, -1, 1, 1).contains(scene.sceneRect())


def test_a_fitted_view_stays_fitted_when_it_changes_size_until_the_user_moves_it(
    qtbot: QtBot, scene: BpmnScene
) -> None:
    # given a view fitted to its diagram
    view = BpmnView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.zoom_to_fit()
    # when it shrinks (a dock laid out beside it, the window made smaller)
    view.resize(400, 300)
    qtbot.waitUntil(lambda: view.viewport().width() < 450)
    # then it still shows the whole diagram
    assert _shows_all(view, scene)
    # when the user scrolls with the wheel, and the view shrinks again
    centre = QPointF(100, 100)
    view.wheelEvent(QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, -120),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False))
    zoom = view.zoom()
    view.resize(200, 150)
    qtbot.waitUntil(lambda: view.viewport().width() < 250)
    # then the view keeps the user's zoom
    assert view.zoom() == pytest.approx(zoom)
    assert not _shows_all(view, scene)


NESTED = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="urn:test">
  <process id="P">
    <task id="Top"/>
    <subProcess id="Outer">
      <task id="Middle"/>
      <subProcess id="Inner">
        <task id="Deep"/>
        <sequenceFlow id="DeepFlow" sourceRef="Deep" targetRef="Deep"/>
      </subProcess>
    </subProcess>
  </process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="P">
      <bpmndi:BPMNShape id="Top_di" bpmnElement="Top"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Outer_di" bpmnElement="Outer" isExpanded="true"><dc:Bounds x="150" y="0" width="600" height="300"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Middle_di" bpmnElement="Middle"><dc:Bounds x="170" y="20" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Inner_di" bpmnElement="Inner" isExpanded="true"><dc:Bounds x="300" y="20" width="400" height="200"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Deep_di" bpmnElement="Deep"><dc:Bounds x="320" y="40" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="DeepFlow_di" bpmnElement="DeepFlow"><di:waypoint x="420" y="80"/><di:waypoint x="500" y="80"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
"""  # noqa: E501 - diagram rows of the fixture, one element per line


def test_content_of_nested_sub_processes_is_stacked_above_its_containers(qapp: object, tmp_path: Path) -> None:
    # given a sub-process inside a sub-process, each with a task, and a task outside both
    path = tmp_path / "nested.bpmn"
    path.write_text(NESTED, encoding="utf-8")
    # when it is imported
    content = import_diagram(read_bpmn(path))
    # then each level of content is drawn above its container, and the levels stack up
    z = {shape.element_id: shape.z for shape in content.shapes}
    assert z["Deep"] > z["Inner"] > z["Outer"]
    assert z["Deep"] > z["Middle"] > z["Top"] and z["Middle"] > z["Outer"]
    assert [edge.z for edge in content.edges] == [Z_EDGE + 2 * LEVEL_STEP]
