/**
 * What the engine executes, as a whitelist: every moddle type and every property not
 * listed here is rejected at deploy, so nothing in a definition is silently ignored.
 */
const base = ['id', 'name', 'documentation', 'extensionElements']
const node = [...base, 'incoming', 'outgoing']
const activity = [...node, 'boundaryEventRefs']

export const ALLOWED_PROPERTIES: Record<string, readonly string[]> = {
  'bpmn:Definitions': ['id', 'name', 'targetNamespace', 'exporter', 'exporterVersion', 'expressionLanguage', 'typeLanguage', 'rootElements', 'diagrams', 'documentation'],
  'bpmn:Process': [...base, 'isExecutable', 'flowElements', 'artifacts', 'laneSets', 'promise', 'itemType', 'processType', 'isClosed'],
  'bpmn:LaneSet': ['id', 'name', 'lanes'],
  'bpmn:Lane': ['id', 'name', 'flowNodeRef', 'documentation'],
  'bpmn:StartEvent': [...node, 'eventDefinitions', 'isInterrupting'],
  'bpmn:EndEvent': [...node, 'eventDefinitions'],
  'bpmn:IntermediateCatchEvent': [...node, 'eventDefinitions', 'deliveredBy'],
  'bpmn:IntermediateThrowEvent': [...node],
  'bpmn:BoundaryEvent': [...node, 'eventDefinitions', 'attachedToRef', 'cancelActivity'],
  'bpmn:UserTask': [...activity, 'assignee', 'approval', 'due', 'warn', 'onTimeout', 'form', 'skipIfUnchanged', 'loopCharacteristics'],
  'bpmn:ServiceTask': [...activity, 'handler'],
  'bpmn:ScriptTask': [...activity, 'scriptFormat', 'script', 'resultVariable'],
  'bpmn:Task': activity,
  'bpmn:CallActivity': [...activity, 'calledElement', 'calledVersion', 'loopCharacteristics'],
  'bpmn:SubProcess': [...activity, 'flowElements', 'artifacts', 'triggeredByEvent', 'loopCharacteristics'],
  'bpmn:ManualTask': activity,
  'bpmn:ReceiveTask': [...activity, 'messageRef', 'deliveredBy'],
  'bpmn:ExclusiveGateway': [...node, 'default', 'gatewayDirection'],
  'bpmn:InclusiveGateway': [...node, 'default', 'gatewayDirection'],
  'bpmn:ParallelGateway': [...node, 'gatewayDirection'],
  'bpmn:EventBasedGateway': [...node, 'gatewayDirection'],
  'bpmn:SequenceFlow': [...base, 'sourceRef', 'targetRef', 'conditionExpression'],
  'bpmn:TimerEventDefinition': ['id', 'timeDuration', 'timeDate', 'timeCycle'],
  'bpmn:MessageEventDefinition': ['id', 'messageRef'],
  'bpmn:ErrorEventDefinition': ['id', 'errorRef'],
  'bpmn:TerminateEventDefinition': ['id'],
  'bpmn:FormalExpression': ['id', 'body', 'language'],
  // A timer value without xsi:type parses as a plain expression: same body, no language.
  'bpmn:Expression': ['id', 'body'],
  'bpmn:MultiInstanceLoopCharacteristics': ['id', 'isSequential', 'loopCardinality', 'completionCondition', 'collection', 'elementVariable', 'outputCollection'],
  'bpmn:Message': ['id', 'name'],
  'bpmn:Error': ['id', 'name', 'errorCode'],
  'bpmn:Documentation': ['id', 'text', 'textFormat'],
  'bpmn:ExtensionElements': ['values'],
  'bpmn:TextAnnotation': ['id', 'text', 'textFormat'],
  'bpmn:Association': ['id', 'sourceRef', 'targetRef', 'associationDirection'],
  'hall:FieldPermission': ['path', 'mode'],
  'hall:Input': ['name', 'value'],
}

/** Extension elements each host may carry. */
export const ALLOWED_EXTENSIONS: Record<string, readonly string[]> = {
  'bpmn:UserTask': ['hall:FieldPermission'],
  'bpmn:ServiceTask': ['hall:Input'],
}
