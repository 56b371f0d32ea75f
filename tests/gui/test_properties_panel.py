"""The properties dock: typing into its real fields edits the model, one undoable command each."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from process_mapper.core.diff.durations import parse_duration
from process_mapper.core.diff.facts import StepFacts, collect_facts
from process_mapper.core.diff.steps import build_graph
from process_mapper.core.library import merged_metadata
from process_mapper.core.model import BpmnDocument
from process_mapper.core.model.extensions import properties
from process_mapper.core.model.namespaces import PM
from process_mapper.core.model.semantic import BoundaryEvent, TimerEventDefinition
from process_mapper.core.xmlio import read_bpmn, write_bpmn
from process_mapper.gui.document_tab import DocumentTab
from process_mapper.gui.i18n import install_translators
from process_mapper.gui.main_window import MainWindow
from process_mapper.gui.panels.duration import PlainDuration, Unit, plain_duration
from process_mapper.gui.panels.key_values import KEY_COLUMN, VALUE_COLUMN
from process_mapper.gui.panels.properties import PropertiesDock
from process_mapper.gui.panels.suggestions import parse_known_names, suggestions
from process_mapper.gui.settings import AppSettings

from .conftest import SAMPLES

#: A pool with two lanes: a nurse registers the referral, a doctor assesses it (who has
#: a deadline property, as the sample standards write them).
LANED = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:pm="urn:process-mapper:bpmn-extensions:1" id="D" targetNamespace="urn:test">
  <collaboration id="C"><participant id="P" name="Mottagning" processRef="Proc"/></collaboration>
  <process id="Proc" isExecutable="false">
    <laneSet id="LS">
      <lane id="L1" name="Sjuksköterska"><flowNodeRef>S</flowNodeRef><flowNodeRef>T1</flowNodeRef></lane>
      <lane id="L2" name="Läkare"><flowNodeRef>T2</flowNodeRef><flowNodeRef>E</flowNodeRef></lane>
    </laneSet>
    <startEvent id="S" name="Remiss inkommen"/>
    <userTask id="T1" name="Registrera remiss"/>
    <userTask id="T2" name="Bedöm remiss">
      <documentation>system: Webcert; medium: paper</documentation>
      <extensionElements><pm:properties><pm:property name="deadline" value="P3D"/></pm:properties></extensionElements>
    </userTask>
    <endEvent id="E" name="Bedömd"/>
    <sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
    <sequenceFlow id="F2" sourceRef="T1" targetRef="T2"/>
    <sequenceFlow id="F3" sourceRef="T2" targetRef="E"/>
  </process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="C">
      <bpmndi:BPMNShape id="P_di" bpmnElement="P" isHorizontal="true"><dc:Bounds x="0" y="0" width="600" height="240"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="L1_di" bpmnElement="L1" isHorizontal="true"><dc:Bounds x="30" y="0" width="570" height="120"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="L2_di" bpmnElement="L2" isHorizontal="true"><dc:Bounds x="30" y="120" width="570" height="120"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="60" y="42" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T1_di" bpmnElement="T1"><dc:Bounds x="140" y="20" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T2_di" bpmnElement="T2"><dc:Bounds x="300" y="140" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="470" y="162" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="96" y="60"/><di:waypoint x="140" y="60"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="240" y="60"/><di:waypoint x="350" y="60"/>
        <di:waypoint x="350" y="140"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="400" y="180"/><di:waypoint x="470" y="180"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
"""  # noqa: E501 - diagram rows of the fixture, one element per line


@pytest.fixture
def window(qtbot: QtBot, app_settings: AppSettings) -> MainWindow:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def laned_bpmn(tmp_path: Path) -> Path:
    path = tmp_path / "mottagning.bpmn"
    path.write_text(LANED, encoding="utf-8")
    return path


@pytest.fixture
def tab(window: MainWindow, laned_bpmn: Path) -> DocumentTab:
    opened = window.open_file(laned_bpmn)
    assert opened is not None
    return opened


@pytest.fixture
def panel(window: MainWindow) -> PropertiesDock:
    return window.properties_dock


def _replace_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Click into ``field``, select what it holds and type ``text`` over it (no Enter)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _facts(document: BpmnDocument, step_id: str) -> StepFacts:
    """What the diff reads about the step: its properties and deadlines among them."""
    return collect_facts(document, build_graph(document)).steps[step_id]


