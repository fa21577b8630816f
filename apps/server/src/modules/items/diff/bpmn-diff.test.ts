import { describe, expect, it } from 'vitest'
import { readBpmnElements, type BpmnElement } from '../bpmn-elements'
import { diffBpmn } from './bpmn-diff'

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:t">
  <bpmn:process id="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`

async function elements(body: string): Promise<BpmnElement[]> {
  const read = await readBpmnElements(doc(body))
  if (!read.ok) throw new Error(read.message)
  return read.elements
}

const v1 = `
  <bpmn:startEvent id="Start" />
  <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_a" />
  <bpmn:userTask id="Task_a" name="审核" hall:assignee="role:approver" hall:due="3wd">
    <bpmn:extensionElements><hall:fieldPermission path="days" mode="readonly" /></bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="Task_a" targetRef="End"><bpmn:conditionExpression>=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:endEvent id="End" />`

describe('bpmn diff', () => {
  it('reports changed hall attributes, conditions and field permissions by element', async () => {
    const v2 = v1
      .replace('hall:due="3wd"', 'hall:due="2wd" hall:approval="all"')
      .replace('=days &gt; 3', '=days &gt; 5')
      .replace('mode="readonly"', 'mode="hidden"')
    expect(diffBpmn(await elements(v1), await elements(v2))).toEqual([
      {
        id: 'Task_a', name: '审核', type: 'userTask', change: 'changed',
        attributes: [
          { key: 'hall:due', label: '办理时限', old: '3wd', new: '2wd' },
          { key: 'hall:fieldPermission(days)', label: '字段权限 days', old: 'readonly', new: 'hidden' },
          { key: 'hall:approval', label: '审批方式', new: 'all' },
        ],
      },
      { id: 'f2', type: 'sequenceFlow', change: 'changed', attributes: [{ key: 'condition', label: '条件', old: '=days > 3', new: '=days > 5' }] },
    ])
  })

  it('reports added and removed steps with their names and types', async () => {
    const v2 = v1.replace('targetRef="End"><bpmn', 'targetRef="Task_b"><bpmn') + '<bpmn:userTask id="Task_b" name="复核" hall:assignee="deptHead:1" /><bpmn:sequenceFlow id="f3" sourceRef="Task_b" targetRef="End" />'
    const changes = diffBpmn(await elements(v1), await elements(v2.replace('<bpmn:startEvent id="Start" />', '<bpmn:startEvent id="Begin" />').replace('sourceRef="Start"', 'sourceRef="Begin"')))
    expect(changes.map((c) => `${c.change} ${c.type} ${c.id} ${c.name ?? ''}`.trim())).toEqual([
      'removed startEvent Start',
      'added startEvent Begin',
      'changed sequenceFlow f1',
      'changed sequenceFlow f2',
      'added userTask Task_b 复核',
      'added sequenceFlow f3',
    ])
  })

  it('ignores moved shapes: the diagram is not the process', async () => {
    expect(diffBpmn(await elements(v1), await elements(v1))).toEqual([])
  })
})
