import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

const sub = (id: string, inner: string, attrs = '') => `<bpmn:subProcess id="${id}"${attrs}>${inner}</bpmn:subProcess>`

async function start(xml: string) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
  const state = async () => (await t.engine.getInstance(id))!
  const waiting = async () => (await t.openTasks(id)).map((k) => k.element).sort()
  const completeAll = async (element: string) => {
    for (const task of (await t.openTasks(id)).filter((k) => k.element === element)) await t.engine.complete(task.id, { by: task.assignee! })
  }
  return { ...t, id, state, waiting, completeAll }
}

// Given a review sub-process with two parallel checks, then an approval:
const inner = `<bpmn:startEvent id="ss"/><bpmn:parallelGateway id="p"/><bpmn:userTask id="Check1" hall:assignee="user:u2"/><bpmn:userTask id="Check2" hall:assignee="user:u3"/><bpmn:parallelGateway id="j"/><bpmn:endEvent id="se"/>
  ${flows('ss->p#i1', 'p->Check1#i2', 'p->Check2#i3', 'Check1->j#i4', 'Check2->j#i5', 'j->se#i6')}`

describe('embedded sub-process', () => {
  it('runs its inner flow and continues after its last inner token ends', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/>${sub('Review', inner)}<bpmn:userTask id="Approve" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Review', 'Review->Approve', 'Approve->e')}`))
    expect(await t.waiting()).toEqual(['Check1', 'Check2'])
    await t.completeAll('Check1')
    expect(await t.waiting()).toEqual(['Check2'])
    await t.completeAll('Check2')
    expect(await t.waiting()).toEqual(['Approve'])
    await t.completeAll('Approve')
    expect((await t.state()).status).toBe('completed')
  })

  it('a timer boundary on the sub-process cancels all inner work', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/>${sub('Review', inner)}
      <bpmn:boundaryEvent id="late" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">2wd</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:userTask id="Chase" hall:assignee="user:head1"/><bpmn:endEvent id="e"/>${flows('s->Review', 'Review->e', 'late->Chase', 'Chase->e')}`))
    await t.completeAll('Check1')
    t.clock.set('2026-10-09T00:00:00+08:00')
    await t.engine.runDueJobs({ owner: 'w' })
    expect(await t.waiting()).toEqual(['Chase'])
    expect((await t.state()).tokens.map((k) => k.element)).toEqual(['Chase'])
  })

  it('an error end event inside is caught by an error boundary on the sub-process', async () => {
    const failing = `<bpmn:startEvent id="ss"/><bpmn:exclusiveGateway id="g" default="ok"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="E"/></bpmn:endEvent><bpmn:endEvent id="se"/>
      ${flows('ss->g#i1', 'g-(=missing = true)->fail#i2', 'g->se#ok')}`
    const xml = bpmn(`<bpmn:startEvent id="s"/>${sub('Check', failing)}<bpmn:boundaryEvent id="caught" attachedToRef="Check"><bpmn:errorEventDefinition errorRef="E"/></bpmn:boundaryEvent>
      <bpmn:userTask id="Supplement" hall:assignee="user:u1"/><bpmn:endEvent id="e"/>${flows('s->Check', 'Check->e', 'caught->Supplement', 'Supplement->e')}`).replace('<bpmn:process', '<bpmn:error id="E" errorCode="MISSING"/><bpmn:process')
    const t = setup()
    const def = await t.engine.deploy(xml)
    const bad = await t.engine.start({ definitionId: def.id, initiator: 'u1', variables: { missing: true } })
    expect((await t.openTasks(bad)).map((k) => k.element)).toEqual(['Supplement'])
    const good = await t.engine.start({ definitionId: def.id, initiator: 'u1', variables: { missing: false } })
    expect((await t.engine.getInstance(good))!.status).toBe('completed')
  })

  it('a terminate end event inside ends only the sub-process', async () => {
    const stopping = `<bpmn:startEvent id="ss"/><bpmn:parallelGateway id="p"/><bpmn:userTask id="Inner" hall:assignee="user:u2"/><bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent><bpmn:endEvent id="se"/>
      ${flows('ss->p#i1', 'p->Inner#i2', 'p->stop#i3', 'Inner->se#i4')}`
    const t = await start(bpmn(`<bpmn:startEvent id="s"/>${sub('Sub', stopping)}<bpmn:userTask id="After" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Sub', 'Sub->After', 'After->e')}`))
    expect(await t.waiting()).toEqual(['After'])
  })

  it('退回 into a sub-process re-opens it around the target and runs on from there', async () => {
    const sequential = `<bpmn:startEvent id="ss"/><bpmn:userTask id="Check1" hall:assignee="user:u2"/><bpmn:userTask id="Check2" hall:assignee="user:u3"/><bpmn:endEvent id="se"/>${flows('ss->Check1#i1', 'Check1->Check2#i2', 'Check2->se#i3')}`
    const t = await start(bpmn(`<bpmn:startEvent id="s"/>${sub('Review', sequential)}<bpmn:userTask id="Approve" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Review', 'Review->Approve', 'Approve->e')}`))
    await t.completeAll('Check1')
    await t.completeAll('Check2')
    const [approve] = await t.openTasks(t.id)
    await t.engine.returnTo(approve!.id, { by: 'dir', target: 'Check1' })
    expect(await t.waiting()).toEqual(['Check1'])
    await t.completeAll('Check1')
    await t.completeAll('Check2')
    expect(await t.waiting()).toEqual(['Approve'])
  })

  it('rejects flows that cross the sub-process boundary', async () => {
    await expect(setup().engine.deploy(bpmn(`<bpmn:startEvent id="s"/>${sub('Sub', '<bpmn:startEvent id="ss"/><bpmn:endEvent id="se"/>' + flows('ss->se#i1'))}<bpmn:endEvent id="e"/>${flows('s->se', 'Sub->e')}`)))
      .rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/stay inside one \(sub-\)process/) })]) })
  })
})
