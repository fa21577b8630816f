import { describe, expect, it } from 'vitest'
import type { FormFieldInfo } from '../types'
import type { DiagramModel } from './diagram-model'
import { designerProblems } from './designer-rules'

const fields: FormFieldInfo[] = [{ path: 'days', label: '天数', type: 'number' }, { path: 'applicant.name', label: '姓名', type: 'string' }]

/** start → review → gateway → (long: director | short) → end */
const leave = (): DiagramModel => ({
  nodes: [
    { id: 'Start', type: 'bpmn:StartEvent' },
    { id: 'Review', type: 'bpmn:UserTask', name: '审核', assignee: 'deptHead:1' },
    { id: 'Gw', type: 'bpmn:ExclusiveGateway', defaultFlow: 'short' },
    { id: 'Director', type: 'bpmn:UserTask', name: '主任审批', assignee: 'role:approver' },
    { id: 'End', type: 'bpmn:EndEvent' },
  ],
  flows: [
    { id: 'f1', source: 'Start', target: 'Review' },
    { id: 'f2', source: 'Review', target: 'Gw' },
    { id: 'long', source: 'Gw', target: 'Director', condition: '=days > 3 and applicant.name != "x"' },
    { id: 'short', source: 'Gw', target: 'End' },
    { id: 'f3', source: 'Director', target: 'End' },
  ],
})

describe("the designer's own process rules", () => {
  it('finds nothing wrong with a complete leave process', () => {
    expect(designerProblems(leave(), fields)).toEqual([])
  })

  it('flags a user task without assignee as an error, listed first', () => {
    const model = leave()
    delete model.nodes[3]!.assignee
    model.nodes[2]!.defaultFlow = undefined
    const problems = designerProblems(model, fields)
    expect(problems[0]).toEqual({ elementId: 'Director', severity: 'error', message: '任务“主任审批”未设置办理人' })
    expect(problems.map((p) => p.elementId)).toContain('Gw')
  })

  it('flags an element no flow leads to, but not boundary events or what follows them', () => {
    const model = leave()
    model.nodes.push({ id: 'Lonely', type: 'bpmn:UserTask', assignee: 'user:u1' }, { id: 'Timer', type: 'bpmn:BoundaryEvent', attachedTo: 'Review' }, { id: 'Remind', type: 'bpmn:Task' })
    model.flows.push({ id: 'f4', source: 'Timer', target: 'Remind' })
    expect(designerProblems(model, fields)).toEqual([{ elementId: 'Lonely', severity: 'warning', message: 'Lonely从开始事件无法到达' }])
  })

  it('reaches into sub-processes through their own start event', () => {
    const model = leave()
    model.nodes.push({ id: 'Sub', type: 'bpmn:SubProcess' }, { id: 'SubStart', type: 'bpmn:StartEvent', parent: 'Sub' }, { id: 'SubTask', type: 'bpmn:Task', parent: 'Sub' })
    model.flows.push({ id: 'f5', source: 'Director', target: 'Sub' }, { id: 'f6', source: 'SubStart', target: 'SubTask' })
    expect(designerProblems(model, fields)).toEqual([])
  })

  it('names fields a condition reads that the form does not have, but accepts engine variables', () => {
    const model = leave()
    model.flows[2]!.condition = '=dayz > 3 and approvals.Review = "agree"'
    expect(designerProblems(model, fields)).toEqual([{ elementId: 'long', severity: 'warning', message: '条件引用了表单中没有的字段：dayz' }])
  })

  it('says when there is no start event at all', () => {
    expect(designerProblems({ nodes: [], flows: [] }, fields)).toEqual([{ severity: 'error', message: '流程缺少开始事件' }])
  })
})
