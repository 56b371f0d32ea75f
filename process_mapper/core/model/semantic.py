"""Typed records for the BPMN 2.0 process-modelling vocabulary (core layer, no Qt).

Class and field order follow ``Semantic.xsd``: base-type children come before the
children a subtype adds, so writing fields in declaration order gives schema order.
Parts of BPMN that no feature of ours reads (``ioSpecification``, ``resourceRole``,
``auditing``, ...) are not typed: they are carried verbatim as foreign content.

References to other elements are kept as the id strings found in the file (possibly a
QName such as ``tns:Message_1``); :class:`~process_mapper.core.model.document.BpmnDocument`
resolves them.
"""

from __future__ import annotations

from typing import Any

from .base import (
    ValueKind,
    XmlElement,
    attr,
    child,
    children,
    element,
    group,
    ref_list,
    ref_text,
    text,
    text_child,
)
from .namespaces import BPMN, BPMNDI

BOOL = ValueKind.BOOL
INT = ValueKind.INT
REF = ValueKind.REF


# --- foundation ---------------------------------------------------------------------------


@element(BPMN, "documentation")
class Documentation(XmlElement):
    text_format: str | None = attr("textFormat")
    text: str | None = text()


@element(BPMN, "extensionElements")
class ExtensionElements(XmlElement):
    """Vendor extensions; every child is carried as foreign content."""


@element(BPMN)
class BaseElement(XmlElement):
    documentation: list[Documentation] = children("documentation", "Documentation")
    extension_elements: ExtensionElements | None = child("extensionElements", "ExtensionElements")


@element(BPMN)
class Expression(BaseElement):
    """A formal or informal expression; ``xsi:type`` stays among the extra attributes."""

    language: str | None = attr("language")
    evaluates_to_type_ref: str | None = attr("evaluatesToTypeRef", REF)
    body: str | None = text()


@element(BPMN, "conditionExpression")
class ConditionExpression(Expression):
    pass


@element(BPMN, "condition")
class Condition(Expression):
    pass


@element(BPMN, "activationCondition")
class ActivationCondition(Expression):
    pass


@element(BPMN, "timeDate")
class TimeDate(Expression):
    pass


@element(BPMN, "timeDuration")
class TimeDuration(Expression):
    pass


@element(BPMN, "timeCycle")
class TimeCycle(Expression):
    pass


@element(BPMN, "import")
class Import(XmlElement):
    namespace: str | None = attr("namespace")
    location: str | None = attr("location")
    import_type: str | None = attr("importType")


# --- root elements ------------------------------------------------------------------------


@element(BPMN)
class RootElement(BaseElement):
    pass


@element(BPMN, "message")
class Message(RootElement):
    name: str | None = attr("name")
    item_ref: str | None = attr("itemRef", REF)


@element(BPMN, "error")
class Error(RootElement):
    name: str | None = attr("name")
    error_code: str | None = attr("errorCode")
    structure_ref: str | None = attr("structureRef", REF)


@element(BPMN, "escalation")
class Escalation(RootElement):
    name: str | None = attr("name")
    escalation_code: str | None = attr("escalationCode")
    structure_ref: str | None = attr("structureRef", REF)


@element(BPMN, "signal")
class Signal(RootElement):
    name: str | None = attr("name")
    structure_ref: str | None = attr("structureRef", REF)


@element(BPMN, "itemDefinition")
class ItemDefinition(RootElement):
    structure_ref: str | None = attr("structureRef", REF)
    is_collection: bool | None = attr("isCollection", BOOL)
    item_kind: str | None = attr("itemKind")


@element(BPMN, "categoryValue")
class CategoryValue(BaseElement):
    value: str | None = attr("value")


@element(BPMN, "category")
class Category(RootElement):
    name: str | None = attr("name")
    category_values: list[CategoryValue] = children("categoryValue", "CategoryValue")


@element(BPMN, "dataStore")
class DataStore(RootElement):
    name: str | None = attr("name")
    capacity: int | None = attr("capacity", INT)
    is_unlimited: bool | None = attr("isUnlimited", BOOL)
    item_subject_ref: str | None = attr("itemSubjectRef", REF)


@element(BPMN)
class CallableElement(RootElement):
    name: str | None = attr("name")


@element(BPMN, "globalTask")
class GlobalTask(CallableElement):
    pass


# --- event definitions (root elements too, when declared globally) -------------------------


@element(BPMN)
class EventDefinition(RootElement):
    pass


