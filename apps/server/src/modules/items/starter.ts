import type { FormSchema } from '@hall/form-schema'

/** The BPMN process id of an item: stable across versions, derived from the item code. */
export const processIdOf = (code: string) => `Process_${code.replace(/[^A-Za-z0-9_-]/g, '_')}`

/** The engine deployment key of an item: per item, so equal codes in two units never share versions. */
export const deployKeyOf = (itemId: string) => `item.${itemId}`

/** A form with no fields yet: valid, so a new item's draft opens in the form designer as is. */
export const starterForm = (): FormSchema => ({ type: 'object', properties: {} })

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!)

/**
 * The first process of a new item: start → 窗口受理 (window staff of the unit) → end, with its
 * diagram so the process designer shows it laid out. It deploys as is.
 */
export function starterBpmn(code: string, name: string): string {
  const id = processIdOf(code)
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:hall="urn:hall:bpmn:1" id="Definitions_${id}" targetNamespace="urn:hall:items">
  <bpmn:process id="${id}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="Start" name="申请" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_accept" />
    <bpmn:userTask id="Task_accept" name="窗口受理" hall:assignee="role:window_staff" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_accept" targetRef="End" />
    <bpmn:endEvent id="End" name="办结" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_accept_di" bpmnElement="Task_accept"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`
}
