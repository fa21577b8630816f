import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

const timer = (d: string) => `<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${d}</bpmn:timeDuration></bpmn:timerEventDefinition>`
const eventSub = (id: string, start: string, inner: string) =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">${start}${inner}</bpmn:subProcess>`
const withMessage = (xml: string) => xml.replace('<bpmn:process', '<bpmn:message id="M_cancel" name="cancel"/><bpmn:process')

// Given a case with one review step:
const main = `<bpmn:startEvent id="s"/><bpmn:userTask id="Review" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>`
const mainFlows = flows('s->Review', 'Review->e')

async function start(xml: string) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(withMessage(xml))).id, initiator: 'u1' })
  const state = async () => (await t.engine.getInstance(id))!
  const waiting = async () => (await t.openTasks(id)).map((k) => k.element).sort()
  return { ...t, id, state, waiting }
}

describe('event sub-process', () => {
  it('interrupting (message): the applicant cancels; open work is cancelled and the handler runs', async () => {
    const t = await start(bpmn(`${main}${eventSub('OnCancel', `<bpmn:startEvent id="cancelled"><bpmn:messageEventDefinition messageRef="M_cancel"/></bpmn:startEvent>`,
      `<bpmn:userTask id="Refund" hall:assignee="user:u3"/><bpmn:endEvent id="ce"/>${flows('cancelled->Refund#c1', 'Refund->ce#c2')}`)}${mainFlows}`))
    await t.engine.correlate(t.id, 'cancel')
    expect(await t.waiting()).toEqual(['Refund'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u3' })
    expect((await t.state()).status).toBe('completed')
  })

  it('non-interrupting (timer): a reminder runs beside the main flow, which still decides the end', async () => {
    const t = await start(bpmn(`${main}${eventSub('Remind', `<bpmn:startEvent id="after1d" isInterrupting="false">${timer('P1D')}</bpmn:startEvent>`,
      `<bpmn:serviceTask id="Notify" hall:handler="notify"/><bpmn:endEvent id="re"/>${flows('after1d->Notify#r1', 'Notify->re#r2')}`)}${mainFlows}`))
    t.clock.advance(86_400_000)
    await t.engine.runDueJobs({ owner: 'w' })
    expect(await t.types(t.id)).toContain('notification')
    expect(await t.waiting()).toEqual(['Review'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect((await t.state()).status).toBe('completed')
  })

  it('is disarmed when its scope ends first', async () => {
    const t = await start(bpmn(`${main}${eventSub('Late', `<bpmn:startEvent id="after1d">${timer('P1D')}</bpmn:startEvent>`, `<bpmn:endEvent id="le"/>${flows('after1d->le#l1')}`)}${mainFlows}`))
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect(await t.engine.jobs(t.id)).toEqual([])
    expect(await t.engine.correlate(t.id, 'cancel').catch((e: { code: string }) => e.code)).toBe('INSTANCE_NOT_ACTIVE')
  })

  it('inside an embedded sub-process, interrupts only that sub-process', async () => {
    const inner = `<bpmn:startEvent id="ss"/><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="se"/>${flows('ss->Check#i1', 'Check->se#i2')}
      ${eventSub('Timeout', `<bpmn:startEvent id="t1">${timer('PT2H')}</bpmn:startEvent>`, `<bpmn:endEvent id="te"/>${flows('t1->te#i3')}`)}`
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:subProcess id="Sub">${inner}</bpmn:subProcess><bpmn:userTask id="After" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Sub', 'Sub->After', 'After->e')}`))
    t.clock.advance(2 * 3_600_000)
    await t.engine.runDueJobs({ owner: 'w' })
    expect(await t.waiting()).toEqual(['After'])
  })

  it('error: catches an error end event of its scope, then the scope completes normally', async () => {
    const failing = `<bpmn:startEvent id="ss"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="E"/></bpmn:endEvent>${flows('ss->fail#i1')}
      ${eventSub('OnError', '<bpmn:startEvent id="caught"><bpmn:errorEventDefinition errorRef="E"/></bpmn:startEvent>', `<bpmn:userTask id="Fix" hall:assignee="user:u2"/><bpmn:endEvent id="fe"/>${flows('caught->Fix#i2', 'Fix->fe#i3')}`)}`
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:subProcess id="Sub">${failing}</bpmn:subProcess><bpmn:userTask id="After" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Sub', 'Sub->After', 'After->e')}`)
      .replace('<bpmn:process', '<bpmn:error id="E" errorCode="BAD"/><bpmn:process'))
    expect(await t.waiting()).toEqual(['Fix'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After'])
  })

  it('rejects event sub-processes with flows or a none start, and error starts at process level', async () => {
    const { engine } = setup()
    const bad = bpmn(`${main}<bpmn:startEvent id="t0"><bpmn:errorEventDefinition/></bpmn:startEvent>${eventSub('Es', '<bpmn:startEvent id="none"/>', `<bpmn:endEvent id="x"/>${flows('none->x#x1')}`)}${mainFlows}${flows('t0->e#x2')}`)
    const problems = await engine.deploy(bad).catch((e: { problems: { element: string }[] }) => e.problems.map((p) => p.element))
    expect(problems).toEqual(expect.arrayContaining(['Es', 't0']))
  })
})
