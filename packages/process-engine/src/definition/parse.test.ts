import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bpmn, flows } from '../../test/helpers'
import { parseDefinition } from './parse'

const ok = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="t" hall:assignee="user:u1"/><bpmn:endEvent id="e"/>${flows('s->t', 't->e')}`)

async function problemsOf(xml: string) {
  const result = await parseDefinition(xml)
  if (result.ok) throw new Error('expected rejection')
  return result.problems
}

describe('parseDefinition: valid documents', () => {
  it('compiles a start → user task → end process', async () => {
    const result = await parseDefinition(ok)
    expect(result.ok).toBe(true)
    if (result.ok) expect(Object.keys(result.definition.elements)).toEqual(['s', 't', 'e'])
  })

  it('accepts timer values written as plain expressions, without xsi:type', async () => {
    const timer = bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>${flows('s->w', 'w->e')}`)
    expect(await parseDefinition(timer)).toMatchObject({ ok: true })
  })

  it('accepts diagram interchange (bpmndi) as written by bpmn-js', async () => {
    const withDi = ok
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" exporter="bpmn-js" exporterVersion="18.0.0" ')
      .replace('</bpmn:definitions>', `<bpmndi:BPMNDiagram id="D1"><bpmndi:BPMNPlane id="Pl1" bpmnElement="P">
        <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="1" y="2" width="36" height="36"/></bpmndi:BPMNShape>
        <bpmndi:BPMNEdge id="f0_di" bpmnElement="f0"><di:waypoint x="1" y="2"/><di:waypoint x="3" y="4"/></bpmndi:BPMNEdge>
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`)
    expect(await parseDefinition(withDi)).toMatchObject({ ok: true })
  })

  it('reads every hall attribute on user tasks and processes', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:userTask id="t" hall:assignee="post:p1,deptHead:2" hall:approval="ratio:0.6" hall:due="3wd" hall:warn="4h" hall:onTimeout="escalate:role:leader" hall:form="f1">
        <bpmn:extensionElements><hall:fieldPermission path="a.b" mode="hidden"/></bpmn:extensionElements>
      </bpmn:userTask><bpmn:endEvent id="e"/>${flows('s->t', 't->e')}`, ' hall:promise="5wd" hall:itemType="joint"')
    const result = await parseDefinition(xml)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.definition).toMatchObject({ promise: { kind: 'workingDays', days: 5 }, itemType: 'joint' })
    expect(result.definition.elements.t!.userTask).toMatchObject({
      assignees: [{ kind: 'post', id: 'p1' }, { kind: 'deptHead', levels: 2 }],
      approval: { kind: 'ratio', ratio: 0.6 },
      due: { kind: 'workingDays', days: 3 },
      onTimeout: { kind: 'escalate', to: [{ kind: 'role', id: 'leader' }] },
      form: 'f1',
      fields: [{ path: 'a.b', mode: 'hidden' }],
    })
  })
})

describe('parseDefinition: rejects hostile or unsupported input, naming the element', () => {
  it.each([
    ['malformed XML', '<bpmn:definitions><bpmn:process', 'definitions', /Malformed|unterminated/],
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${ok.slice(ok.indexOf('<bpmn:definitions'))}`, 'definitions', /DOCTYPE/],
    ['a NUL character reference', ok.replace('id="P"', 'id="P" name="&#0;"'), 'definitions', /&#0;/],
    ['an empty document', '', 'definitions', /empty/],
  ])('rejects %s', async (_name, xml, element, message) => {
    const problems = await problemsOf(xml)
    expect(problems[0]).toMatchObject({ element })
    expect(problems[0]!.message).toMatch(message)
  })

  it('rejects 10,000-deep nesting before parsing', async () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000)
    const problems = await problemsOf(ok.replace('</bpmn:process>', `</bpmn:process>${deep}`))
    expect(problems[0]!.message).toMatch(/nesting/)
  })

  it('rejects more than 100,000 elements and more than 20 MB', async () => {
    expect((await problemsOf(ok.replace('</bpmn:process>', '</bpmn:process>' + '<x/>'.repeat(100_001))))[0]!.message).toMatch(/elements/)
    expect((await problemsOf(ok + ' '.repeat(21 * 1024 * 1024)))[0]!.message).toMatch(/bytes/)
  })

  it('rejects duplicate ids', async () => {
    const problems = await problemsOf(ok.replace('<bpmn:endEvent id="e"/>', '<bpmn:endEvent id="e"/><bpmn:endEvent id="t"/>'))
    expect(problems.some((p) => /duplicate ID/.test(p.message))).toBe(true)
  })

  it('rejects unknown elements, unsupported elements and unknown attributes', async () => {
    const problems = await problemsOf(
      ok.replace('<bpmn:endEvent id="e"/>', '<bpmn:endEvent id="e"/><bpmn:bogus id="b"/><bpmn:complexGateway id="sub"/><bpmn:sendTask id="send" foo:bar="1" xmlns:foo="urn:foo"/>'),
    )
    const text = problems.map((p) => `${p.element}: ${p.message}`).join('\n')
    expect(text).toMatch(/bpmn:Bogus/)
    expect(text).toMatch(/sub: bpmn:ComplexGateway is not supported/)
    expect(text).toMatch(/send: bpmn:SendTask is not supported/)
  })

  it('rejects unknown hall values and hall attributes on the wrong element', async () => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="s" hall:due="1wd"/>
      <bpmn:userTask id="t" hall:assignee="boss:1" hall:approval="most" hall:due="3 days" hall:onTimeout="explode"/>
      <bpmn:endEvent id="e"/>${flows('s->t', 't->e')}`, ' hall:itemType="urgent"'))
    const text = problems.map((p) => `${p.element}: ${p.message}`).join('\n')
    expect(text).toMatch(/s: unknown attribute <hall:due>/)
    expect(text).toMatch(/t: Unknown assignee kind 'boss'/)
    expect(text).toMatch(/t: Expected hall:approval/)
    expect(text).toMatch(/t: Expected hall:due/)
    expect(text).toMatch(/t: Expected hall:onTimeout/)
    expect(text).toMatch(/P: Expected hall:itemType/)
  })

  it('rejects a gateway with no outgoing flow', async () => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/>${flows('s->g')}`))
    expect(problems).toContainEqual({ element: 'g', message: 'Expected exclusiveGateway to have an outgoing sequence flow, but it has none' })
  })

  it('rejects a FEEL syntax error with the flow id and position', async () => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e"/>
      ${flows('s->g', 'g-(=days >= )->e#fc', 'g->e#fd')}`))
    expect(problems[0]).toMatchObject({ element: 'fc' })
    expect(problems[0]!.message).toMatch(/FEEL syntax error in condition '=days >=' at position \d+/)
  })

  it('rejects an oversized or absurdly nested FEEL expression without crashing', async () => {
    const deep = '='.concat('('.repeat(4000), 'days', ')'.repeat(4000), ' > 1')
    const huge = '=' + 'days + '.repeat(3000) + '1'
    for (const condition of [deep, huge]) {
      const problems = await problemsOf(bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e"/>${flows('s->g', `g-(${condition})->e#fc`, 'g->e#fd')}`))
      expect(problems[0]).toMatchObject({ element: 'fc' })
    }
  })

  it('rejects conditions without the = prefix and conditional flows after tasks', async () => {
    const problems = await problemsOf(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="t" hall:assignee="user:u"/><bpmn:endEvent id="e"/>
      ${flows('s->t', 't-(days > 1)->e#fc')}`))
    expect(problems.map((p) => p.element)).toEqual(['fc'])
  })
})

describe('parseDefinition: fuzzed input', () => {
  it('never throws: any mutation of a valid document is accepted or rejected with problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(ok.length), fc.nat(40), fc.string({ maxLength: 12 }), async (at, cut, insert) => {
        const mutated = ok.slice(0, at) + insert + ok.slice(Math.min(ok.length, at + cut))
        const result = await parseDefinition(mutated)
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
    // 300 parses: on a machine shared by several test runs this outlasts the 5 s default.
  }, 30_000)
})

describe('parseDefinition: hall:deliveredBy', () => {
  const withMessage = (body: string) => bpmn(body).replace('<bpmn:process', '<bpmn:message id="M" name="leave.returned"/><bpmn:process')
  const messageCatch = (attrs: string) =>
    `<bpmn:intermediateCatchEvent id="c"${attrs}><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>`

  it('exposes initiator on a receive task and on a message catch event', async () => {
    const result = await parseDefinition(withMessage(`<bpmn:startEvent id="s"/><bpmn:receiveTask id="r" messageRef="M" hall:deliveredBy="initiator"/>${messageCatch(' hall:deliveredBy="initiator"')}<bpmn:receiveTask id="plain" messageRef="M"/><bpmn:endEvent id="e"/>${flows('s->r', 'r->c', 'c->plain', 'plain->e')}`))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.definition.elements.r).toMatchObject({ deliveredBy: 'initiator', trigger: { kind: 'message', name: 'leave.returned' } })
    expect(result.definition.elements.c).toMatchObject({ deliveredBy: 'initiator' })
    expect(result.definition.elements.plain!.deliveredBy).toBeUndefined()
  })

  it('rejects an unknown value with the element id', async () => {
    const problems = await problemsOf(withMessage(`<bpmn:startEvent id="s"/><bpmn:receiveTask id="r" messageRef="M" hall:deliveredBy="anyone"/><bpmn:endEvent id="e"/>${flows('s->r', 'r->e')}`))
    expect(problems).toContainEqual({ element: 'r', message: "Expected hall:deliveredBy initiator, but got 'anyone'" })
  })

  it('rejects it on a timer catch, which waits for no message, and on a user task', async () => {
    const timer = `<bpmn:intermediateCatchEvent id="w" hall:deliveredBy="initiator"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`
    const problems = await problemsOf(withMessage(`<bpmn:startEvent id="s"/>${timer}<bpmn:userTask id="t" hall:assignee="user:u1" hall:deliveredBy="initiator"/><bpmn:endEvent id="e"/>${flows('s->w', 'w->t', 't->e')}`))
    expect(problems).toContainEqual({ element: 'w', message: 'Expected hall:deliveredBy only on a receive task or message catch event, but this one waits for no message' })
    expect(problems.some((p) => p.element === 't' && p.message.includes('deliveredBy'))).toBe(true)
  })
})
