import type { ItemFixture } from './published-item'

/** A promised market item whose proof of address may be missing at acceptance (容缺). */
export const licence: ItemFixture = {
  unit: 'county',
  dept: 'W-MARKET',
  code: 'food-licence',
  name: '食品经营许可',
  form: { type: 'object', properties: { name: { type: 'string', title: '经营者', required: true } } },
  bpmn: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Food_licence" name="食品经营许可" isExecutable="true" hall:promise="5wd" hall:itemType="promised">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="市场监管审核" hall:assignee="post:P-MARKET" hall:due="3wd" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`,
  guide: {
    promisedLimit: { value: 5, unit: 'wd' },
    materials: [
      { id: 'application', name: '许可申请书' },
      { id: 'address', name: '经营场所证明', main: false, mayBeMissing: true },
    ],
  },
}
