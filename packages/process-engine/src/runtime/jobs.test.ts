import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

const HOUR = 3_600_000
const deadlineTask = (attrs: string) =>
  bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2,user:u3" hall:approval="all" hall:due="1wd" hall:warn="2h" ${attrs}/><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`)

async function start(xml: string) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
  return { ...t, id, state: async () => (await t.engine.getInstance(id))! }
}

describe('task deadlines', () => {
  it('warns before the due time and flags overdue at it', async () => {
    const t = await start(deadlineTask('hall:onTimeout="remind"'))
    t.clock.set('2026-09-30T16:00:00+08:00')
    expect(await t.engine.runDueJobs({ owner: 'w1' })).toBe(2)
    t.clock.set('2026-09-30T18:00:00+08:00')
    await t.engine.runDueJobs({ owner: 'w1' })
    const events = await t.engine.history(t.id)
    expect(events.filter((e) => e.type === 'task.warned')).toHaveLength(2)
    expect(events.find((e) => e.type === 'task.overdue')).toMatchObject({ element: 'T', due: '2026-09-30T10:00:00.000Z' })
    expect((await t.state()).status).toBe('active')
  })

  it('超时默认同意: onTimeout="approve" completes the open tasks as agreed', async () => {
    const t = await start(deadlineTask('hall:onTimeout="approve"'))
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    t.clock.set('2026-10-01T00:00:00+08:00')
    await t.engine.runDueJobs({ owner: 'w1' })
    expect((await t.state()).status).toBe('completed')
    expect((await t.engine.history(t.id)).find((e) => e.type === 'task.auto-completed')).toMatchObject({ outcome: 'agree', data: { reason: 'timeout' } })
  })

  it('onTimeout="escalate:deptHead:2" reassigns the overdue task', async () => {
    const t = await start(deadlineTask('hall:onTimeout="escalate:deptHead:2"').replace('hall:approval="all"', ''))
    t.clock.set('2026-10-01T00:00:00+08:00')
    await t.engine.runDueJobs({ owner: 'w1' })
    expect((await t.openTasks(t.id)).map((k) => k.assignee)).toEqual(['boss'])
  })

  it('completing a task withdraws its deadline jobs', async () => {
    const t = await start(deadlineTask(''))
    for (const [i, task] of (await t.openTasks(t.id)).entries()) await t.engine.complete(task.id, { by: i ? 'u3' : 'u2' })
    expect(await t.engine.jobs(t.id)).toEqual([])
  })
})

describe('job workers', () => {
  it('fires a batch several at a time, each job once', async () => {
    const t = await start(deadlineTask('hall:onTimeout="approve"'))
    t.clock.set('2026-10-01T00:00:00+08:00')
    expect(await t.engine.runDueJobs({ owner: 'w1', concurrency: 4 })).toBe(4)
    expect(await t.engine.jobs(t.id)).toEqual([])
    expect((await t.engine.history(t.id)).filter((e) => e.type === 'task.auto-completed')).toHaveLength(2)
    expect((await t.state()).status).toBe('completed')
  })

  it('a job delivered twice takes effect once', async () => {
    const t = await start(deadlineTask('hall:onTimeout="approve"'))
    t.clock.set('2026-10-01T00:00:00+08:00')
    const [a, b] = await Promise.all([t.engine.runDueJobs({ owner: 'w1' }), t.engine.runDueJobs({ owner: 'w2' })])
    expect(a + b).toBe(4)
    expect((await t.engine.history(t.id)).filter((e) => e.type === 'task.auto-completed')).toHaveLength(2)
  })

  it('a worker paused past its lease cannot complete the job another worker took over', async () => {
    const t = await start(deadlineTask('hall:onTimeout="approve"'))
    t.clock.set('2026-10-01T00:00:00+08:00')
    let release!: () => void
    const paused = new Promise<void>((resolve) => (release = resolve))
    let first = true
    // w1 claims everything, then stalls before firing (GC pause, network partition…).
    const slow = t.engine.runDueJobs({ owner: 'w1', leaseMs: 60_000, beforeFire: async () => { if (first) { first = false; await paused } } })
    await new Promise((r) => setTimeout(r, 10))
    t.clock.advance(2 * 60_000)
    const fast = await t.engine.runDueJobs({ owner: 'w2', leaseMs: 60_000 })
    release()
    const stale = await slow
    expect(fast).toBe(4)
    expect(stale).toBe(0)
    const events = await t.engine.history(t.id)
    expect(events.filter((e) => e.type === 'task.overdue')).toHaveLength(2)
    expect((await t.state()).status).toBe('completed')
  })
  it('drops a job whose instance no longer exists instead of failing forever', async () => {
    const t = await start(deadlineTask(''))
    await t.store.transaction((tx) => tx.insertJob({ id: 'orphan', instanceId: 'gone', definitionId: null, type: 'timer', dueAt: '2026-09-29T02:00:00.000Z', taskId: null, tokenId: null, payload: {}, lockOwner: null, lockExpiresAt: null }))
    expect(await t.engine.runDueJobs({ owner: 'w1' })).toBe(0)
    expect(await t.store.transaction((tx) => tx.findJobs({ instanceId: 'gone' }))).toEqual([])
  })
})

