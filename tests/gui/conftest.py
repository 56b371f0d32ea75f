"""Fixtures of the gui tests: headless Qt, temporary settings, BPMN files to open.

Qt runs on the ``offscreen`` platform unless ``QT_QPA_PLATFORM`` says otherwise, so the
tests need no display. The MIWG reference models are used when ``../shared`` is there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402 - the platform must be chosen before Qt loads
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from process_mapper.gui.editing.clipboard import release_clipboard  # noqa: E402
from process_mapper.gui.i18n import install_translators  # noqa: E402
from process_mapper.gui.settings import AppSettings  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
MIWG_REFERENCE = REPO_ROOT.parent / "shared" / "corpora" / "bpmn-miwg" / "reference"
SAMPLES = REPO_ROOT / "sample_processes"

#: A small collaboration drawn with DI: a pool, a user task with a default flow,
#: a conditional flow, a non-interrupting timer boundary event, an exclusive gateway
#: with its marker, a named message flow to a black-box pool.
SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  id="D" targetNamespace="urn:test">
  <collaboration id="C">
    <participant id="P1" name="Mottagning" processRef="Proc"/>
    <participant id="P2" name="Patient"/>
    <messageFlow id="M" name="Kallelse" sourceRef="T" targetRef="P2"/>
  </collaboration>
  <process id="Proc" isExecutable="false">
    <startEvent id="S" name="Remiss inkommen"/>
    <userTask id="T" name="Bedöm remiss" default="F2"/>
    <exclusiveGateway id="G" name="Akut?"/>
    <endEvent id="E" name="Klar"/>
    <boundaryEvent id="B" attachedToRef="T" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
    <sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
    <sequenceFlow id="F2" sourceRef="T" targetRef="G"/>
    <sequenceFlow id="F3" name="Ja" sourceRef="T" targetRef="E"><conditionExpression>akut</conditionExpression></sequenceFlow>
    <sequenceFlow id="F4" sourceRef="G" targetRef="E"/>
  </process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="C">
      <bpmndi:BPMNShape id="P1_di" bpmnElement="P1" isHorizontal="true"><dc:Bounds x="0" y="0" width="600" height="250"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="P2_di" bpmnElement="P2" isHorizontal="true"><dc:Bounds x="0" y="300" width="600" height="60"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="60" y="82" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="140" y="60" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="G_di" bpmnElement="G" isMarkerVisible="true"><dc:Bounds x="300" y="75" width="50" height="50"/>
        <bpmndi:BPMNLabel><dc:Bounds x="300" y="40" width="50" height="14"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="450" y="82" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B_di" bpmnElement="B"><dc:Bounds x="200" y="122" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="96" y="100"/><di:waypoint x="140" y="100"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="240" y="100"/><di:waypoint x="300" y="100"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="190" y="60"/><di:waypoint x="190" y="20"/>
        <di:waypoint x="468" y="20"/><di:waypoint x="468" y="82"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="350" y="100"/><di:waypoint x="450" y="100"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="M_di" bpmnElement="M"><di:waypoint x="190" y="140"/><di:waypoint x="190" y="300"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
"""  # noqa: E501 - diagram rows of the fixture, one element per line


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> Iterator[list[object]]:
    """The interface in English, as the application sets it up (plural forms included)."""
    translators = install_translators(qapp, "en")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def answer_no(
    _parent: QWidget, _title: str, _text: str, buttons: object = None, _default: object = None
) -> QMessageBox.StandardButton:
    """A question box's negative answer: Discard when offered, else No, else Cancel."""
    offered = buttons if isinstance(buttons, QMessageBox.StandardButton) else QMessageBox.StandardButton.NoButton
    for answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.No):
        if offered & answer:
            return answer
    return QMessageBox.StandardButton.Cancel


@pytest.fixture(scope="session", autouse=True)
def clipboard_released(qapp: QApplication) -> Iterator[None]:
    """Elements copied by the tests leave the clipboard before Qt shuts down, as the application's do."""
    yield
    release_clipboard()


@pytest.fixture(autouse=True)
def questions_never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Question boxes answer Discard / No instead of waiting for a click.

    A window with unsaved edits asks Save / Discard / Cancel when pytest-qt closes it after
    the test; offscreen, nobody would answer. Tests about the questions replace this.
    """
    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_no))


@pytest.fixture
def small_bpmn(tmp_path: Path) -> Path:
    """:data:`SMALL` written to a file."""
    path = tmp_path / "remiss.bpmn"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings kept in a temporary INI file and a temporary data folder, never the user's."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), tmp_path / "data")


def miwg_references() -> list[Path]:
    """The MIWG reference models, or none when the shared corpus is absent."""
    return sorted(MIWG_REFERENCE.glob("*.bpmn")) if MIWG_REFERENCE.is_dir() else []


def sample_processes() -> list[Path]:
    """The sample standard processes and local variants shipped in the repository."""
    return sorted(SAMPLES.rglob("*.bpmn")) if SAMPLES.is_dir() else []
