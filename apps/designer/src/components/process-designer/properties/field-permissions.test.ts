import { BpmnModdle } from 'bpmn-moddle'
import { hallModdleDescriptor, parseDefinition } from '@hall/process-engine'
import { describe, expect, it } from 'vitest'
import type { BusinessObject } from '../modeler/bpmn-services'
import { readPermissions, withPermission } from './field-permissions'

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="D" targetNamespace="urn:t">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
    <bpmn:userTask id="T" hall:assignee="user:u1">
      <bpmn:extensionElements><hall:fieldPermission path="days" mode="readonly" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />
  </bpmn:process>
</bpmn:definitions>`

/** Edits the task's permissions through the real moddle, as bpmn-js does, and writes the XML back. */
async function edit(change: (task: BusinessObject, create: (p: { path: string; mode: string }) => BusinessObject) => void) {
  // bpmn-moddle's type slice (engine) covers fromXML only; create and toXML are its documented API too.
  const moddle = new BpmnModdle({ hall: hallModdleDescriptor }) as BpmnModdle & {
    create(type: string, properties: object): unknown
    toXML(element: unknown, options: object): Promise<{ xml: string }>
  }
  const { rootElement } = await moddle.fromXML(XML)
  const task = (rootElement as unknown as BusinessObject).rootElements![0]!.flowElements!.find((e) => e.id === 'T')!
  change(task, (p) => moddle.create('hall:FieldPermission', p) as unknown as BusinessObject)
  const { xml } = await moddle.toXML(rootElement, { format: true })
  return { task, xml }
}

describe('field permissions of a step', () => {
  it('reads the modes written in the XML', async () => {
    const { task } = await edit(() => undefined)
    expect([...readPermissions(task)]).toEqual([['days', 'readonly']])
  })

  it('changes one field, adds another, and the engine accepts the result', async () => {
    const { xml } = await edit((task, create) => {
      let values = withPermission(task.extensionElements!.values!, 'days', 'hidden', create)
      values = withPermission(values, 'reason', 'editable', create)
      task.extensionElements!.set('values', values)
    })
    expect(xml).toContain('<hall:fieldPermission path="days" mode="hidden" />')
    expect(xml).toContain('<hall:fieldPermission path="reason" mode="editable" />')
    const parsed = await parseDefinition(xml)
    expect(parsed.ok).toBe(true)
  })

  it('drops a field set back to default', async () => {
    const { xml } = await edit((task, create) => task.extensionElements!.set('values', withPermission(task.extensionElements!.values!, 'days', undefined, create)))
    expect(xml).not.toContain('fieldPermission')
  })
})
