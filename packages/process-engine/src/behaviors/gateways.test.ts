import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

const task = (id: string, who = 'u2') => `<bpmn:userTask id="${id}" hall:assignee="user:${who}"/>`

async function run(xml: string, variables: Record<string, unknown> = {}) {
  const t = setup()
  const def = await t.engine.deploy(xml)
  const id = await t.engine.start({ definitionId: def.id, initiator: 'u1', variables })
  return { ...t, id, waiting: async () => (await t.openTasks(id)).map((k) => k.element).sort() }
}

describe('exclusive gateway', () => {
  const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="fd"/>${task('A')}${task('B')}${task('C')}<bpmn:endEvent id="e"/>
    ${flows('s->g', 'g-(=days > 3)->A#fa', 'g-(=days > 1)->B#fb', 'g->C#fd', 'A->e', 'B->e', 'C->e')}`)

  it('takes the first flow whose condition holds', async () => {
    expect(await (await run(xml, { days: 5 })).waiting()).toEqual(['A'])
    expect(await (await run(xml, { days: 2 })).waiting()).toEqual(['B'])
  })

  it('takes the default flow when no condition holds (a missing variable is null, not an error)', async () => {
    expect(await (await run(xml, {})).waiting()).toEqual(['C'])
  })

  it('raises an incident, not an exception, when no flow matches and there is no default', async () => {
    const noDefault = bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/>${task('A')}<bpmn:endEvent id="e"/>
      ${flows('s->g', 'g-(=days > 3)->A', 'g-(=days > 1)->e', 'A->e')}`)
    const t = await run(noDefault, { days: 0 })
    const state = await t.engine.getInstance(t.id)
    expect(state!.status).toBe('active')
    expect(state!.incidents[0]).toMatchObject({ element: 'g', message: expect.stringMatching(/^Expected a flow leaving g to match, but/) })
    expect(await t.types(t.id)).toContain('incident')
  })

  it('raises an incident when a condition yields a non-boolean, and continues after retry with fixed variables', async () => {
    const t = await run(xml.replace('=days &gt; 3', '=flag'), { days: 0, flag: 'yes' })
    const state = (await t.engine.getInstance(t.id))!
    expect(state.incidents[0]!.message).toBe(`Expected condition '=flag' on fa to be true or false, but got "yes"`)
    await t.engine.retryIncident(t.id, state.incidents[0]!.tokenId, { flag: false })
    expect(await t.waiting()).toEqual(['C'])
  })
})

describe('parallel gateway', () => {
  const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/>${task('A', 'u2')}${task('B', 'u3')}<bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
    ${flows('s->split', 'split->A', 'split->B', 'A->join', 'B->join', 'join->e')}`)

  it('waits for every branch before completing', async () => {
    const t = await run(xml)
    expect(await t.waiting()).toEqual(['A', 'B'])
    const [a, b] = await t.openTasks(t.id)
    await t.engine.complete(a!.id, { by: 'u2' })
    expect((await t.engine.getInstance(t.id))!.tokens.map((k) => k.element).sort()).toEqual(['B', 'join'])
    await t.engine.complete(b!.id, { by: 'u3' })
    expect((await t.engine.getInstance(t.id))!.status).toBe('completed')
  })
})

describe('inclusive gateway', () => {
  const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="split" default="fd"/>${task('A', 'u2')}${task('B', 'u3')}${task('C', 'u2')}<bpmn:inclusiveGateway id="join"/>${task('After', 'dir')}<bpmn:endEvent id="e"/>
    ${flows('s->split', 'split-(=money > 1000)->A', 'split-(=foreign = true)->B', 'split->C#fd', 'A->join', 'B->join', 'C->join', 'join->After', 'After->e')}`)

  it('activates every matching branch and joins only those', async () => {
    const t = await run(xml, { money: 5000, foreign: true })
    expect(await t.waiting()).toEqual(['A', 'B'])
    const [a, b] = await t.openTasks(t.id)
    await t.engine.complete(a!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['B'])
    await t.engine.complete(b!.id, { by: 'u3' })
    expect(await t.waiting()).toEqual(['After'])
  })

  it('takes the default when nothing matches and passes the join with one token', async () => {
    const t = await run(xml, { money: 10, foreign: false })
    expect(await t.waiting()).toEqual(['C'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After'])
  })
})