@element(BPMN, "messageEventDefinition")
class MessageEventDefinition(EventDefinition):
    message_ref: str | None = attr("messageRef", REF)


@element(BPMN, "timerEventDefinition")
class TimerEventDefinition(EventDefinition):
    time_date: TimeDate | None = child("timeDate", "TimeDate")
    time_duration: TimeDuration | None = child("timeDuration", "TimeDuration")
    time_cycle: TimeCycle | None = child("timeCycle", "TimeCycle")


@element(BPMN, "errorEventDefinition")
class ErrorEventDefinition(EventDefinition):
    error_ref: str | None = attr("errorRef", REF)


@element(BPMN, "escalationEventDefinition")
class EscalationEventDefinition(EventDefinition):
    escalation_ref: str | None = attr("escalationRef", REF)


@element(BPMN, "signalEventDefinition")
class SignalEventDefinition(EventDefinition):
    signal_ref: str | None = attr("signalRef", REF)


@element(BPMN, "conditionalEventDefinition")
class ConditionalEventDefinition(EventDefinition):
    condition: Condition | None = child("condition", "Condition")


@element(BPMN, "linkEventDefinition")
class LinkEventDefinition(EventDefinition):
    name: str | None = attr("name")
    sources: list[str] = ref_list("source")
    target: str | None = ref_text("target")


@element(BPMN, "compensateEventDefinition")
class CompensateEventDefinition(EventDefinition):
    wait_for_completion: bool | None = attr("waitForCompletion", BOOL)
    activity_ref: str | None = attr("activityRef", REF)


@element(BPMN, "terminateEventDefinition")
class TerminateEventDefinition(EventDefinition):
    pass


@element(BPMN, "cancelEventDefinition")
class CancelEventDefinition(EventDefinition):
    pass


# --- flow elements ------------------------------------------------------------------------


@element(BPMN)
class FlowElement(BaseElement):
    name: str | None = attr("name")


@element(BPMN)
class FlowNode(FlowElement):
    incoming: list[str] = ref_list("incoming")
    outgoing: list[str] = ref_list("outgoing")


@element(BPMN)
class DataAssociation(BaseElement):
    source_refs: list[str] = ref_list("sourceRef")
    target_ref: str | None = ref_text("targetRef")


@element(BPMN, "dataInputAssociation")
class DataInputAssociation(DataAssociation):
    pass


@element(BPMN, "dataOutputAssociation")
class DataOutputAssociation(DataAssociation):
    pass


@element(BPMN)
class LoopCharacteristics(BaseElement):
    pass


@element(BPMN, "standardLoopCharacteristics")
class StandardLoopCharacteristics(LoopCharacteristics):
    test_before: bool | None = attr("testBefore", BOOL)
    loop_maximum: int | None = attr("loopMaximum", INT)


@element(BPMN, "multiInstanceLoopCharacteristics")
class MultiInstanceLoopCharacteristics(LoopCharacteristics):
    is_sequential: bool | None = attr("isSequential", BOOL)
    behavior: str | None = attr("behavior")


@element(BPMN)
class Activity(FlowNode):
    is_for_compensation: bool | None = attr("isForCompensation", BOOL)
    start_quantity: int | None = attr("startQuantity", INT)
    completion_quantity: int | None = attr("completionQuantity", INT)
    default: str | None = attr("default", REF)
    data_input_associations: list[DataInputAssociation] = children(
        "dataInputAssociation", "DataInputAssociation"
    )
    data_output_associations: list[DataOutputAssociation] = children(
        "dataOutputAssociation", "DataOutputAssociation"
    )
    loop_characteristics: list[LoopCharacteristics] = group("LoopCharacteristics")


@element(BPMN, "task")
class Task(Activity):
    pass


@element(BPMN, "userTask")
class UserTask(Task):
    implementation: str | None = attr("implementation")


@element(BPMN, "manualTask")
class ManualTask(Task):
    pass


@element(BPMN, "serviceTask")
class ServiceTask(Task):
    implementation: str | None = attr("implementation")
    operation_ref: str | None = attr("operationRef", REF)


@element(BPMN, "sendTask")
class SendTask(Task):
    implementation: str | None = attr("implementation")
    message_ref: str | None = attr("messageRef", REF)
    operation_ref: str | None = attr("operationRef", REF)