def test_the_name_field_renames_on_enter_as_one_named_command(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    assert panel.kind_label.text() == "User Task" and panel.id_label.text() == "T1"
    assert panel.name_edit.text() == "Registrera remiss"
    # when
    _replace_text(qtbot, panel.name_edit, "Ankomstregistrera remiss")
    # then typing alone changes nothing
    assert tab.session.undo_stack.count() == 0 and tab.document.get("T1").name == "Registrera remiss"
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert tab.document.get("T1").name == "Ankomstregistrera remiss"
    assert tab.session.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Rename User Task"
    window.undo_action.trigger()
    assert tab.document.get("T1").name == "Registrera remiss" and panel.name_edit.text() == "Registrera remiss"


def test_documentation_commits_when_the_field_is_left(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    panel.documentation_edit.setFocus()
    # when
    qtbot.keyClicks(panel.documentation_edit, "Samma dag som remissen kommer.")
    qtbot.keyClick(panel.documentation_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.documentation_edit, "Även pappersremisser.")
    assert tab.session.undo_stack.count() == 0
    panel.name_edit.setFocus()
    # then
    assert tab.document.get("T1").documentation[0].text == "Samma dag som remissen kommer.\nÄven pappersremisser."
    assert tab.session.undo_stack.count() == 1 and tab.session.undo_stack.undoText() == "Edit Documentation"
    tab.session.undo_stack.undo()
    assert tab.document.get("T1").documentation == [] and panel.documentation_edit.toPlainText() == ""
    # when Ctrl+Enter is pressed instead of leaving the field
    panel.documentation_edit.setFocus()
    qtbot.keyClicks(panel.documentation_edit, "Kontrollera vardgarantin.")
    qtbot.keyClick(panel.documentation_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # then
    assert tab.document.get("T1").documentation[0].text == "Kontrollera vardgarantin."
    assert panel.documentation_edit.hasFocus() and tab.session.undo_stack.count() == 1


def test_choosing_a_role_moves_the_step_into_that_lane(qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock) -> None:
    # given
    tab.reveal("T1")
    assert panel.role_combo.currentText() == "Sjuksköterska"
    assert [panel.role_combo.itemText(i) for i in range(panel.role_combo.count())] == ["Sjuksköterska", "Läkare"]
    # when
    panel.role_combo.setFocus()
    qtbot.keyClick(panel.role_combo, Qt.Key.Key_Down)
    # then
    document = tab.document
    assert document.lane_of("T1").id == "L2" and panel.role_combo.currentText() == "Läkare"
    assert document.shape_of("T1").bounds.center[1] == document.shape_of("L2").bounds.center[1]
    assert tab.session.undo_stack.count() == 1 and tab.session.undo_stack.undoText() == "Move User Task"
    tab.session.undo_stack.undo()
    assert document.lane_of("T1").id == "L1" and panel.role_combo.currentText() == "Sjuksköterska"


def test_system_and_medium_are_written_as_the_diff_reads_them(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    assert "journalsystem" in [panel.system_combo.itemText(i) for i in range(panel.system_combo.count())]
    # when
    _replace_text(qtbot, panel.system_combo.lineEdit(), "e-remiss")
    qtbot.keyClick(panel.system_combo.lineEdit(), Qt.Key.Key_Return)
    _replace_text(qtbot, panel.medium_combo.lineEdit(), "electronic")
    qtbot.keyClick(panel.medium_combo.lineEdit(), Qt.Key.Key_Return)
    # then
    assert properties(tab.document.get("T1")) == {"system": "e-remiss", "medium": "electronic"}
    assert _facts(tab.document, "T1").properties == {"system": "e-remiss", "medium": "electronic"}
    assert [tab.session.undo_stack.text(i) for i in range(2)] == ["Set Property 'system'", "Set Property 'medium'"]
    tab.session.undo_stack.undo()
    assert panel.medium_combo.currentText() == "" and "medium" not in _facts(tab.document, "T1").properties


def test_a_value_from_the_documentation_text_is_shown_and_a_typed_one_takes_precedence(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given T2 says "system: Webcert; medium: paper" in its documentation
    tab.reveal("T2")
    assert panel.system_combo.currentText() == "Webcert" and panel.medium_combo.currentText() == "paper"
    assert panel.system_combo.toolTip()
    # when
    _replace_text(qtbot, panel.medium_combo.lineEdit(), "phone")
    qtbot.keyClick(panel.medium_combo.lineEdit(), Qt.Key.Key_Return)
    # then
    assert _facts(tab.document, "T2").properties["medium"] == "phone"
    assert _facts(tab.document, "T2").properties["system"] == "Webcert"


def test_a_deadline_in_days_becomes_a_timer_boundary_event(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    spin = panel.deadline_edit.amount
    assert spin.text() == "None"
    # when
    spin.setFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), "5")
    assert tab.session.undo_stack.count() == 0
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    # then
    timers = [
        d.time_duration.body
        for e in tab.document.flow_nodes()
        if isinstance(e, BoundaryEvent) and e.attached_to_ref == "T1"
        for d in e.event_definitions
        if isinstance(d, TimerEventDefinition)
    ]
    assert timers == ["P5D"] and tab.session.undo_stack.undoText() == "Set Deadline"
    assert [d.duration for d in _facts(tab.document, "T1").deadlines] == [parse_duration("P5D")]
    # when the unit changes to weeks
    panel.deadline_edit.unit.setFocus()
    qtbot.keyClick(panel.deadline_edit.unit, Qt.Key.Key_Down)
    # then
    assert [d.text for d in _facts(tab.document, "T1").deadlines] == ["P5W"]
    assert tab.session.undo_stack.undoText() == "Change Deadline"
    tab.session.undo_stack.undo()
    tab.session.undo_stack.undo()
    assert _facts(tab.document, "T1").deadlines == () and spin.text() == "None"


def test_a_deadline_set_on_a_clean_model_leaves_the_problems_panel_clean(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given a model without findings
    problems = window.problems_dock
    problems.revalidate()
    assert problems.issues == []
    tab.reveal("T1")
    # when a deadline is entered
    spin = panel.deadline_edit.amount
    spin.setFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), "3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    # then the timer marks the deadline without a finding, and the diff reads it
    (timer,) = [e for e in tab.document.flow_nodes() if isinstance(e, BoundaryEvent) and e.attached_to_ref == "T1"]
    assert timer.cancel_activity is False
    problems.revalidate()
    assert problems.issues == [] and problems.windowTitle() == "Problems (0)"
    assert [d.duration for d in _facts(tab.document, "T1").deadlines] == [parse_duration("P3D")]


def test_a_deadline_property_is_changed_where_it_is_written(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given T2 has the property deadline=P3D and no timer
    tab.reveal("T2")
    assert panel.deadline_edit.amount.value() == 3 and panel.deadline_edit.unit.currentData() is Unit.DAYS
    # when
    spin = panel.deadline_edit.amount
    spin.setFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), "10")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    # then
    assert properties(tab.document.get("T2"))["deadline"] == "P10D"
    assert not any(isinstance(e, BoundaryEvent) for e in tab.document.flow_nodes())
    assert tab.session.undo_stack.undoText() == "Set Property 'deadline'"
    table = panel.key_values.table
    assert "deadline" not in [table.item(r, KEY_COLUMN).text() for r in range(table.rowCount())]


def _edit_cell(qtbot: QtBot, panel: PropertiesDock, row: int, column: int, text: str) -> None:
    """Double-click a cell of the key-value table, type ``text`` over it and press Enter."""
    table = panel.key_values.table
    centre = table.visualItemRect(table.item(row, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_key_values_are_added_changed_renamed_and_removed_one_command_each(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    table = panel.key_values.table
    stack = tab.session.undo_stack
    # when a row is added and its key typed
    qtbot.mouseClick(panel.key_values.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "ansvarig")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.count() == 1)
    # then
    assert properties(tab.document.get("T1")) == {"ansvarig": ""}
    # when its value is typed
    _edit_cell(qtbot, panel, 0, VALUE_COLUMN, "Enhetschef")
    qtbot.waitUntil(lambda: stack.count() == 2)
    assert properties(tab.document.get("T1")) == {"ansvarig": "Enhetschef"}
    # when its key is renamed
    _edit_cell(qtbot, panel, 0, KEY_COLUMN, "kontaktperson")
    qtbot.waitUntil(lambda: stack.count() == 3)
    assert properties(tab.document.get("T1")) == {"kontaktperson": "Enhetschef"}
    assert stack.undoText() == "Rename Property 'ansvarig' to 'kontaktperson'"
    # when it is removed with the Delete key
    table.setCurrentCell(0, KEY_COLUMN)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    # then
    assert properties(tab.document.get("T1")) == {} and table.rowCount() == 0
    assert stack.count() == 4 and stack.undoText() == "Remove Property 'kontaktperson'"
    stack.undo()
    stack.undo()
    assert properties(tab.document.get("T1")) == {"ansvarig": "Enhetschef"}
    assert [table.item(0, c).text() for c in (KEY_COLUMN, VALUE_COLUMN)] == ["ansvarig", "Enhetschef"]


def test_key_values_are_saved_as_our_extension_elements_and_reopen_identically(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock, tmp_path: Path
) -> None:
    # given
    tab.reveal("T1")
    qtbot.mouseClick(panel.key_values.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "blankett")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.session.undo_stack.count() == 1)
    _edit_cell(qtbot, panel, 0, VALUE_COLUMN, "SKV 7605")
    qtbot.waitUntil(lambda: tab.session.undo_stack.count() == 2)
    # when
    saved = tmp_path / "saved.bpmn"
    write_bpmn(tab.document, saved)
    # then
    reopened = read_bpmn(saved)
    assert properties(reopened.get("T1")) == {"blankett": "SKV 7605"}
    assert properties(reopened.get("T2")) == {"deadline": "P3D"}
    tree = etree.parse(str(saved))
    written = tree.xpath(
        "//*[@id='T1']/*[local-name()='extensionElements']/pm:properties/pm:property", namespaces={"pm": PM}
    )
    assert [(p.get("name"), p.get("value")) for p in written] == [("blankett", "SKV 7605")]


def test_the_panel_follows_selection_edits_from_elsewhere_and_undo(tab: DocumentTab, panel: PropertiesDock) -> None:
    # given
    tab.reveal("T1")
    assert panel.name_edit.text() == "Registrera remiss"
    # when another element is selected
    tab.reveal("E")
    # then
    assert panel.kind_label.text() == "End Event" and panel.name_edit.text() == "Bedömd"
    assert not panel.form.isRowVisible(panel.deadline_edit) and panel.form.isRowVisible(panel.system_combo)
    assert panel.form.isRowVisible(panel.role_combo) and panel.role_combo.currentText() == "Läkare"
    # when the model changes from elsewhere, and the change is undone
    tab.session.perform(lambda editor: editor.rename("E", "Remiss bedömd"))
    assert panel.name_edit.text() == "Remiss bedömd"
    tab.session.undo_stack.undo()
    assert panel.name_edit.text() == "Bedömd"
    # when the selected element is deleted
    tab.session.perform(lambda editor: editor.delete(["E"]))
    # then the process is shown
    assert panel.kind_label.text() == "Collaboration" and panel.id_label.text() == "C"


def test_nothing_selected_shows_the_process_metadata(window: MainWindow, panel: PropertiesDock) -> None:
    # given
    tab = window.open_file(SAMPLES / "standard" / "STD-REM-IN.bpmn", read_only=True)
    assert tab is not None
    # then
    assert panel.metadata_fields["identifier"].text() == "STD-REM-IN"
    assert panel.metadata_fields["title"].text() == "Inkommande remiss, handläggning"
    assert panel.metadata_fields["category"].currentText() == "Referral"
    assert panel.form.isRowVisible(panel.metadata_fields["owner"])
    assert not panel.metadata_fields["owner"].isEnabled() and panel.metadata_fields["description"].isReadOnly()


def test_the_process_metadata_is_edited_one_command_per_field_and_the_library_reads_it(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given nothing is selected: the panel shows the process, with empty metadata fields
    assert tab.scene.selected_id() == "" and panel.form.isRowVisible(panel.metadata_fields["title"])
    # when a title and a version are typed, a category chosen and a description written
    _replace_text(qtbot, panel.metadata_fields["title"], "Inkommande remiss, mottagning")
    qtbot.keyClick(panel.metadata_fields["title"], Qt.Key.Key_Return)
    _replace_text(qtbot, panel.metadata_fields["version"], "2.0")
    qtbot.keyClick(panel.metadata_fields["version"], Qt.Key.Key_Return)
    panel.category_combo.setFocus()
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("referral"))
    panel.category_combo.activated.emit(panel.category_combo.currentIndex())
    panel.description_edit.setFocus()
    qtbot.keyClicks(panel.description_edit, "Lokal rutin.")
    panel.metadata_fields["owner"].setFocus()
    # then each is one command, and the library reads them from the document
    assert tab.session.undo_stack.count() == 4
    assert window.undo_action.text() == "&Undo Change Description"
    data, has_block = merged_metadata(tab.document)
    assert has_block and (data.title, data.version, data.category, data.description) == (
        "Inkommande remiss, mottagning", "2.0", "referral", "Lokal rutin.")
    # when undone twice
    window.undo_action.trigger()
    window.undo_action.trigger()
    # then the panel shows the model again
    assert panel.category_combo.currentData() == "" and panel.description_edit.toPlainText() == ""
    assert merged_metadata(tab.document)[0].version == "2.0"


def test_a_valid_from_date_that_is_no_iso_date_stays_typed_with_the_reason_under_it(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    messages: list[str] = []
    panel.status_message.connect(messages.append)
    field = panel.metadata_fields["valid_from"]
    # when
    _replace_text(qtbot, field, "1 mars 2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # then nothing is written, the text stays and the reason shows the form to use
    assert tab.session.undo_stack.count() == 0 and field.text() == "1 mars 2026"
    assert panel.form.isRowVisible(panel.date_error_label)
    assert "2026-03-01" in panel.date_error_label.text() and messages == [panel.date_error_label.text()]
    # when corrected
    _replace_text(qtbot, field, "2026-03-01")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # then
    assert merged_metadata(tab.document)[0].valid_from == "2026-03-01" and tab.session.undo_stack.count() == 1
    assert not panel.form.isRowVisible(panel.date_error_label)


def test_a_selected_group_is_renamed_through_its_category_value(
    qtbot: QtBot, window: MainWindow, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given a group drawn in the pool
    edit = tab.session.perform(lambda editor: editor.create_group((300, 120), "Mottagning"))
    assert edit is not None
    group_id = next(ident for ident in tab.scene.element_ids() if ident.startswith("Group_"))
    tab.reveal(group_id)
    assert panel.kind_label.text() == "Group" and panel.name_edit.text() == "Mottagning"
    # when
    _replace_text(qtbot, panel.name_edit, "Triage")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    # then
    group = tab.document.get(group_id)
    assert tab.document.resolve(group.category_value_ref).value == "Triage"
    assert window.undo_action.text() == "&Undo Rename Group"


def test_a_read_only_document_shows_its_fields_disabled(
    window: MainWindow, laned_bpmn: Path, panel: PropertiesDock
) -> None:
    # given
    tab = window.open_file(laned_bpmn, read_only=True)
    assert tab is not None
    # when
    tab.reveal("T2")
    # then
    assert panel.name_edit.text() == "Bedöm remiss"
    for field in (panel.name_edit, panel.role_combo, panel.system_combo, panel.medium_combo, panel.deadline_edit,
                  panel.key_values):
        assert not field.isEnabled()
    assert panel.documentation_edit.isReadOnly()  # enabled, so that a long text can be scrolled


def test_the_panel_follows_the_current_tab(
    window: MainWindow, laned_bpmn: Path, small_bpmn: Path, panel: PropertiesDock
) -> None:
    # given
    laned = window.open_file(laned_bpmn)
    small = window.open_file(small_bpmn)
    assert laned is not None and small is not None
    small.reveal("G")
    assert panel.name_edit.text() == "Akut?"
    # when
    window.tabs.setCurrentWidget(laned)
    # then
    assert panel.id_label.text() == "C"
    # when
    window.close_tab(window.tabs.currentIndex())
    window.close_tab(window.tabs.currentIndex())
    # then
    assert not panel.widget().isEnabled()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("P5D", PlainDuration(5, Unit.DAYS)),
        ("P2W", PlainDuration(2, Unit.WEEKS)),
        ("P14D", PlainDuration(14, Unit.DAYS)),
        ("PT8H", PlainDuration(8, Unit.HOURS)),
        ("P1DT12H", PlainDuration(36, Unit.HOURS)),
        ("PT90M", PlainDuration(90, Unit.MINUTES)),
        ("P2M", PlainDuration(2, Unit.MONTHS)),
        ("P1Y", PlainDuration(1, Unit.YEARS)),
        ("P1Y6M", None),
        ("PT30S", None),
        ("P1Y2D", None),
        ("R/P1W", None),
        ("5 arbetsdagar", None),
        (None, None),
    ],
)
def test_iso_durations_read_as_a_number_of_one_unit_and_back(text: str | None, plain: PlainDuration | None) -> None:
    assert plain_duration(text) == plain
    if plain is not None:
        assert parse_duration(plain.iso()) == parse_duration(text)


def test_suggestions_offer_the_document_values_then_the_thesaurus_names(laned_bpmn: Path) -> None:
    # given
    known = parse_known_names(
        "# --- Media ---\npapper = pappersform = paper\n"
        "# --- Systems ---\njournalsystem = record system\nPAS: patient administration\n"
    )
    assert known.media == ("papper",) and known.systems == ("journalsystem", "PAS")
    # when
    offered = suggestions(read_bpmn(laned_bpmn), "system")
    # then
    assert offered[0] == "Webcert" and "journalsystem" in offered and "e-remiss" not in offered[:1]


def test_with_nothing_selected_the_name_field_renames_the_diagram_s_collaboration(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    assert tab.scene.selected_id() == "" and panel.id_label.text() == "C"
    # when
    _replace_text(qtbot, panel.name_edit, "Remisshantering")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    # then
    assert tab.document.get("C").name == "Remisshantering"
    assert tab.session.undo_stack.undoText() == "Rename Collaboration"


def test_typing_then_clicking_another_element_commits_to_the_element_typed_for(
    qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock
) -> None:
    # given
    tab.reveal("T1")
    _replace_text(qtbot, panel.name_edit, "Registrera och skanna remiss")
    # when another element is clicked on the canvas
    where = tab.view.mapFromScene(tab.scene.item_for_id("T2").sceneBoundingRect().center())
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    # then
    assert tab.scene.selected_id() == "T2" and panel.name_edit.text() == "Bedöm remiss"
    assert tab.document.get("T1").name == "Registrera och skanna remiss"
    assert tab.document.get("T2").name == "Bedöm remiss" and tab.session.undo_stack.count() == 1


def test_another_diagram_of_the_file_shows_its_own_process(
    window: MainWindow, tmp_path: Path, panel: PropertiesDock
) -> None:
    # given a file whose second diagram draws the process alone
    second = '<bpmndi:BPMNDiagram id="Dia2" name="Bara processen"><bpmndi:BPMNPlane id="Plane2" bpmnElement="Proc">' \
        '<bpmndi:BPMNShape id="T1_di2" bpmnElement="T1">' \
        '<dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>' \
        '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>'
    path = tmp_path / "two.bpmn"
    path.write_text(LANED.replace("</definitions>", f"{second}</definitions>"),
                    encoding="utf-8")
    tab = window.open_file(path)
    assert tab is not None
    tab.reveal("T2")
    # when
    tab.show_diagram(1)
    # then
    assert panel.kind_label.text() == "Process" and panel.id_label.text() == "Proc"


def test_the_docks_speak_swedish(qtbot: QtBot, qapp: QApplication, app_settings: AppSettings, laned_bpmn: Path) -> None:
    # given
    locale = QLocale()
    translators = install_translators(qapp, "sv")
    try:
        window = MainWindow(app_settings)
        qtbot.addWidget(window)
        tab = window.open_file(laned_bpmn)
        assert tab is not None
        # when
        tab.reveal("T2")
        # then
        panel = window.properties_dock
        assert panel.windowTitle() == "Egenskaper" and panel.kind_label.text() == "Användaraktivitet"
        assert panel.form.labelForField(panel.deadline_edit).text() == "Tidsgräns:"
        assert panel.deadline_edit.unit.currentText() == "dagar"
        tab.session.perform(lambda editor: editor.set_property("T2", "medium", "post"))
        assert tab.session.undo_stack.undoText() == "Ange egenskapen 'medium'"
        qtbot.waitUntil(lambda: window.problems_dock.windowTitle() == "Problem (0)")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_the_remove_button_removes_the_selected_property(qtbot: QtBot, tab: DocumentTab, panel: PropertiesDock) -> None:
    # given
    tab.session.perform(lambda editor: editor.set_property("T1", "blankett", "SKV 7605"))
    tab.session.perform(lambda editor: editor.set_property("T1", "kontakt", "Enhetschef"))
    tab.reveal("T1")
    table = panel.key_values.table
    assert not panel.key_values.remove_button.isEnabled()
    # when
    second_row_centre = table.visualItemRect(table.item(1, KEY_COLUMN)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=second_row_centre)
    qtbot.mouseClick(panel.key_values.remove_button, Qt.MouseButton.LeftButton)
    # then
    assert properties(tab.document.get("T1")) == {"blankett": "SKV 7605"}
    assert tab.session.undo_stack.undoText() == "Remove Property 'kontakt'"
