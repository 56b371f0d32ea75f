"""File > New, Save, Save As, Export, the unsaved-changes prompt and changes made on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.xmlio import read_bpmn, to_bytes
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.files import prompts
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings

from .conftest import SMALL, answer_no

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window with temporary settings and data folder, and no library."""
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    return window


class Boxes:
    """Records the message boxes asked and gives the answers queued for them.

    A question with no answer queued (pytest-qt closing the window after the test) is
    answered like :func:`~.conftest.answer_no`.
    """

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, str]] = []
        self.answers: list[Button] = []
        self.choices: list[int] = []
        self.save_names: list[str] = []

    def box(self, kind: str, answer: Button = Button.Ok):
        def show(_parent: QWidget, title: str, text: str, *_buttons: object) -> Button:
            self.asked.append((kind, title, text))
            if kind != "question":
                return answer
            return self.answers.pop(0) if self.answers else answer_no(_parent, title, text, *_buttons)

        return staticmethod(show)

    def choose(self, _parent: QWidget, _icon: object, title: str, text: str, _answers: object, default: int = 0) -> int:
        self.asked.append(("choose", title, text))
        return self.choices.pop(0)

    def save_name(self, *_args: object) -> tuple[str, str]:
        return (self.save_names.pop(0) if self.save_names else "", "")

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.asked]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """Every message box and save dialog replaced by :class:`Boxes`."""
    boxes = Boxes()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, boxes.box(kind))
    monkeypatch.setattr(prompts, "choose", boxes.choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(boxes.save_name))
    return boxes


def _add_task(tab: DocumentTab, name: str) -> str:
    """Draw a user task in the tab's first process; its id."""
    process_id = tab.document.processes[0].id
    edit = tab.session.perform(lambda editor: editor.create_shape("userTask", process_id, (200.0, 120.0), name))
    assert edit is not None
    return next(i for i in tab.scene.element_ids() if getattr(tab.document.get(i), "name", None) == name)


def test_a_new_document_saved_reopens_as_it_was_drawn(window: MainWindow, boxes: Boxes, tmp_path: Path) -> None:
    # given two new documents, one with a task
    window.new_action.trigger()
    window.new_action.trigger()
    assert [window.tabs.tabText(i) for i in range(2)] == ["Untitled", "Untitled 2"]
    tab = window.current_tab()
    assert tab is not None and tab.path is None and tab.document.processes[0].name == "New process"
    _add_task(tab, "Ta emot remiss")
    assert window.tabs.tabText(1) == "Untitled 2*" and window.isWindowModified()
    # when it is saved under a name without the suffix
    boxes.save_names.append(str(tmp_path / "egen"))
    window.save_action.trigger()
    # then it is written as egen.bpmn, clean, named after its file, and reads back the same
    saved = tmp_path / "egen.bpmn"
    assert tab.path == saved.resolve() and not tab.session.is_modified()
    assert window.tabs.tabText(1) == "egen.bpmn" and window.windowTitle().startswith("egen.bpmn")
    assert not window.isWindowModified()
    assert to_bytes(read_bpmn(saved)) == to_bytes(tab.document)
    assert saved.resolve() in window._settings.recent_files()
    # and the next untitled document takes the free number
    window.close_tab(0)
    assert window.new_document().title() == "Untitled"


def test_save_writes_in_place_and_save_as_moves_the_tab(
    window: MainWindow, boxes: Boxes, small_bpmn: Path, tmp_path: Path
) -> None:
    # given an open file with a change
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    # when it is saved
    window.save_action.trigger()
    # then the file holds the change without a dialog
    assert read_bpmn(small_bpmn).get("T").name == "Prioritera remiss" and not tab.session.is_modified()
    # when it is saved as another file after another change
    tab.session.perform(lambda editor: editor.rename("T", "Bedöm"))
    boxes.save_names.append(str(tmp_path / "kopia.bpmn"))
    window.save_as_action.trigger()
    # then the new file has it, the old one not, and the tab belongs to the new one
    assert read_bpmn(tmp_path / "kopia.bpmn").get("T").name == "Bedöm"
    assert read_bpmn(small_bpmn).get("T").name == "Prioritera remiss"
    assert tab.path == (tmp_path / "kopia.bpmn").resolve() and window.tabs.tabText(0) == "kopia.bpmn"


def test_a_cancelled_save_as_changes_nothing(window: MainWindow, boxes: Boxes, small_bpmn: Path) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    assert not window.files.save_as(tab)
    assert tab.session.is_modified() and tab.path == small_bpmn.resolve()


