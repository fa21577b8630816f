import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'
import { BpmnError } from './service-task'

const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`
const message = (ref: string) => `<bpmn:messageEventDefinition messageRef="${ref}"/>`
const withMessages = (xml: string) => xml.replace('<bpmn:process', '<bpmn:message id="M_docs" name="docs"/><bpmn:message id="M_cancel" name="cancel"/><bpmn:process')

async function start(xml: string, options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options)
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(withMessages(xml))).id, initiator: 'u1' })
  const state = async () => (await t.engine.getInstance(id))!
  const at = async () => (await state()).tokens.map((k) => k.element).sort()
  return { ...t, id, state, at }
}

describe('timer events', () => {
  it('an intermediate timer waits its duration, then continues', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', 'PT2H')}</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>${flows('s->wait', 'wait->e')}`))
    t.clock.advance(3_600_000)
    expect(await t.engine.runDueJobs({ owner: 'w' })).toBe(0)
    t.clock.advance(3_600_000)
    expect(await t.engine.runDueJobs({ owner: 'w' })).toBe(1)
    expect((await t.state()).status).toBe('completed')
    expect(await t.types(t.id)).toContain('timer.fired')
  })

  it('accepts working-day timers (2wd)', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', '2wd')}</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>${flows('s->wait', 'wait->e')}`))
    expect((await t.engine.jobs(t.id))[0]!.dueAt).toBe('2026-10-08T10:00:00.000Z')
  })

  it('an interrupting timer boundary cancels the task and takes the escape path', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2"/>
      <bpmn:boundaryEvent id="late" attachedToRef="T">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>
      <bpmn:userTask id="Chase" hall:assignee="user:head1"/><bpmn:endEvent id="e"/>${flows('s->T', 'T->e', 'late->Chase', 'Chase->e')}`))
    t.clock.advance(86_400_000)
    await t.engine.runDueJobs({ owner: 'w' })
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Chase'])
  })

  it('a non-interrupting cycle boundary reminds repeatedly while the task stays open', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2"/>
      <bpmn:boundaryEvent id="remind" attachedToRef="T" cancelActivity="false">${timer('timeCycle', 'R2/PT1H')}</bpmn:boundaryEvent>
      <bpmn:serviceTask id="Notify" hall:handler="notify"/><bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flows('s->T', 'T->e', 'remind->Notify', 'Notify->e2')}`))
    for (let i = 0; i < 3; i++) {
      t.clock.advance(3_600_000)
      await t.engine.runDueJobs({ owner: 'w' })
    }
    expect((await t.engine.history(t.id)).filter((e) => e.type === 'notification')).toHaveLength(2)
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['T'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect((await t.state()).status).toBe('completed')
  })
})

