"""The interface languages: complete Swedish, compiled catalogues, the language choice."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from process_mapper.core.xmlio import BpmnReadError, read_bpmn_bytes
from process_mapper.gui.files.read_problems import read_error_reason, read_problem
from process_mapper.gui.i18n import catalogue_dir, choose_language, install_translators, system_language
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.settings import AppSettings

from .conftest import REPO_ROOT

CATALOGUES = {language: catalogue_dir() / f"process_mapper_{language}.ts" for language in ("sv", "en")}
GUI_SOURCES = sorted(str(p) for p in (REPO_ROOT / "process_mapper" / "gui").rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def unfinished(ts_file: Path) -> list[str]:
    """Source texts of ``ts_file`` whose translation is missing, empty or not final."""
    missing = []
    for message in etree.parse(str(ts_file)).iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        if translation.get("type") is not None or any(not (form.text or "").strip() for form in forms):
            missing.append(message.findtext("source"))
    return missing


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_catalogue_has_no_unfinished_translation(language: str) -> None:
    assert unfinished(CATALOGUES[language]) == []


def test_swedish_covers_every_string_in_the_code(tmp_path: Path) -> None:
    """lupdate run over the sources finds no string that Swedish lacks."""
    copy = tmp_path / "sv.ts"
    shutil.copy(CATALOGUES["sv"], copy)
    subprocess.run(
        [_tool("pyside6-lupdate"), *GUI_SOURCES, "-locations", "none", "-no-obsolete", "-ts", str(copy)],
        check=True, capture_output=True,
    )
    assert unfinished(copy) == []


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_committed_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"{language}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(CATALOGUES[language]), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == CATALOGUES[language].with_suffix(".qm").read_bytes()


def test_command_line_beats_preference_beats_system() -> None:
    assert choose_language("en", "sv") == "en"
    assert choose_language(None, "sv") == "sv"
    assert choose_language(None, "") == system_language()
    assert choose_language("fi", "de") == system_language()


def test_the_window_speaks_swedish(qtbot: QtBot, qapp: QApplication, app_settings: AppSettings) -> None:
    translators = install_translators(qapp, "sv")
    try:
        window = MainWindow(app_settings)
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == ["&Arkiv", "&Redigera", "&Visa", "&Hjälp"]
        assert window.open_action.text() == "&Öppna…"
        assert window.recent_menu.title() == "Senaste &filer"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_why_a_file_cannot_be_read_is_said_in_swedish(qapp: QApplication) -> None:
    # given the Swedish interface, and the core's English refusal of a truncated file
    translators = install_translators(qapp, "sv")
    try:
        with pytest.raises(BpmnReadError) as caught:
            truncated = b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\n<process"
            read_bpmn_bytes(truncated, "trasig.bpmn")
        # then the reason is Swedish and the core's sentence is kept as the detail
        reason, detail = read_error_reason(caught.value)
        assert reason == "Filen tar slut innan dess XML är komplett; den kan vara avklippt."
        assert detail == str(caught.value) and "trasig.bpmn" in detail
        assert read_problem("too-large") == "Filen är större än de 50 MB som Process Mapper öppnar."
        assert read_problem("folder-missing") == "Mappen finns inte."
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