def test_a_standard_is_never_overwritten(qtbot: QtBot, app_settings: AppSettings, boxes: Boxes, tmp_path: Path) -> None:
    # given a standard opened read-only from the library, and edited
    library = tmp_path / "library"
    library.mkdir()
    standard = library / "remiss.bpmn"
    standard.write_text(SMALL, encoding="utf-8")
    window = MainWindow(app_settings, library)
    qtbot.addWidget(window)
    tab = window.open_file(standard, read_only=True)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Lokal bedömning"))
    # when Save is chosen and the user points into the library, then elsewhere
    boxes.save_names += [str(library / "remiss.bpmn"), str(tmp_path / "lokal.bpmn")]
    window.save_action.trigger()
    # then the library is refused with a message and the standard keeps its text
    assert boxes.titles() == ["Cannot Save File"] and "read-only" in boxes.asked[0][2]
    assert standard.read_text(encoding="utf-8") == SMALL and tab.read_only and tab.session.is_modified()
    # when Save is chosen again, the copy goes elsewhere and the tab becomes editable
    window.save_action.trigger()
    assert read_bpmn(tmp_path / "lokal.bpmn").get("T").name == "Lokal bedömning"
    assert not tab.read_only and window.tabs.tabText(0) == "lokal.bpmn"
    assert standard.read_text(encoding="utf-8") == SMALL


