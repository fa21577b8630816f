import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'
import type { HistoryEvent } from '../store/types'

const HOUR = 3_600_000
const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`
/** Given a process started by a timer (定时发起), whose first step is a user task: */
const timed = (kind: string, value: string, task = 'Report') =>
  bpmn(`<bpmn:startEvent id="Tick">${timer(kind, value)}</bpmn:startEvent><bpmn:userTask id="${task}" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows(`Tick->${task}`, `${task}->e`)}`)

function timedSetup() {
  const started: HistoryEvent[] = []
  const t = setup({ onEvents: (events) => started.push(...events.filter((e) => e.type === 'process.started')) })
  const fire = (owner = 'w') => t.engine.runDueJobs({ owner })
  return { ...t, started, fire }
}

describe('process-level timer start events', () => {
  it('a timeDate start creates one instance at that time, started by system', async () => {
    const t = timedSetup()
    const def = await t.engine.deploy(timed('timeDate', '2026-10-01T08:00:00+08:00'))
    expect((await t.engine.definitionJobs(def.id)).map((j) => [j.dueAt, j.instanceId])).toEqual([['2026-10-01T00:00:00.000Z', null]])
    t.clock.set('2026-10-01T07:59:00+08:00')
    expect(await t.fire()).toBe(0)
    t.clock.set('2026-10-01T08:00:00+08:00')
    expect(await t.fire()).toBe(1)
    expect(t.started).toEqual([expect.objectContaining({ element: 'Tick', actor: 'system', at: '2026-10-01T00:00:00.000Z', data: { reason: 'timer' } })])
    const id = t.started[0]!.instanceId
    expect(await t.engine.getInstance(id)).toMatchObject({ initiator: 'system', definitionId: def.id, status: 'active' })
    expect((await t.openTasks(id)).map((k) => k.element)).toEqual(['Report'])
    expect(await t.engine.definitionJobs(def.id)).toEqual([])
  })

  it('a timeDuration start fires that long after deploy, once', async () => {
    const t = timedSetup()
    const def = await t.engine.deploy(timed('timeDuration', 'PT2H'))
    t.clock.advance(2 * HOUR)
    expect(await t.fire()).toBe(1)
    t.clock.advance(24 * HOUR)
    expect(await t.fire()).toBe(0)
    expect(t.started).toHaveLength(1)
    expect(await t.engine.definitionJobs(def.id)).toEqual([])
  })

  it('a timeCycle R3/PT1H starts three instances an hour apart, counting down the repetitions', async () => {
    const t = timedSetup()
    const def = await t.engine.deploy(timed('timeCycle', 'R3/PT1H'))
    const pending = async () => (await t.engine.definitionJobs(def.id)).map((j) => [j.dueAt, j.payload.remaining])
    expect(await pending()).toEqual([['2026-09-29T03:00:00.000Z', 2]])
    for (let hour = 0; hour < 5; hour++) {
      t.clock.advance(HOUR)
      await t.fire()
      if (hour === 0) expect(await pending()).toEqual([['2026-09-29T04:00:00.000Z', 1]])
    }
    expect(t.started.map((e) => e.at)).toEqual(['2026-09-29T03:00:00.000Z', '2026-09-29T04:00:00.000Z', '2026-09-29T05:00:00.000Z'])
    expect(new Set(t.started.map((e) => e.instanceId)).size).toBe(3)
    expect(await pending()).toEqual([])
  })

  it('a cycle with a first occurrence and working days (R/2026-09-30T09:00:00+08:00/1wd) repeats without end, skipping the holiday', async () => {
    const t = timedSetup()
    const def = await t.engine.deploy(timed('timeCycle', 'R/2026-09-30T09:00:00+08:00/1wd'))
    t.clock.set('2026-09-30T09:00:00+08:00')
    await t.fire()
    // The working day after 09-30 is 10-08, after the National Day holiday; due at 18:00 office close.
    const [next] = await t.engine.definitionJobs(def.id)
    expect(next).toMatchObject({ dueAt: '2026-10-08T10:00:00.000Z', payload: { occurrence: 2 } })
    expect(next!.payload).not.toHaveProperty('remaining')
    expect(t.started).toHaveLength(1)
  })

  it('deploying a newer version replaces the older version’s timer starts; the same XML again changes nothing', async () => {
    const t = timedSetup()
    const v1 = await t.engine.deploy(timed('timeCycle', 'R/P1D'))
    expect(await t.engine.deploy(timed('timeCycle', 'R/P1D'))).toEqual(v1)
    expect(await t.engine.definitionJobs(v1.id)).toHaveLength(1)
    const v2 = await t.engine.deploy(timed('timeCycle', 'R/PT12H', 'Summary'))
    expect(await t.engine.definitionJobs(v1.id)).toEqual([])
    expect((await t.engine.definitionJobs(v2.id)).map((j) => j.dueAt)).toEqual(['2026-09-29T14:00:00.000Z'])
    t.clock.advance(24 * HOUR)
    await t.fire()
    expect(t.started.map((e) => e.element)).toEqual(['Tick'])
    expect((await t.openTasks(t.started[0]!.instanceId)).map((k) => k.element)).toEqual(['Summary'])
    // A version without timer starts withdraws them too.
    const v3 = await t.engine.deploy(bpmn(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flows('s->e')}`))
    expect(await t.engine.definitionJobs(v2.id)).toEqual([])
    expect(await t.engine.definitionJobs(v3.id)).toEqual([])
  })

  it('a left-over timer-start job of a superseded version starts nothing and is dropped', async () => {
    const t = timedSetup()
    const v1 = await t.engine.deploy(timed('timeCycle', 'R/PT1H'))
    const [job] = await t.engine.definitionJobs(v1.id)
    await t.engine.deploy(timed('timeCycle', 'R/PT2H'))
    // As if v1's previous firing had committed its next occurrence after the new deploy withdrew v1's jobs.
    await t.store.transaction((tx) => tx.insertJob({ ...job!, id: `${job!.id}.late` }))
    t.clock.advance(HOUR)
    expect(await t.fire()).toBe(1)
    expect(t.started).toEqual([])
    expect(await t.engine.definitionJobs(v1.id)).toEqual([])
  })

  it('a timer start delivered twice starts one instance; a worker paused past its lease is fenced out', async () => {
    const t = timedSetup()
    await t.engine.deploy(timed('timeDate', '2026-09-29T11:00:00+08:00'))
    t.clock.set('2026-09-29T11:00:00+08:00')
    const [a, b] = await Promise.all([t.fire('w1'), t.fire('w2')])
    expect(a + b).toBe(1)

    await t.engine.deploy(timed('timeDate', '2026-09-29T12:00:00+08:00'))
    t.clock.set('2026-09-29T12:00:00+08:00')
    let release!: () => void
    const paused = new Promise<void>((resolve) => (release = resolve))
    const slow = t.engine.runDueJobs({ owner: 'w1', leaseMs: 60_000, beforeFire: () => paused })
    await new Promise((r) => setTimeout(r, 10))
    t.clock.advance(2 * 60_000)
    expect(await t.fire('w2')).toBe(1)
    release()
    expect(await slow).toBe(0)
    expect(t.started).toHaveLength(2)
  })

  it('one claim holding a timer start and an instance\'s timer fires both', async () => {
    const t = timedSetup()
    const waiting = await t.engine.deploy(bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="Wait">${timer('timeDuration', 'PT1H')}</bpmn:intermediateCatchEvent><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows('s->Wait', 'Wait->Check', 'Check->e')}`), { key: 'Q' })
    const byHand = await t.engine.start({ definitionId: waiting.id, initiator: 'u1' })
    await t.engine.deploy(timed('timeDuration', 'PT1H'))
    t.clock.advance(HOUR)
    expect(await t.fire()).toBe(2)
    expect((await t.openTasks(byHand)).map((k) => k.element)).toEqual(['Check'])
    const byTimer = t.started.find((e) => e.actor === 'system')!.instanceId
    expect((await t.openTasks(byTimer)).map((k) => k.element)).toEqual(['Report'])
    expect(await t.fire()).toBe(0)
  })

  it('a process may have a none start beside its timer start', async () => {
    const t = timedSetup()
    const xml = bpmn(`<bpmn:startEvent id="Tick">${timer('timeDuration', 'P1D')}</bpmn:startEvent><bpmn:startEvent id="ByHand"/><bpmn:userTask id="Report" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows('Tick->Report', 'ByHand->Report', 'Report->e')}`)
    const def = await t.engine.deploy(xml)
    const id = await t.engine.start({ definitionId: def.id, initiator: 'u1' })
    expect(t.started).toEqual([expect.objectContaining({ instanceId: id, element: 'ByHand', actor: 'u1' })])
    expect(await t.engine.definitionJobs(def.id)).toHaveLength(1)
  })

  it('rejects a timer start whose cycle or date cannot be read, naming the start event', async () => {
    const t = setup()
    await expect(t.engine.deploy(timed('timeCycle', 'R3/tomorrow/P1D'))).rejects.toMatchObject({ problems: [{ element: 'Tick', message: expect.stringMatching(/Expected timeCycle like R3\/PT1H/) }] })
    await expect(t.engine.deploy(timed('timeDate', '2026-10-01T08:00:00'))).rejects.toMatchObject({ problems: [{ element: 'Tick', message: expect.stringMatching(/with offset/) }] })
    await expect(t.engine.deploy(timed('timeCycle', 'R0/PT1H'))).rejects.toMatchObject({ problems: [{ element: 'Tick' }] })
  })
})
