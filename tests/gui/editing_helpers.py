"""Driving the canvas like a user: palette clicks, mouse gestures in scene coordinates, new documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from process_mapper.core.model import BpmnDocument
from process_mapper.core.xmlio import write_bpmn
from process_mapper.gui.canvas.importer import import_diagram
from process_mapper.gui.canvas.items import LabelItem, ShapeItem
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.main_window import MainWindow

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def open_new_document(window: MainWindow, folder: Path, name: str = "ny.bpmn") -> DocumentTab:
    """An empty document (``BpmnDocument.new``) opened in a tab, as File > New will give one."""
    path = folder / name
    write_bpmn(BpmnDocument.new(), path)
    tab = window.open_file(path)
    assert tab is not None
    return tab


def palette_button(window: MainWindow, tool: str) -> QToolButton:
    """The palette's button of ``tool``."""
    action = window.edit_actions.palette.actions_by_tool[tool]
    return next(b for b in window.edit_actions.palette.findChildren(QToolButton) if b.defaultAction() is action)


def choose(qtbot: QtBot, window: MainWindow, tool: str) -> None:
    """Click the palette entry of ``tool``."""
    qtbot.mouseClick(palette_button(window, tool), LEFT)


def view_point(tab: DocumentTab, x: float, y: float) -> QPoint:
    """The viewport pixel showing scene point ``(x, y)``."""
    return tab.view.mapFromScene(QPointF(x, y))


def centre_of(tab: DocumentTab, element_id: str) -> QPoint:
    """The viewport pixel at the centre of ``element_id``'s shape."""
    item = tab.scene.item_for_id(element_id)
    assert isinstance(item, ShapeItem)
    return tab.view.mapFromScene(item.view.bounds.center())


def click(qtbot: QtBot, tab: DocumentTab, point: QPoint, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A left click on the canvas at viewport ``point``."""
    qtbot.mouseClick(tab.view.viewport(), LEFT, modifier, point)


def drag(
    qtbot: QtBot, tab: DocumentTab, start: QPoint, end: QPoint, modifier: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    """Press at ``start``, move there in a few steps, release at ``end``."""
    viewport = tab.view.viewport()
    qtbot.mousePress(viewport, LEFT, modifier, start)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, start + (end - start) * step / 4)
    qtbot.mouseRelease(viewport, LEFT, modifier, end)


def is_blank(image: QImage) -> bool:
    """True when every pixel of ``image`` has the colour of its first pixel."""
    first = image.pixel(0, 0)
    return all(image.pixel(x, y) == first for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


#: Element id -> (the views of its shapes and connections, the views of its external labels).
Drawing = dict[str, tuple[list[object], list[object]]]


def drawn_views(tab: DocumentTab) -> Drawing:
    """What the tab's canvas draws now, by element."""
    scene = tab.scene
    return {
        ident: (
            [item.view for item in scene.element_items(ident) if not isinstance(item, LabelItem)],
            [label.view for label in scene.label_items(ident)],
        )
        for ident in scene.element_ids()
    }


def imported_views(tab: DocumentTab) -> Drawing:
    """What a fresh import of the tab's first diagram draws, by element."""
    content = import_diagram(tab.document, tab.document.diagrams[0] if tab.document.diagrams else None)
    views: Drawing = {}
    for view in [*content.shapes, *content.edges]:
        views.setdefault(view.element_id, ([], []))[0].append(view)
    for label in content.labels:
        views.setdefault(label.element_id, ([], []))[1].append(label)
    return views
