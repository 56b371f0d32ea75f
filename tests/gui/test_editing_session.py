"""The editing session: every edit one command on the tab's undo stack, the canvas redrawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from process_mapper.core.editing import MIME_TYPE
from process_mapper.gui.editing.clipboard import release_clipboard
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


def test_an_edit_is_one_named_command_that_undoes_and_redoes(window: MainWindow, small_bpmn: Path) -> None:
    # given
    tab = window.open_file(small_bpmn)
    assert tab is not None and not window.undo_action.isEnabled()
    # when
    edit = tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    # then
    assert edit is not None and tab.document.get("T").name == "Prioritera remiss"
    assert window.undo_action.isEnabled() and window.undo_action.text().endswith(edit.name["en"])
    assert tab.session.is_modified() and window.isWindowModified()
    assert window.tabs.tabText(window.tabs.currentIndex()).endswith("*")
    window.undo_action.trigger()
    assert tab.document.get("T").name == "Bedöm remiss" and not tab.session.is_modified()
    window.redo_action.trigger()
    assert tab.document.get("T").name == "Prioritera remiss"


def test_the_canvas_redraws_after_an_edit_and_its_undo(window: MainWindow, small_bpmn: Path) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None and tab.scene.item_for_id("E") is not None
    tab.session.perform(lambda editor: editor.delete(["E"]))
    assert tab.scene.item_for_id("E") is None and tab.scene.item_for_id("F4") is None
    tab.session.undo_stack.undo()
    assert tab.scene.item_for_id("E") is not None and tab.scene.item_for_id("F4") is not None


def test_a_refused_edit_changes_nothing_and_says_why(window: MainWindow, small_bpmn: Path) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    reasons: list[str] = []
    tab.session.refused.connect(reasons.append)
    assert tab.session.perform(lambda editor: editor.connect("E", "S")) is None
    assert reasons and tab.session.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == reasons[0]


def test_reveal_selects_and_centres_an_element(window: MainWindow, small_bpmn: Path) -> None:
    # given
    tab = window.open_file(small_bpmn)
    assert tab is not None
    window.show()
    tab.view.set_zoom(4.0)
    selections: list[str] = []
    tab.scene.selection_changed.connect(selections.append)
    # when
    assert tab.reveal("E")
    # then
    assert selections == ["E"] and tab.scene.selected_id() == "E" and "selected" in tab.scene.markers("E")
    centre = tab.view.mapToScene(tab.view.viewport().rect().center())
    assert tab.scene.item_for_id("E").sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(centre)
    assert not tab.reveal("no-such-element") and tab.scene.selected_id() == ""


def test_copied_elements_leave_the_clipboard_at_exit_and_other_content_stays() -> None:
    # given elements copied in Process Mapper
    clipboard = QGuiApplication.clipboard()
    copied = QMimeData()
    copied.setData(MIME_TYPE, QByteArray(b"<definitions/>"))
    clipboard.setMimeData(copied)
    # when the application releases the clipboard
    release_clipboard()
    # then they are gone, while text another program copied is left alone
    left = clipboard.mimeData()
    assert left is None or not left.hasFormat(MIME_TYPE)
    clipboard.setText("Remiss")
    release_clipboard()
    assert clipboard.text() == "Remiss"
