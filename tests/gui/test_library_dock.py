"""The library dock: the shipped standards and the user's folders, by category, with versions."""

from __future__ import annotations

import threading
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from process_mapper.core.library import LibraryListing, StandardLibrary
from process_mapper.core.model.namespaces import PM
from process_mapper.gui.main_window import SAMPLE_PROCESSES_DIR, MainWindow
from process_mapper.gui.preferences import PreferencesDialog
from process_mapper.gui.settings import AppSettings

from .conftest import SAMPLES, SMALL

STANDARDS = SAMPLES / "standard"
#: The shipped standards as the dock groups them: (group, [(title, version)]).
SHIPPED = [
    ("Referrals", [("Inkommande remiss, handläggning", "1.0"), ("Utgående remiss med bevakning av remissvar", "1.0")]),
    ("Certificates", [
        ("Läkarintyg för körkort, högre behörigheter (TSTRK1007)", "1.0"),
        ("Utfärda dödsbevis och dödsorsaksintyg", "1.0"),
        ("Utfärda läkarintyg för sjukpenning (FK 7804)", "1.0"),
    ]),
]


def _window(qtbot: QtBot, settings: AppSettings, library: Path | None = None) -> MainWindow:
    """A main window whose library dock shows its first listing."""
    window = MainWindow(settings, library)
    qtbot.addWidget(window)
    _listed(qtbot, window)
    return window


