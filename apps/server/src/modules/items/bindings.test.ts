import { describe, expect, it } from 'vitest'
import { bindingProblems, type OrgIndex } from './bindings'
import { readBpmnElements } from './bpmn-elements'
import { formFields } from './form-fields'
import { guideSchema } from '@hall/guide'
import { starterBpmn, starterForm } from './starter'
import { parseDefinition } from '@hall/process-engine'

const org: OrgIndex = { userIds: new Set(['u1']), heldRoles: new Set(['window_staff', 'approver']), postCodes: new Set(['P-1']) }
const fields = formFields({
  type: 'object',
  properties: {
    days: { type: 'number', 'x-component': 'NumberPicker' },
    boss: { type: 'string', 'x-component': 'UserPicker' },
    scan: { type: 'array', 'x-component': 'Upload', 'x-material': 'idcard' },
  },
})

async function problemsOf(body: string, materials: unknown[] = []) {
  const read = await readBpmnElements(`<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="D" targetNamespace="urn:t"><bpmn:process id="P">${body}</bpmn:process></bpmn:definitions>`)
  if (!read.ok) throw new Error(read.message)
  return bindingProblems({ itemCode: 'leave', guide: guideSchema.parse({ materials }), fields, elements: read.elements, org }).map((p) => `${p.elementId ?? p.path}: ${p.message}`)
}

describe('publish bindings', () => {
  it('accepts assignees the unit has, in either role spelling, and engine variables in conditions', async () => {
    const body = `<bpmn:userTask id="T" hall:assignee="user:u1,role:windowStaff,post:P-1,deptHead:2,field:boss,initiatorChosen" hall:form="leave" />
      <bpmn:sequenceFlow id="f" sourceRef="T" targetRef="T"><bpmn:conditionExpression>=days &gt; 3 and approvals.T = "agree"</bpmn:conditionExpression></bpmn:sequenceFlow>`
    expect(await problemsOf(body)).toEqual([])
  })

  it('names each assignee, form, permission and condition that points at nothing', async () => {
    const body = `<bpmn:userTask id="T" name="审批" hall:assignee="user:ghost,role:hall_admin,post:P-9,field:nobody" hall:due="1wd" hall:onTimeout="escalate:post:P-8" hall:form="other">
        <bpmn:extensionElements><hall:fieldPermission path="salary" mode="hidden" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:sequenceFlow id="f" sourceRef="T" targetRef="T"><bpmn:conditionExpression>=amount &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>`
    expect(await problemsOf(body)).toEqual([
      'T: 「审批」的办理人：本单位没有用户 ghost',
      'T: 「审批」的办理人：本单位没有人担任角色 hall_admin',
      'T: 「审批」的办理人：本单位没有岗位 P-9',
      'T: 「审批」的办理人：表单中没有字段 nobody',
      'T: 「审批」的超时转交对象：本单位没有岗位 P-8',
      'T: 「审批」的表单 other 不是本事项的表单（leave）',
      'T: 「审批」的字段权限引用了表单中不存在的字段 salary',
      'f: 「f」的条件引用了表单中不存在的字段 amount',
    ])
  })

  it('wants every material uploaded through a form field or marked as collected offline', async () => {
    const materials = [{ id: 'idcard', name: '身份证' }, { id: 'paper', name: '纸质申请表', offline: true }, { id: 'photo', name: '照片' }]
    expect(await problemsOf('', materials)).toEqual(['materials.2: 材料「照片」既没有对应的表单上传字段，也没有标记为线下收取'])
  })
})

describe('a new item’s starter draft', () => {
  it('deploys as is, with the process id taken from the item code', async () => {
    const parsed = await parseDefinition(starterBpmn('leave-2026', '请假 <教职工>'))
    expect(parsed.ok && parsed.definition.key).toBe('Process_leave-2026')
    expect(formFields(starterForm())).toEqual([])
  })
})
