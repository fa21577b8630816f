import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import { hallModdleDescriptor, parseDefinition } from '@hall/process-engine'
import { describe, expect, it } from 'vitest'
import staffLeave from '../../../../../../templates/staff-leave/process.bpmn?raw'
import camundaDrawn from './fixtures/camunda-modeler-leave.bpmn?raw'

/**
 * Files between Camunda Modeler and this designer. The designer's bpmn-js reads and writes with
 * bpmn-moddle and our `hall` descriptor, exactly as here; Camunda Modeler knows nothing of `hall:`,
 * so "it opens there" means plain bpmn-moddle reads our file without a warning and finds DI for
 * every element it draws. (The hand-written templates carry shapes but no edges for their flows,
 * so for them only the flow nodes are checked.)
 */
type Moddle = BpmnModdle & { toXML(element: unknown, options: object): Promise<{ xml: string }> }
const ours = () => new BpmnModdle({ hall: hallModdleDescriptor }) as Moddle

interface Element extends ModdleElement {
  id: string
  $type: string
  flowElements?: Element[]
  rootElements?: Element[]
  diagrams?: { plane: { planeElement: { bpmnElement?: { id: string } }[] } }[]
  set(name: string, value: unknown): void
}

const process = (definitions: Element) => definitions.rootElements!.find((e) => e.$type === 'bpmn:Process')!
const task = (definitions: Element, id: string) => process(definitions).flowElements!.find((e) => e.id === id)!

/** Opens `xml` as Camunda Modeler would: plain bpmn-moddle, no hall descriptor. */
async function openInCamunda(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml)
  const definitions = rootElement as Element
  const drawn = new Set(definitions.diagrams![0]!.plane.planeElement.map((di) => di.bpmnElement?.id))
  const missing = (flows: boolean) => process(definitions).flowElements!.filter((e) => (e.$type === 'bpmn:SequenceFlow') === flows && !drawn.has(e.id)).map((e) => e.id)
  return { definitions, warnings, nodesWithoutDi: missing(false), flowsWithoutDi: missing(true) }
}

describe('a .bpmn drawn in Camunda Modeler', () => {
  it('opens in our designer without a warning, its Camunda and Zeebe extensions kept', async () => {
    const { rootElement, warnings } = await ours().fromXML(camundaDrawn)
    expect(warnings).toEqual([])
    const { xml } = await ours().toXML(rootElement, { format: true })
    expect(xml).toContain('camunda:assignee="${initiatorLeader}"')
    expect(xml).toContain('<zeebe:assignmentDefinition assignee="=initiatorLeader" />')
    expect(xml).toContain('<zeebe:header key="stage" value="review" />')
    expect(xml).toContain('modeler:executionPlatform="Camunda Cloud"')
    expect(xml).toContain('<bpmn:lane id="Lane_director" name="中心领导">')
  })

  it("is not run silently: the engine's deploy check names every extension it would ignore, and the pool", async () => {
    const result = await parseDefinition(camundaDrawn)
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems.map((p) => `${p.element}: ${p.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([
        'Task_review: Unknown attribute camunda:assignee on bpmn:UserTask',
        'Task_review: Extension zeebe:assignmentDefinition is not supported on bpmn:UserTask',
        'Task_review: Extension zeebe:taskHeaders is not supported on bpmn:UserTask',
        'Task_director: Extension zeebe:assignmentDefinition is not supported on bpmn:UserTask',
        'StartEvent_apply: Unknown attribute camunda:formKey on bpmn:StartEvent',
        'Collaboration_leave: bpmn:Collaboration is not supported by the engine',
        'Task_director: Expected hall:assignee on a user task, but it is missing',
      ]),
    )
    // Every problem names an element, so the designer imports the file and lists them (see use-diagram-io).
    expect(result.ok || result.problems.every((p) => p.element)).toBe(true)
  })
})

describe('a .bpmn exported by our designer', () => {
  it('opens in Camunda Modeler after an edit: no warnings, DI for every flow node and flow, hall attributes kept', async () => {
    const moddle = ours()
    const { rootElement } = await moddle.fromXML(camundaDrawn)
    const definitions = rootElement as Element
    // What the properties panel does when an assignee is picked.
    task(definitions, 'Task_review').set('hall:assignee', 'deptHead:1')
    const { xml } = await moddle.toXML(definitions, { format: true })

    const opened = await openInCamunda(xml)
    expect(opened.warnings).toEqual([])
    expect(opened.nodesWithoutDi).toEqual([])
    expect(opened.flowsWithoutDi).toEqual([])
    expect(xml).toContain('xmlns:hall="urn:hall:bpmn:1"')
    expect(xml).toMatch(/<bpmn:userTask id="Task_review" name="科室审核" hall:assignee="deptHead:1" camunda:assignee="\$\{initiatorLeader\}">/)
    expect(task(opened.definitions, 'Task_review').$attrs?.['hall:assignee']).toBe('deptHead:1')
  })

  it('opens in Camunda Modeler as a whole hall process (the staff-leave template): no warnings, DI for every flow node', async () => {
    const { rootElement, warnings } = await ours().fromXML(staffLeave)
    expect(warnings).toEqual([])
    const { xml } = await ours().toXML(rootElement, { format: true })
    const opened = await openInCamunda(xml)
    expect(opened.warnings).toEqual([])
    expect(opened.nodesWithoutDi).toEqual([])
    expect(process(opened.definitions).flowElements!.length).toBeGreaterThan(5)
  })
})