def test_a_failed_write_is_explained_and_leaves_the_file_as_it_was(
    window: MainWindow, boxes: Boxes, small_bpmn: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an edited file and a full disk
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    # when it is saved
    assert not window.files.save(tab)
    # then the user is told, the file is unchanged and no temporary file is left
    ((kind, title, text),) = boxes.asked
    assert (kind, title) == ("critical", "Cannot Save File")
    assert "remiss.bpmn" in text and "not changed" in text and "No space left on device" in text
    assert small_bpmn.read_text(encoding="utf-8") == SMALL
    assert sorted(p.name for p in small_bpmn.parent.iterdir() if p.suffix == ".tmp") == []
    assert tab.session.is_modified()


def test_export_writes_a_copy_and_the_tab_keeps_its_file(
    window: MainWindow, boxes: Boxes, small_bpmn: Path, tmp_path: Path
) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    boxes.save_names.append(str(tmp_path / "export.bpmn"))
    window.export_bpmn_action.trigger()
    exported = read_bpmn(tmp_path / "export.bpmn")
    assert exported.get("T").name == "Prioritera remiss" and exported.diagrams[0].plane.elements
    assert tab.path == small_bpmn.resolve() and tab.session.is_modified()
    assert small_bpmn.read_text(encoding="utf-8") == SMALL


# --- the unsaved-changes prompt -----------------------------------------------------------


@pytest.fixture
def edited(window: MainWindow, small_bpmn: Path) -> DocumentTab:
    """``small_bpmn`` open with one unsaved change."""
    tab = window.open_file(small_bpmn)
    assert tab is not None
    tab.session.perform(lambda editor: editor.rename("T", "Prioritera remiss"))
    return tab


def test_cancel_keeps_the_tab_open(window: MainWindow, boxes: Boxes, edited: DocumentTab) -> None:
    boxes.answers.append(Button.Cancel)
    window.close_action.trigger()
    assert window.document_tabs() == [edited] and boxes.titles() == ["Unsaved Changes"]
    assert "remiss.bpmn" in boxes.asked[0][2]


def test_discard_closes_without_saving(window: MainWindow, boxes: Boxes, edited: DocumentTab, small_bpmn: Path) -> None:
    boxes.answers.append(Button.Discard)
    window.close_action.trigger()
    assert window.document_tabs() == [] and small_bpmn.read_text(encoding="utf-8") == SMALL


def test_save_in_the_prompt_saves_then_closes(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, small_bpmn: Path
) -> None:
    boxes.answers.append(Button.Save)
    window.close_action.trigger()
    assert window.document_tabs() == [] and read_bpmn(small_bpmn).get("T").name == "Prioritera remiss"


def test_an_unmodified_tab_closes_without_asking(window: MainWindow, boxes: Boxes, small_bpmn: Path) -> None:
    window.open_file(small_bpmn)
    window.close_action.trigger()
    assert window.document_tabs() == [] and boxes.asked == []


def test_quitting_asks_for_each_modified_tab_and_cancel_stops_it(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, tmp_path: Path
) -> None:
    # given two modified tabs
    second = window.new_document()
    _add_task(second, "Skicka svar")
    window.show()
    # when quitting is cancelled at the second
    boxes.answers += [Button.Discard, Button.Cancel]
    assert not window.close()
    # then the window stays, with both tabs
    assert window.isVisible() and len(window.document_tabs()) == 2 and boxes.titles() == ["Unsaved Changes"] * 2
    # when the changes are discarded at both, the window closes
    boxes.answers += [Button.Discard, Button.Discard]
    assert window.close()


# --- changes on disk ----------------------------------------------------------------------


def _changed_elsewhere(path: Path) -> None:
    """Another program writes a different version of ``path``."""
    path.write_text(SMALL.replace("Bedöm remiss", "Granska remiss"), encoding="utf-8")


def test_overwriting_a_file_changed_on_disk_is_asked_first(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, small_bpmn: Path, tmp_path: Path
) -> None:
    # given the file changed by another program while the tab has edits
    _changed_elsewhere(small_bpmn)
    # when the save is cancelled
    boxes.choices.append(2)
    assert not window.files.save(edited)
    # then the other program's version stays
    assert boxes.titles() == ["File Changed on Disk"]
    assert read_bpmn(small_bpmn).get("T").name == "Granska remiss" and edited.session.is_modified()
    # when "Save As…" is chosen, the edits go to a new file and the changed one stays
    boxes.choices.append(1)
    boxes.save_names.append(str(tmp_path / "min.bpmn"))
    assert window.files.save(edited)
    assert read_bpmn(tmp_path / "min.bpmn").get("T").name == "Prioritera remiss"
    assert read_bpmn(small_bpmn).get("T").name == "Granska remiss"


def test_overwrite_replaces_the_changed_file_and_later_saves_do_not_ask(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, small_bpmn: Path
) -> None:
    _changed_elsewhere(small_bpmn)
    boxes.choices.append(0)
    assert window.files.save(edited)
    assert read_bpmn(small_bpmn).get("T").name == "Prioritera remiss"
    edited.session.perform(lambda editor: editor.rename("T", "Bedöm"))
    assert window.files.save(edited) and boxes.titles() == ["File Changed on Disk"]


def test_a_file_touched_without_a_change_saves_without_asking(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, small_bpmn: Path
) -> None:
    os.utime(small_bpmn, (1_000_000, 1_000_000))
    assert window.files.save(edited) and boxes.asked == []


def test_an_unmodified_tab_offers_to_reload_a_changed_file(window: MainWindow, boxes: Boxes, small_bpmn: Path) -> None:
    # given an open, unmodified file changed by another program
    tab = window.open_file(small_bpmn)
    assert tab is not None
    _changed_elsewhere(small_bpmn)
    # when the change is noticed and the user says No, then Yes
    boxes.answers.append(Button.No)
    window.files.check_disk(tab)
    assert window.document_tabs() == [tab]
    boxes.answers.append(Button.Yes)
    window.files.check_disk(tab)
    # then the tab was replaced by one with the new content, in its place
    (reloaded,) = window.document_tabs()
    assert reloaded is not tab and reloaded.document.get("T").name == "Granska remiss"
    assert boxes.titles() == ["File Changed on Disk"] * 2


def test_the_watcher_notices_a_change_made_by_another_program(
    window: MainWindow, boxes: Boxes, small_bpmn: Path, qtbot: QtBot
) -> None:
    window.open_file(small_bpmn)
    boxes.answers.append(Button.Yes)
    _changed_elsewhere(small_bpmn)
    qtbot.waitUntil(lambda: window.document_tabs()[0].document.get("T").name == "Granska remiss", timeout=10_000)


def test_a_deleted_file_is_reported_and_its_tab_kept_modified(
    window: MainWindow, boxes: Boxes, small_bpmn: Path
) -> None:
    tab = window.open_file(small_bpmn)
    assert tab is not None
    small_bpmn.unlink()
    window.files.check_disk(tab)
    window.files.check_disk(tab)
    assert boxes.titles() == ["File Deleted"] and window.document_tabs() == [tab]
    assert tab.session.is_modified() and window.tabs.tabText(0) == "remiss.bpmn*"
    assert window.files.save(tab) and small_bpmn.is_file() and not tab.session.is_modified()


def test_saving_does_not_report_its_own_write_as_a_change(
    window: MainWindow, boxes: Boxes, edited: DocumentTab, qtbot: QtBot
) -> None:
    assert window.files.save(edited)
    qtbot.wait(200)  # let the watcher deliver the event of our own write
    window.files.check_disk(edited)
    assert boxes.asked == []