def _listed(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the dock shows the listing of the last look through the folders (read on a worker thread)."""
    qtbot.waitUntil(lambda: not window.library_dock.is_reading(), timeout=10000)


def _tree(window: MainWindow) -> QTreeWidget:
    tree = window.library_dock.findChild(QTreeWidget)
    assert tree is not None
    return tree


def _groups(window: MainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """The dock's groups as shown: (group, [(first column, second column)])."""
    tree = _tree(window)
    groups = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        children = [(group.child(j).text(0), group.child(j).text(1)) for j in range(group.childCount())]
        groups.append((group.text(0), children))
    return groups


def _item(window: MainWindow, title: str, version: str = "") -> QTreeWidgetItem:
    tree = _tree(window)
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == title and (not version or group.child(j).text(1) == version):
                return group.child(j)
    raise AssertionError(f"{title} {version} is not listed")


def _copy_standard(source: Path, target: Path, identifier: str, version: str) -> Path:
    """``source`` under another identifier and version (its title kept)."""
    text = source.read_text(encoding="utf-8")
    text = text.replace(f'identifier="{source.stem}" version="1.0"', f'identifier="{identifier}" version="{version}"')
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_the_shipped_standards_are_listed_by_category_with_versions(qtbot: QtBot, app_settings: AppSettings) -> None:
    # given the app started without --library, as an installed app starts
    window = _window(qtbot, app_settings)
    # then the dock lists the shipped standards, referrals then certificates, each with its version
    assert _groups(window) == SHIPPED
    assert [entry.identifier for entry in window.library_dock.entries()] == [
        "STD-REM-IN", "STD-REM-UT", "STD-INTYG-TSTRK1007", "STD-INTYG-DB-DOI", "STD-INTYG-FK7804"]
    # and the tooltip tells its metadata and file
    tooltip = _item(window, "Inkommande remiss, handläggning").toolTip(0)
    description = window.library_dock.entries()[0].description
    owner = "Owner: Västra Götalandsregionen, regional processägare remisshantering"
    for text in ("Identifier: STD-REM-IN", "Valid from: 2026-03-01", owner, escape(description),
                 str(STANDARDS / "STD-REM-IN.bpmn")):
        assert text in tooltip


def test_a_listed_standard_opens_read_only(qtbot: QtBot, app_settings: AppSettings) -> None:
    window = _window(qtbot, app_settings)
    _tree(window).itemActivated.emit(_item(window, "Utgående remiss med bevakning av remissvar"), 0)
    (tab,) = window.document_tabs()
    assert tab.path == (STANDARDS / "STD-REM-UT.bpmn").resolve()
    assert tab.read_only and "read-only" in window.tabs.tabText(0)


def test_the_library_folder_of_the_command_line_is_listed_too(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    # given a --library folder with a titled process in a sub-folder and one without metadata
    library = tmp_path / "library"
    titled = SMALL.replace(
        '<process id="Proc" isExecutable="false">',
        '<process id="Proc" isExecutable="false"><extensionElements>'
        f'<pm:metadata xmlns:pm="{PM}" version="0.9"><pm:title>Lokal remiss</pm:title></pm:metadata>'
        "</extensionElements>",
    )
    (library / "remiss").mkdir(parents=True)
    (library / "remiss" / "in.bpmn").write_text(titled, encoding="utf-8")
    (library / "plain.bpmn").write_text(SMALL, encoding="utf-8")
    window = _window(qtbot, app_settings, library)
    # then they are listed after the shipped standards, without a category, by title (else the pool's name)
    assert _groups(window) == [*SHIPPED, ("Other standards", [("Lokal remiss", "0.9"), ("Mottagning", "–")])]
    # and nothing is saved into that folder
    assert window.library_dock.library_folder_of(library / "remiss" / "ny.bpmn") == library
    assert window.library_dock.library_folder_of(tmp_path / "ny.bpmn") is None


def test_a_folder_added_in_the_preferences_is_listed_after_ok_and_kept(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the region's folder with a newer version of a standard under another identifier
    region = tmp_path / "region"
    _copy_standard(STANDARDS / "STD-REM-IN.bpmn", region / "remiss" / "VGR-REM-IN.bpmn", "VGR-REM-IN", "2.1")
    window = _window(qtbot, app_settings)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(region)))

    # when the user adds it with Add… in Edit > Preferences and presses OK
    def add_folder(dialog: PreferencesDialog) -> int:
        dialog.add_folder_button.click()
        assert dialog.folders() == [region]
        assert _groups(window) == SHIPPED  # not before OK
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", add_folder)
    window.preferences_action.trigger()
    _listed(qtbot, window)
    # then its standard is listed with its version, beside the shipped one (newest first)
    referrals = _groups(window)[0]
    assert referrals == ("Referrals", [("Inkommande remiss, handläggning", "2.1"),
                                       ("Inkommande remiss, handläggning", "1.0"),
                                       ("Utgående remiss med bevakning av remissvar", "1.0")])
    assert "VGR-REM-IN" in _item(window, "Inkommande remiss, handläggning", "2.1").toolTip(0)
    # and the folder is kept: a new start lists it too
    reread = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert reread.library_folders() == [region]
    assert len(_window(qtbot, reread).library_dock.entries()) == 6


def test_a_folder_removed_in_the_preferences_is_no_longer_listed(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = tmp_path / "region"
    _copy_standard(STANDARDS / "STD-REM-UT.bpmn", region / "VGR-REM-UT.bpmn", "VGR-REM-UT", "1.1")
    app_settings.set_library_folders([region])
    window = _window(qtbot, app_settings)
    assert len(window.library_dock.entries()) == 6

    def remove_folder(dialog: PreferencesDialog) -> int:
        assert not dialog.remove_folder_button.isEnabled()
        dialog.folder_list.setCurrentRow(0)
        dialog.remove_folder_button.click()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", remove_folder)
    window.show_preferences()
    _listed(qtbot, window)
    assert app_settings.library_folders() == [] and _groups(window) == SHIPPED


def test_unreadable_files_and_missing_folders_are_listed_with_the_reason(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    # given an extra folder holding a damaged file, and a folder that is not there (a share not mounted)
    region = tmp_path / "region"
    region.mkdir()
    (region / "trasig.bpmn").write_text('<?xml version="1.0"?>\n<definitions', encoding="utf-8")
    app_settings.set_library_folders([region, tmp_path / "saknas"])
    window = _window(qtbot, app_settings)
    # then both are listed apart, each with the reason, and the standards are listed as usual
    groups = dict(_groups(window))
    assert groups["Referrals"] == SHIPPED[0][1]
    problems = _tree(window).topLevelItem(_tree(window).topLevelItemCount() - 1)
    assert problems.text(0) == "Could not be read"
    damaged, missing = problems.child(0), problems.child(1)
    assert damaged.text(0) == "trasig.bpmn"
    (file,) = window.library_dock.listing().unreadable
    assert damaged.child(0).text(0) == "The file ends before its XML is complete; it may be cut off."
    assert str(region / "trasig.bpmn") in damaged.toolTip(0) and file.reason in damaged.toolTip(0)
    assert missing.text(0) == str(tmp_path / "saknas")
    assert missing.child(0).text(0) == "The folder does not exist."
    assert "does not exist" in missing.toolTip(0)
    # and a damaged file is never offered as a standard
    assert all(entry.path.name != "trasig.bpmn" for entry in window.library_dock.entries())


def test_refresh_lists_what_changed_on_disk(qtbot: QtBot, app_settings: AppSettings, tmp_path: Path) -> None:
    # given an extra folder listed in the dock
    region = tmp_path / "region"
    region.mkdir()
    app_settings.set_library_folders([region])
    window = _window(qtbot, app_settings)
    assert len(window.library_dock.entries()) == 5
    # when a standard is copied into it, then the dock lists it once the folder settles
    _copy_standard(STANDARDS / "STD-INTYG-FK7804.bpmn", region / "VGR-FK7804.bpmn", "VGR-FK7804", "1.2")
    qtbot.waitUntil(lambda: len(window.library_dock.entries()) == 6, timeout=5000)
    assert ("Utfärda läkarintyg för sjukpenning (FK 7804)", "1.2") in dict(_groups(window))["Certificates"]
    # and View > Refresh Standard Processes lists a removal at once
    (region / "VGR-FK7804.bpmn").unlink()
    with qtbot.waitSignal(window.library_dock.listed, timeout=10000):
        window.refresh_library_action.trigger()
    assert _groups(window) == SHIPPED


def test_a_slow_folder_holds_up_neither_the_window_nor_the_listing_it_ends_in(
    qtbot: QtBot, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a library whose folders take until released to read (a slow network share)
    released = threading.Event()
    scan = StandardLibrary.scan

    def slow_scan(library: StandardLibrary) -> LibraryListing:
        assert released.wait(10)
        return scan(library)

    monkeypatch.setattr(StandardLibrary, "scan", slow_scan)
    # when the window starts
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # then it is up and says the dock is reading, while the folders are still being read
    assert window.library_dock.is_reading()
    assert _groups(window) == [("Reading standard processes…", [])]
    # and once they are read, the dock lists them
    with qtbot.waitSignal(window.library_dock.listed, timeout=10000):
        released.set()
    assert _groups(window) == SHIPPED


def test_saving_into_an_extra_library_folder_is_refused(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a standard of the region's folder opened from the dock
    region = tmp_path / "region"
    standard = _copy_standard(STANDARDS / "STD-REM-IN.bpmn", region / "VGR-REM-IN.bpmn", "VGR-REM-IN", "2.0")
    app_settings.set_library_folders([region])
    window = _window(qtbot, app_settings)
    _tree(window).itemActivated.emit(_item(window, "Inkommande remiss, handläggning", "2.0"), 0)
    (tab,) = window.document_tabs()
    shown: list[str] = []

    def warning(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(region / "kopia.bpmn"), ""))
    )
    # when Save As points into that folder, then it is refused and nothing is written there
    assert not window.files.save_as(tab)
    assert shown and str(region) in shown[0]
    assert sorted(p.name for p in region.iterdir()) == [standard.name]


def test_open_sample_process_starts_in_the_sample_local_variants(
    window_with_samples: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(parent: QWidget, title: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(folder)
        return [str(SAMPLE_PROCESSES_DIR / "A-V1.bpmn")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    assert window_with_samples.open_sample_action.isVisible()
    window_with_samples.open_sample_action.trigger()
    assert asked == [str(SAMPLE_PROCESSES_DIR)]
    (tab,) = window_with_samples.document_tabs()
    assert tab.path == (SAMPLE_PROCESSES_DIR / "A-V1.bpmn").resolve() and not tab.read_only


@pytest.fixture
def window_with_samples(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    """A main window of a source checkout, where the sample local variants are."""
    if not SAMPLE_PROCESSES_DIR.is_dir():
        pytest.skip("the sample local variants are not there")
    return _window(qtbot, app_settings)
