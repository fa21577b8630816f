import type { ApiSession } from './api-client'

/*
 * The county's 养老保险关系转移 (pension transfer) item of the window e2e tests: a promised item
 * (5 working days) with a paper checklist, reviewed by the social-security window's post.
 */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:e2e">
  <bpmn:process id="Pension_transfer" name="养老保险关系转移" isExecutable="true" hall:promise="5wd" hall:itemType="promised">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="社保经办审核" hall:assignee="post:P-HR" hall:due="3wd" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`
const guideWith = (extraMaterials: readonly object[]) => ({
  itemType: 'promised',
  legalBasis: ['《城镇企业职工基本养老保险关系转移接续暂行办法》'],
  conditions: '已在本县参保',
  procedure: '窗口受理，社保经办审核',
  promisedLimit: { value: 5, unit: 'wd' },
  legalLimit: { value: 15, unit: 'wd' },
  result: { kind: 'reply', name: '转移联系函' },
  contact: { phone: '0564-1234567', complaintPhone: '0564-12345' },
  materials: [
    { id: 'idcard', name: '居民身份证复印件', offline: true },
    { id: 'application', name: '转移申请表', offline: true },
    ...extraMaterials,
  ],
})
const FORM = { type: 'object', properties: { name: { type: 'string', title: '姓名', required: true, 'x-component': 'Input', 'x-decorator': 'FormItem' } } }

/**
 * Creates, fills and publishes the pension item in the social-security window (W-HR) as the hall
 * admin `hall`; `extraMaterials` are appended to its checklist. Answers the item id.
 */
export async function publishPensionItem(
  hall: ApiSession,
  { code, name, extraMaterials = [] }: { code: string; name: string; extraMaterials?: readonly object[] },
): Promise<string> {
  const { items: depts } = await hall.call<{ items: { id: string; code: string }[] }>('GET', '/api/org/departments')
  const created = await hall.call<{ item: { id: string }; draft: { revision: number } }>('POST', '/api/items', { code, name, deptId: depts.find((dept) => dept.code === 'W-HR')!.id })
  const itemId = created.item.id
  await hall.call('PUT', `/api/items/${itemId}/draft`, { guide: guideWith(extraMaterials), form: FORM, bpmn: BPMN, revision: created.draft.revision })
  await hall.call('POST', `/api/items/${itemId}/publish`, {})
  return itemId
}
