import type { FormSchema } from '@hall/form-schema'
import type { ItemFixture } from './published-item'

/** The student leave form: the student's part, then one opinion field per approver. */
export const leaveForm: FormSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', 'x-component': 'Input', 'x-prefill': 'dc:person.name', required: true },
    number: { type: 'string', title: '学号', 'x-component': 'Input', 'x-prefill': 'dc:person.personNo' },
    idNumber: { type: 'string', title: '身份证号', 'x-component': 'Input', 'x-validator': 'idCard', 'x-sensitive': 'idCard' },
    days: { type: 'number', title: '请假天数', 'x-component': 'NumberPicker', minimum: 0.5, maximum: 30, required: true },
    reason: { type: 'string', title: '请假事由', 'x-component': 'Input.TextArea', required: true, maxLength: 500 },
    counsellorOpinion: { type: 'string', title: '辅导员意见', 'x-component': 'Input.TextArea' },
    deanOpinion: { type: 'string', title: '学院意见', 'x-component': 'Input.TextArea' },
  },
}

/**
 * Counsellor (AB post), then the dean (head of the student's college, two levels up from the
 * class); a disagree ends the process at "不予批准". Each approver edits only their opinion.
 */
export const leaveBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Student_leave" name="学生请假" isExecutable="true" hall:promise="3wd" hall:itemType="promised">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_counsellor" />
    <bpmn:userTask id="Task_counsellor" name="辅导员审批" hall:assignee="post:P-CS-COUNSEL" hall:due="1wd" hall:warn="4h" hall:form="leave">
      <bpmn:extensionElements>
        <hall:fieldPermission path="*" mode="readonly" />
        <hall:fieldPermission path="counsellorOpinion" mode="editable" />
        <hall:fieldPermission path="deanOpinion" mode="hidden" />
        <hall:fieldPermission path="idNumber" mode="hidden" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_counsellor" targetRef="Gate_counsellor" />
    <bpmn:exclusiveGateway id="Gate_counsellor" default="f_no1" />
    <bpmn:sequenceFlow id="f3" sourceRef="Gate_counsellor" targetRef="Task_dean">
      <bpmn:conditionExpression>=approvals.Task_counsellor = "agree"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_no1" sourceRef="Gate_counsellor" targetRef="End_refused" />
    <bpmn:userTask id="Task_dean" name="学院审批" hall:assignee="deptHead:2" hall:due="2wd" hall:form="leave">
      <bpmn:extensionElements>
        <hall:fieldPermission path="*" mode="readonly" />
        <hall:fieldPermission path="deanOpinion" mode="editable" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f4" sourceRef="Task_dean" targetRef="Gate_dean" />
    <bpmn:exclusiveGateway id="Gate_dean" default="f_no2" />
    <bpmn:sequenceFlow id="f5" sourceRef="Gate_dean" targetRef="End_approved">
      <bpmn:conditionExpression>=approvals.Task_dean = "agree"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_no2" sourceRef="Gate_dean" targetRef="End_refused" />
    <bpmn:endEvent id="End_approved" name="准假" />
    <bpmn:endEvent id="End_refused" name="不予批准" />
  </bpmn:process>
</bpmn:definitions>`

export const leaveItem: ItemFixture = { unit: 'univ', dept: 'HALL', code: 'student-leave', name: '学生请假', form: leaveForm, bpmn: leaveBpmn }

/** What 李明 (stu.2023001) fills in. */
export const leaveData = { name: '李明', number: '2023001', idNumber: '340104200503150197', days: 2, reason: '回家探亲' }
