import type { ItemFixture } from './published-item'

/**
 * A promised county item at the social-security window for supervision tests: one review step
 * (post P-HR, A = county.hr.1) due in 2 working days and warned 4 office hours before, 5 days promised.
 */
export const supervisedItem: ItemFixture = {
  unit: 'county',
  dept: 'W-HR',
  code: 'unemployment-benefit',
  name: '失业保险金申领',
  form: { type: 'object', properties: { name: { type: 'string', title: '姓名', required: true } } },
  bpmn: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Unemployment_benefit" name="失业保险金申领" isExecutable="true" hall:promise="5wd" hall:itemType="promised">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="社保经办审核" hall:assignee="post:P-HR" hall:due="2wd" hall:warn="4h" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`,
  guide: {
    promisedLimit: { value: 5, unit: 'wd' },
    materials: [
      { id: 'idcard', name: '居民身份证复印件' },
      { id: 'proof', name: '解除劳动合同证明' },
    ],
  },
}