@element(BPMN, "receiveTask")
class ReceiveTask(Task):
    implementation: str | None = attr("implementation")
    instantiate: bool | None = attr("instantiate", BOOL)
    message_ref: str | None = attr("messageRef", REF)
    operation_ref: str | None = attr("operationRef", REF)


@element(BPMN, "scriptTask")
class ScriptTask(Task):
    script_format: str | None = attr("scriptFormat")
    script: str | None = text_child("script")


@element(BPMN, "businessRuleTask")
class BusinessRuleTask(Task):
    implementation: str | None = attr("implementation")


@element(BPMN, "callActivity")
class CallActivity(Activity):
    called_element: str | None = attr("calledElement", REF)


@element(BPMN)
class Artifact(BaseElement):
    pass


@element(BPMN, "laneSet")
class LaneSet(BaseElement):
    name: str | None = attr("name")
    lanes: list[Lane] = children("lane", "Lane")


@element(BPMN, "childLaneSet")
class ChildLaneSet(LaneSet):
    pass


@element(BPMN, "lane")
class Lane(BaseElement):
    name: str | None = attr("name")
    partition_element_ref: str | None = attr("partitionElementRef", REF)
    flow_node_refs: list[str] = ref_list("flowNodeRef")
    child_lane_set: ChildLaneSet | None = child("childLaneSet", "ChildLaneSet")


@element(BPMN, "subProcess")
class SubProcess(Activity):
    triggered_by_event: bool | None = attr("triggeredByEvent", BOOL)
    lane_sets: list[LaneSet] = children("laneSet", "LaneSet")
    flow_elements: list[FlowElement] = group("FlowElement")
    artifacts: list[Artifact] = group("Artifact")


@element(BPMN, "transaction")
class Transaction(SubProcess):
    method: str | None = attr("method")


@element(BPMN, "adHocSubProcess")
class AdHocSubProcess(SubProcess):
    cancel_remaining_instances: bool | None = attr("cancelRemainingInstances", BOOL)
    ordering: str | None = attr("ordering")


# --- events -------------------------------------------------------------------------------


@element(BPMN)
class Event(FlowNode):
    pass


@element(BPMN)
class CatchEvent(Event):
    parallel_multiple: bool | None = attr("parallelMultiple", BOOL)
    data_output_associations: list[DataOutputAssociation] = children(
        "dataOutputAssociation", "DataOutputAssociation"
    )
    event_definitions: list[EventDefinition] = group("EventDefinition")
    event_definition_refs: list[str] = ref_list("eventDefinitionRef")


@element(BPMN)
class ThrowEvent(Event):
    data_input_associations: list[DataInputAssociation] = children(
        "dataInputAssociation", "DataInputAssociation"
    )
    event_definitions: list[EventDefinition] = group("EventDefinition")
    event_definition_refs: list[str] = ref_list("eventDefinitionRef")


@element(BPMN, "startEvent")
class StartEvent(CatchEvent):
    is_interrupting: bool | None = attr("isInterrupting", BOOL)


@element(BPMN, "intermediateCatchEvent")
class IntermediateCatchEvent(CatchEvent):
    pass


@element(BPMN, "boundaryEvent")
class BoundaryEvent(CatchEvent):
    cancel_activity: bool | None = attr("cancelActivity", BOOL)
    attached_to_ref: str | None = attr("attachedToRef", REF)


@element(BPMN, "endEvent")
class EndEvent(ThrowEvent):
    pass


@element(BPMN, "intermediateThrowEvent")
class IntermediateThrowEvent(ThrowEvent):
    pass


@element(BPMN, "implicitThrowEvent")
class ImplicitThrowEvent(ThrowEvent):
    pass


# --- gateways -----------------------------------------------------------------------------


@element(BPMN)
class Gateway(FlowNode):
    gateway_direction: str | None = attr("gatewayDirection")


@element(BPMN, "exclusiveGateway")
class ExclusiveGateway(Gateway):
    default: str | None = attr("default", REF)


@element(BPMN, "inclusiveGateway")
class InclusiveGateway(Gateway):
    default: str | None = attr("default", REF)


@element(BPMN, "parallelGateway")
class ParallelGateway(Gateway):
    pass


@element(BPMN, "eventBasedGateway")
class EventBasedGateway(Gateway):
    instantiate: bool | None = attr("instantiate", BOOL)
    event_gateway_type: str | None = attr("eventGatewayType")


@element(BPMN, "complexGateway")
class ComplexGateway(Gateway):
    default: str | None = attr("default", REF)
    activation_condition: ActivationCondition | None = child("activationCondition", "ActivationCondition")


