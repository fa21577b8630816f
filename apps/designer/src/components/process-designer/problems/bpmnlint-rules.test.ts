import { BpmnModdle } from 'bpmn-moddle'
import { hallModdleDescriptor } from '@hall/process-engine'
import { describe, expect, it } from 'vitest'
import { bpmnlintFindings } from './bpmnlint-rules'

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:hall="urn:hall:bpmn:1"`

/** A process with DI for the listed shapes and flows (`no-bpmndi` reports every element left out). */
function diagram(process: string, shapes: string[], flows: string[] = []): string {
  const di = [
    ...shapes.map((id, i) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${100 + i * 150}" y="100" width="100" height="80" /></bpmndi:BPMNShape>`),
    ...flows.map((id) => `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="0" y="0" /><di:waypoint x="1" y="1" /></bpmndi:BPMNEdge>`),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="D" targetNamespace="urn:t">
  <bpmn:process id="P" isExecutable="true">${process}</bpmn:process>
  <bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Plane" bpmnElement="P">${di.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`
}

/** Reads the XML as the designer's bpmn-js does (flows listed on their nodes or not). */
async function findings(xml: string) {
  const { rootElement } = await new BpmnModdle({ hall: hallModdleDescriptor }).fromXML(xml)
  return bpmnlintFindings(rootElement)
}

describe('bpmnlint in the problems list', () => {
  it('finds nothing in a complete leave process with an unnamed end and an inclusive gateway', async () => {
    const xml = diagram(
      `<bpmn:startEvent id="S" name="申请" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G" />
       <bpmn:inclusiveGateway id="G" name="会签范围" default="f3" />
       <bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="T"><bpmn:conditionExpression>=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="Done" />
       <bpmn:userTask id="T" name="主任审批" hall:assignee="role:approver" /><bpmn:sequenceFlow id="f4" sourceRef="T" targetRef="E" />
       <bpmn:endEvent id="E" /><bpmn:endEvent id="Done" />`,
      ['S', 'G', 'T', 'E', 'Done'],
      ['f1', 'f2', 'f3', 'f4'],
    )
    expect(await findings(xml)).toEqual([])
    // Linting again (every edit does) finds nothing new: no rule remembers the previous run.
    expect(await findings(xml)).toEqual([])
  })

  it('reports a step that ends the process implicitly and a shape without DI, naming rule and element', async () => {
    const xml = diagram(
      `<bpmn:startEvent id="S" name="申请" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
       <bpmn:userTask id="T" name="科室审核" hall:assignee="deptHead:1" />
       <bpmn:userTask id="Lost" name="漏画" hall:assignee="deptHead:1" />`,
      ['S', 'T'],
    )
    const found = await findings(xml)
    expect(found).toContainEqual({ rule: 'no-implicit-end', elementId: 'T', message: 'Element is an implicit end', severity: 'error' })
    expect(found).toContainEqual({ rule: 'no-bpmndi', elementId: 'Lost', message: 'Element is missing bpmndi', severity: 'error' })
    expect(found).toContainEqual(expect.objectContaining({ rule: 'end-event-required', elementId: 'P' }))
    expect(found.map((f) => f.rule)).not.toContain('label-required')
  })

  it('reports a gateway flow without condition beside a conditional one as an error, a superfluous gateway as a warning', async () => {
    const xml = diagram(
      `<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G" />
       <bpmn:exclusiveGateway id="G" />
       <bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="E1"><bpmn:conditionExpression>=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="E2" />
       <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
       <bpmn:sequenceFlow id="f4" sourceRef="S" targetRef="G2" /><bpmn:exclusiveGateway id="G2" /><bpmn:sequenceFlow id="f5" sourceRef="G2" targetRef="E2" />`,
      ['S', 'G', 'E1', 'E2', 'G2'],
    )
    const found = await findings(xml)
    expect(found).toContainEqual({ rule: 'conditional-flows', elementId: 'f3', message: 'Sequence flow is missing condition', severity: 'error' })
    expect(found).toContainEqual(expect.objectContaining({ rule: 'superfluous-gateway', elementId: 'G2', severity: 'warning' }))
    expect(found.findIndex((f) => f.severity === 'warning')).toBeGreaterThan(found.findIndex((f) => f.severity === 'error'))
  })

  describe('a new item whose 办结 the administrator removes to draw on after 窗口受理', () => {
    // The server's starter: 申请 → 窗口受理 → 办结, flows not listed on their nodes.
    const starter = diagram(
      `<bpmn:startEvent id="Start" name="申请" /><bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_accept" />
       <bpmn:userTask id="Task_accept" name="窗口受理" hall:assignee="role:window_staff" />
       <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_accept" targetRef="End" /><bpmn:endEvent id="End" name="办结" />`,
      ['Start', 'Task_accept', 'End'],
      ['Flow_1', 'Flow_2'],
    )
    type Node = { id: string; $type: string; $parent?: unknown; name?: string; outgoing?: Node[]; incoming?: Node[]; sourceRef?: Node; targetRef?: Node }

    /** Lints the starter once (as on opening it), applies `edit` the way bpmn-js's modeling does, lints again. */
    async function afterEdit(edit: (process: Node[], create: (type: string, attrs: object) => Node) => void) {
      const moddle = new BpmnModdle({ hall: hallModdleDescriptor }) as BpmnModdle & { create(type: string, attrs: object): unknown }
      const { rootElement } = await moddle.fromXML(starter)
      await bpmnlintFindings(rootElement)
      const process = (rootElement as unknown as { rootElements: { flowElements: Node[] }[] }).rootElements[0]!
      edit(process.flowElements, (type, attrs) => Object.assign(moddle.create(type, attrs) as Node, { $parent: process }))
      return bpmnlintFindings(rootElement)
    }
    /** 科室审核 appended after 窗口受理 (bpmn-js adds both to the process and the flow to its ends' lists). */
    function appendReview(process: Node[], create: (type: string, attrs: object) => Node) {
      const accept = process.find((e) => e.id === 'Task_accept')!
      const review = create('bpmn:UserTask', { id: 'Task_review', name: '科室审核' })
      const flow = create('bpmn:SequenceFlow', { id: 'Flow_3', sourceRef: accept, targetRef: review })
      process.push(review, flow)
      accept.outgoing!.push(flow)
      review.incoming = [flow]
    }

    it('reports 窗口受理 splitting implicitly when only the name 办结 was deleted: the end event still follows it', async () => {
      // Selecting the text 办结 selects the end event's label; deleting a label clears the name, the event stays.
      const found = await afterEdit((process, create) => {
        delete process.find((e) => e.id === 'End')!.name
        appendReview(process, create)
      })
      expect(found).toContainEqual({ rule: 'no-implicit-split', elementId: 'Task_accept', message: 'Flow splits implicitly', severity: 'error' })
    })

    it('finds no split once the end event itself is deleted with its flow', async () => {
      const found = await afterEdit((process, create) => {
        // bpmn-js removes the flow from the process and from the step's outgoing list, and unsets its ends.
        const accept = process.find((e) => e.id === 'Task_accept')!
        const gone = process.filter((e) => e.id === 'End' || e.id === 'Flow_2')
        accept.outgoing!.splice(accept.outgoing!.indexOf(gone.find((e) => e.id === 'Flow_2')!), 1)
        for (const element of gone) process.splice(process.indexOf(element), 1)
        for (const flow of gone.filter((e) => e.$type === 'bpmn:SequenceFlow')) [flow.sourceRef, flow.targetRef] = [undefined, undefined]
        appendReview(process, create)
      })
      expect(found.map((f) => f.rule)).not.toContain('no-implicit-split')
    })
  })
})