describe('case clock', () => {
  const promised = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2" hall:due="2wd"/><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`, ' hall:promise="5wd"')

  it('suspension (补正) shifts every due date by the working time spent suspended', async () => {
    const t = await start(promised)
    // 5 working days after Tue 09-29: 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    expect((await t.state()).clock.due).toBe('2026-10-12T10:00:00.000Z')
    await t.engine.suspendClock(t.id, { by: 'u2', reason: '补正材料' })
    expect(await t.engine.jobs(t.id)).toEqual([])
    t.clock.set('2026-09-30T11:00:00+08:00')
    await t.engine.resumeClock(t.id, { by: 'u2' })
    const suspended = (await t.engine.history(t.id)).find((e) => e.type === 'clock.resumed')!.data!.suspendedWorkingMs as number
    expect(suspended).toBe((2 + 3.5 + 2.5) * HOUR)
    const [task] = await t.openTasks(t.id)
    // 10-08 18:00 + 8 office hours: all of 10-09 (7h), then 1h on the 调休 Saturday 10-10.
    expect(task!.due).toBe('2026-10-10T01:30:00.000Z')
    expect((await t.engine.jobs(t.id)).map((j) => j.type).sort()).toEqual(['process.due', 'task.due'])
  })

  it('a step that begins during a suspension is shifted only by the time since it began', async () => {
    const t = await start(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="A" hall:assignee="user:u2"/><bpmn:userTask id="B" hall:assignee="user:u2" hall:due="1wd"/><bpmn:endEvent id="e"/>${flows('s->A', 'A->B', 'B->e')}`))
    await t.engine.suspendClock(t.id, { by: 'u2', reason: '容缺' })
    t.clock.set('2026-09-29T15:00:00+08:00')
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'u2' })
    expect(await t.engine.jobs(t.id)).toEqual([])
    t.clock.set('2026-09-29T16:00:00+08:00')
    await t.engine.resumeClock(t.id, { by: 'u2' })
    // B was due 09-30 18:00; it stood still one office hour (15:00–16:00), not the whole suspension.
    expect((await t.openTasks(t.id))[0]!.due).toBe('2026-10-08T01:30:00.000Z')
  })

  it('extension (延期) adds working days with a reason, up to the limit', async () => {
    const t = await start(promised)
    await t.engine.extend(t.id, { by: 'dir', workingDays: 3, reason: '需现场勘验' })
    expect((await t.state()).clock).toMatchObject({ due: '2026-10-15T10:00:00.000Z', extendedDays: 3 })
    await expect(t.engine.extend(t.id, { by: 'dir', workingDays: 8, reason: 'more' })).rejects.toMatchObject({ code: 'EXTENSION_LIMIT' })
  })

  it('flags the whole case overdue at its promised time', async () => {
    const t = await start(promised)
    t.clock.set('2026-10-14T00:00:00+08:00')
    await t.engine.runDueJobs({ owner: 'w1' })
    expect(await t.types(t.id)).toContain('process.overdue')
  })
})