# --- connections and data -----------------------------------------------------------------


@element(BPMN, "sequenceFlow")
class SequenceFlow(FlowElement):
    source_ref: str | None = attr("sourceRef", REF)
    target_ref: str | None = attr("targetRef", REF)
    is_immediate: bool | None = attr("isImmediate", BOOL)
    condition_expression: ConditionExpression | None = child("conditionExpression", "ConditionExpression")


@element(BPMN, "dataObject")
class DataObject(FlowElement):
    item_subject_ref: str | None = attr("itemSubjectRef", REF)
    is_collection: bool | None = attr("isCollection", BOOL)


@element(BPMN, "dataObjectReference")
class DataObjectReference(FlowElement):
    item_subject_ref: str | None = attr("itemSubjectRef", REF)
    data_object_ref: str | None = attr("dataObjectRef", REF)


@element(BPMN, "dataStoreReference")
class DataStoreReference(FlowElement):
    item_subject_ref: str | None = attr("itemSubjectRef", REF)
    data_store_ref: str | None = attr("dataStoreRef", REF)


@element(BPMN, "textAnnotation")
class TextAnnotation(Artifact):
    text_format: str | None = attr("textFormat")
    text: str | None = text_child("text")


@element(BPMN, "association")
class Association(Artifact):
    source_ref: str | None = attr("sourceRef", REF)
    target_ref: str | None = attr("targetRef", REF)
    association_direction: str | None = attr("associationDirection")


@element(BPMN, "group")
class Group(Artifact):
    category_value_ref: str | None = attr("categoryValueRef", REF)


# --- processes and collaborations ---------------------------------------------------------


@element(BPMN, "process")
class Process(CallableElement):
    process_type: str | None = attr("processType")
    is_closed: bool | None = attr("isClosed", BOOL)
    is_executable: bool | None = attr("isExecutable", BOOL)
    definitional_collaboration_ref: str | None = attr("definitionalCollaborationRef", REF)
    lane_sets: list[LaneSet] = children("laneSet", "LaneSet")
    flow_elements: list[FlowElement] = group("FlowElement")
    artifacts: list[Artifact] = group("Artifact")


@element(BPMN, "participant")
class Participant(BaseElement):
    name: str | None = attr("name")
    process_ref: str | None = attr("processRef", REF)


@element(BPMN, "messageFlow")
class MessageFlow(BaseElement):
    name: str | None = attr("name")
    source_ref: str | None = attr("sourceRef", REF)
    target_ref: str | None = attr("targetRef", REF)
    message_ref: str | None = attr("messageRef", REF)


@element(BPMN, "collaboration")
class Collaboration(RootElement):
    name: str | None = attr("name")
    is_closed: bool | None = attr("isClosed", BOOL)
    participants: list[Participant] = children("participant", "Participant")
    message_flows: list[MessageFlow] = children("messageFlow", "MessageFlow")
    artifacts: list[Artifact] = group("Artifact")


@element(BPMN, "definitions")
class Definitions(XmlElement):
    """The document root. It is no ``tBaseElement``: no documentation or extensions."""

    name: str | None = attr("name")
    target_namespace: str | None = attr("targetNamespace")
    expression_language: str | None = attr("expressionLanguage")
    type_language: str | None = attr("typeLanguage")
    exporter: str | None = attr("exporter")
    exporter_version: str | None = attr("exporterVersion")
    imports: list[Import] = children("import", "Import")
    root_elements: list[RootElement] = group("RootElement")
    diagrams: list[Any] = children("BPMNDiagram", "Diagram", namespace=BPMNDI)


#: Kinds the diff and the canvas treat alike.
TASK_TYPES: tuple[type[Task], ...] = (
    Task,
    UserTask,
    ManualTask,
    ServiceTask,
    SendTask,
    ReceiveTask,
    ScriptTask,
    BusinessRuleTask,
)
GATEWAY_TYPES: tuple[type[Gateway], ...] = (
    ExclusiveGateway,
    InclusiveGateway,
    ParallelGateway,
    EventBasedGateway,
    ComplexGateway,
)
#: Elements that may contain flow elements directly.
FlowContainer = Process | SubProcess

__all__ = [
    *(n for n, v in list(globals().items())
      if isinstance(v, type) and issubclass(v, XmlElement) and v is not XmlElement),
    "TASK_TYPES",
    "GATEWAY_TYPES",
    "FlowContainer",
]
