"""XML the model does not type (an ``ioSpecification``, a ``resource``) stays valid through edits."""

from __future__ import annotations

from process_mapper.core.editing import ShapeKind, check_change_type
from process_mapper.core.xmlio import read_bpmn_bytes
from tests.editing.support import assert_saves_valid, editor_for, triad

CARRYING = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="carrying" targetNamespace="http://example.org/carrying">
  <bpmn:collaboration id="collaboration">
    <bpmn:participant id="pool_a" processRef="process_a"/>
    <bpmn:participant id="pool_b" processRef="process_b"/>
  </bpmn:collaboration>
  <bpmn:process id="process_a" isExecutable="false">
    <bpmn:userTask id="fill_in" name="Fyll i intyg">
      <bpmn:ioSpecification id="fill_in_io">
        <bpmn:dataInput id="fill_in_input"/>
        <bpmn:inputSet id="fill_in_inputs"><bpmn:dataInputRefs>fill_in_input</bpmn:dataInputRefs></bpmn:inputSet>
        <bpmn:outputSet id="fill_in_outputs"/>
      </bpmn:ioSpecification>
    </bpmn:userTask>
    <bpmn:endEvent id="sent">
      <bpmn:dataInput id="sent_input"/>
      <bpmn:inputSet id="sent_inputs"><bpmn:dataInputRefs>sent_input</bpmn:dataInputRefs></bpmn:inputSet>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmn:process id="process_b" isExecutable="false"/>
  <bpmn:resource id="doctor" name="Läkare"/>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="collaboration">
      <di:extension/>
      <bpmndi:BPMNShape id="pool_a_di" bpmnElement="pool_a" isHorizontal="true">
        <dc:Bounds x="0" y="0" width="600" height="200"/>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="fill_in_di" bpmnElement="fill_in"><dc:Bounds x="100" y="60" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="sent_di" bpmnElement="sent"><dc:Bounds x="300" y="82" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="pool_b_di" bpmnElement="pool_b" isHorizontal="true">
        <dc:Bounds x="0" y="250" width="600" height="200"/>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>""".encode()  # noqa: E501 - diagram rows of the fixture, one element per line


def test_deleting_a_pool_keeps_a_carried_resource_before_the_diagrams():
    document = read_bpmn_bytes(CARRYING)
    triad(editor_for(document).delete(["pool_b"]))
    assert document.get("process_b") is None
    assert_saves_valid(document)


def test_a_first_outgoing_flow_goes_before_a_carried_io_specification():
    document = read_bpmn_bytes(CARRYING)
    triad(editor_for(document).connect("fill_in", "sent"))
    assert_saves_valid(document)


def test_a_new_first_pool_shape_goes_after_the_planes_di_extension():
    document = read_bpmn_bytes(CARRYING)
    triad(editor_for(document).create_pool((300, 700), "Apotek"))
    assert_saves_valid(document)


def test_pasting_renames_carried_ids_and_the_references_to_them():
    # given
    document = read_bpmn_bytes(CARRYING)
    editor = editor_for(document)
    # when
    triad(editor.paste(editor.copy(["fill_in"]), "pool_a", (0, 0)))
    # then
    pasted = document.get("process_a").flow_elements[-1]
    ((_, io_specification),) = pasted.foreign
    data_input = io_specification.find("{http://www.omg.org/spec/BPMN/20100524/MODEL}dataInput")
    data_input_ref = io_specification.find(".//{http://www.omg.org/spec/BPMN/20100524/MODEL}dataInputRefs")
    assert data_input.get("id").startswith("DataInput_") and data_input_ref.text == data_input.get("id")
    assert_saves_valid(document)


def test_a_throwing_event_with_data_inputs_does_not_become_a_catching_one():
    document = read_bpmn_bytes(CARRYING)
    refusal = check_change_type(document, "sent", ShapeKind.parse("intermediateCatchEvent:message"))
    assert refusal is not None and refusal.reason["en"] == (
        "The element carries data inputs or outputs that a Message Intermediate Catch Event cannot hold."
    )
    assert check_change_type(document, "sent", ShapeKind.parse("intermediateThrowEvent")) is None