describe('message events', () => {
  it('a message start event starts the instance when started with that message; unknown messages are refused', async () => {
    const t = setup()
    const def = await t.engine.deploy(withMessages(bpmn(`<bpmn:startEvent id="byHand"/><bpmn:startEvent id="byDocs">${message('M_docs')}</bpmn:startEvent><bpmn:userTask id="T" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows('byHand->T', 'byDocs->T', 'T->e')}`)))
    const id = await t.engine.start({ definitionId: def.id, initiator: 'u1', message: 'docs' })
    expect((await t.engine.history(id))[0]).toMatchObject({ type: 'process.started', element: 'byDocs' })
    await expect(t.engine.start({ definitionId: def.id, initiator: 'u1', message: 'cancel' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/no message start for 'cancel'/) })
  })

  it('a receive task continues when its message is correlated, merging variables', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:receiveTask id="R" messageRef="M_docs"/><bpmn:endEvent id="e"/>${flows('s->R', 'R->e')}`))
    expect(await t.engine.correlate(t.id, 'other')).toBe(false)
    expect(await t.engine.correlate(t.id, 'docs', { received: true })).toBe(true)
    expect(await t.state()).toMatchObject({ status: 'completed', variables: { received: true } })
  })

  it('keeps who delivered a message and their comment on its history event', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:receiveTask id="R" messageRef="M_docs"/><bpmn:endEvent id="e"/>${flows('s->R', 'R->e')}`))
    expect(await t.engine.correlate(t.id, 'docs', {}, { by: 'u1', comment: '已返校' })).toBe(true)
    const correlated = (await t.engine.history(t.id)).find((event) => event.type === 'message.correlated')
    expect(correlated).toMatchObject({ element: 'R', actor: 'u1', data: { message: 'docs', comment: '已返校' } })
  })

  it('an event-based gateway takes whichever event comes first', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="g"/>
      <bpmn:intermediateCatchEvent id="gotDocs">${message('M_docs')}</bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="expired">${timer('timeDuration', 'P5D')}</bpmn:intermediateCatchEvent>
      <bpmn:userTask id="Handle" hall:assignee="user:u2"/><bpmn:endEvent id="abandoned"/><bpmn:endEvent id="e"/>
      ${flows('s->g', 'g->gotDocs', 'g->expired', 'gotDocs->Handle', 'expired->abandoned', 'Handle->e')}`)
    const byMessage = await start(xml)
    await byMessage.engine.correlate(byMessage.id, 'docs')
    expect(await byMessage.at()).toEqual(['Handle'])
    expect(await byMessage.engine.jobs(byMessage.id)).toEqual([])
    const byTimer = await start(xml)
    byTimer.clock.advance(5 * 86_400_000)
    await byTimer.engine.runDueJobs({ owner: 'w' })
    expect(await byTimer.state()).toMatchObject({ status: 'completed', subscriptions: [] })
  })

  it('a non-interrupting message boundary runs its path beside the task, which stays open', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2"/>
      <bpmn:boundaryEvent id="moreDocs" attachedToRef="T" cancelActivity="false">${message('M_docs')}</bpmn:boundaryEvent>
      <bpmn:serviceTask id="Notify" hall:handler="notify"/><bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flows('s->T', 'T->e', 'moreDocs->Notify', 'Notify->e2')}`))
    expect(await t.engine.correlate(t.id, 'docs', { extra: '补充材料' })).toBe(true)
    expect((await t.engine.history(t.id)).filter((e) => e.type === 'notification')).toHaveLength(1)
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['T'])
    expect(await t.state()).toMatchObject({ status: 'active', variables: { extra: '补充材料' } })
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect((await t.state()).status).toBe('completed')
  })

  it('a message boundary interrupts the task (applicant cancels)', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2"/>
      <bpmn:boundaryEvent id="cancelled" attachedToRef="T">${message('M_cancel')}</bpmn:boundaryEvent>
      <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flows('s->T', 'T->e', 'cancelled->e2')}`))
    await t.engine.correlate(t.id, 'cancel')
    expect((await t.state()).status).toBe('completed')
    expect(await t.openTasks(t.id)).toEqual([])
  })
})

describe('service, script and end events', () => {
  it('a script task evaluates FEEL into its result variable', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:scriptTask id="calc" scriptFormat="feel" hall:resultVariable="total"><bpmn:script>=1 + 2</bpmn:script></bpmn:scriptTask><bpmn:endEvent id="e"/>${flows('s->calc', 'calc->e')}`))
    expect((await t.state()).variables.total).toBe(3)
  })

  it('a service task calls its handler with evaluated inputs and merges the result', async () => {
    const calls: unknown[] = []
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:serviceTask id="svc" hall:handler="lookup"><bpmn:extensionElements><hall:input name="who" value="=&quot;u&quot; + &quot;1&quot;"/></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="e"/>${flows('s->svc', 'svc->e')}`),
      { handlers: { lookup: (call) => { calls.push(call.inputs); return { found: true } } } })
    expect(calls).toEqual([{ who: 'u1' }])
    expect((await t.state()).variables.found).toBe(true)
  })

  it('a BpmnError from a handler is caught by a matching error boundary; other errors become incidents', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:serviceTask id="svc" hall:handler="check"/>
      <bpmn:boundaryEvent id="bad" attachedToRef="svc"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:boundaryEvent>
      <bpmn:userTask id="Fix" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows('s->svc', 'svc->e', 'bad->Fix', 'Fix->e')}`).replace('<bpmn:process', '<bpmn:error id="Err" errorCode="INVALID"/><bpmn:process')
    const caught = await start(xml, { handlers: { check: () => { throw new BpmnError('INVALID') } } })
    expect(await caught.at()).toEqual(['Fix'])
    const crashed = await start(xml, { handlers: { check: () => { throw new Error('db down') } } })
    expect((await crashed.state()).incidents[0]!.message).toBe("Expected handler 'check' to succeed, but it threw: db down")
  })

  it('an error end event nobody catches ends the instance as error:<code>', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:endEvent>${flows('s->fail')}`).replace('<bpmn:process', '<bpmn:error id="Err" errorCode="NO_LICENCE"/><bpmn:process'))
    expect(await t.state()).toMatchObject({ status: 'terminated', outcome: 'error:NO_LICENCE', tokens: [] })
  })

  it('task and manualTask pass straight through, recorded as entered and completed', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:manualTask id="Stamp"/><bpmn:task id="File"/><bpmn:endEvent id="e"/>${flows('s->Stamp', 'Stamp->File', 'File->e')}`))
    expect((await t.state()).status).toBe('completed')
    expect((await t.engine.history(t.id)).filter((e) => e.type === 'activity.completed').map((e) => e.element)).toEqual(['s', 'Stamp', 'File', 'e'])
  })

  it('a terminate end event ends the instance and cancels parallel work', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="p"/><bpmn:userTask id="T" hall:assignee="user:u2"/><bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent><bpmn:endEvent id="e"/>${flows('s->p', 'p->T', 'p->stop', 'T->e')}`))
    expect((await t.state()).status).toBe('terminated')
    expect(await t.openTasks(t.id)).toEqual([])
  })
})
