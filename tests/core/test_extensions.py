"""Process Mapper's own extensions: step properties and process metadata survive saving."""

from lxml import etree

from process_mapper.core.model import BpmnDocument, Documentation, UserTask
from process_mapper.core.model.extensions import (
    ProcessMetadata,
    documented_properties,
    metadata,
    properties,
    set_metadata,
    set_property,
    step_properties,
)
from process_mapper.core.xmlio import read_bpmn_bytes, to_bytes
from process_mapper.core.xmlio.schema import schema_issues


def _document_with_task() -> tuple[BpmnDocument, UserTask]:
    document = BpmnDocument.new("Inkommande remiss")
    task = UserTask(id="A_T01", name="Ankomstregistrera remiss")
    document.processes[0].flow_elements.append(task)
    return document, task


def test_properties_are_written_in_our_namespace_and_read_back():
    # given
    document, task = _document_with_task()
    # when
    set_property(task, "system", "e-remiss")
    set_property(task, "medium", "electronic")
    reread = read_bpmn_bytes(to_bytes(document))
    # then
    assert properties(reread.get("A_T01")) == {"system": "e-remiss", "medium": "electronic"}
    assert not schema_issues(etree.fromstring(to_bytes(reread)))


def test_setting_a_property_again_replaces_it_and_none_removes_it():
    document, task = _document_with_task()
    set_property(task, "system", "paper")
    set_property(task, "system", "Webcert")
    assert properties(task) == {"system": "Webcert"}
    set_property(task, "system", None)
    assert properties(task) == {}
    assert task.extension_elements is None


def test_foreign_extensions_are_kept_beside_ours():
    # given a task carrying a vendor extension
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="x">
  <bpmn:process id="P"><bpmn:task id="T" name="Signera intyg"><bpmn:extensionElements>
    <zeebe:taskDefinition type="sign"/></bpmn:extensionElements></bpmn:task></bpmn:process>
</bpmn:definitions>"""
    document = read_bpmn_bytes(xml)
    # when
    set_property(document.get("T"), "deadline", "P3D")
    written = etree.fromstring(to_bytes(document))
    # then both survive
    ns = {"zeebe": "http://camunda.org/schema/zeebe/1.0", "pm": "urn:process-mapper:bpmn-extensions:1"}
    assert written.find(".//zeebe:taskDefinition", ns) is not None
    assert written.find(".//pm:property[@name='deadline']", ns).get("value") == "P3D"


def test_documentation_convention_is_read_and_extension_wins():
    _, task = _document_with_task()
    task.documentation.append(Documentation(text="Registreras dagligen.\nsystem: Millennium; medium: electronic"))
    assert documented_properties(task) == {"system": "Millennium", "medium": "electronic"}
    set_property(task, "system", "e-remiss")
    assert step_properties(task) == {"system": "e-remiss", "medium": "electronic"}


def test_metadata_round_trip():
    document, _ = _document_with_task()
    data = ProcessMetadata(
        identifier="STD-REM-IN",
        title="Inkommande remiss, handläggning",
        version="1.0",
        valid_from="2026-01-01",
        owner="Regionalt processråd",
        category="referral",
        description="Från ankomstregistrering till bokad tid.",
    )
    set_metadata(document.processes[0], data)
    reread = read_bpmn_bytes(to_bytes(document))
    assert metadata(reread.processes[0]) == data
    assert not schema_issues(etree.fromstring(to_bytes(reread)))
