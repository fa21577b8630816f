import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'
import type { HistoryEvent, StoreTx } from '../store/types'

/** One step that approves itself after a working day (超时默认同意), then the process ends. */
const selfApproving = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2" hall:due="1wd" hall:onTimeout="approve"/><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`)

/** A host that records, inside the unit of work, the instances that ended; it fails while `failing` holds an instance id. */
function endedCases() {
  const closed: string[] = []
  const failing = new Set<string>()
  const beforeCommit = async (events: HistoryEvent[], tx: StoreTx) => {
    for (const event of events.filter((e) => e.type === 'process.completed')) {
      if (failing.has(event.instanceId)) throw new Error(`write-back of ${event.instanceId} failed`)
      // The hook sees the unit's own writes: the instance has ended in this transaction.
      expect((await tx.loadInstance(event.instanceId))?.state.status).toBe('completed')
      closed.push(event.instanceId)
    }
  }
  return { closed, failing, beforeCommit }
}

describe('engine option beforeCommit', () => {
  it('runs inside the command, and a failure in it undoes the command', async () => {
    const host = endedCases()
    const { engine, openTasks } = setup({ beforeCommit: host.beforeCommit })
    const id = await engine.start({ definitionId: (await engine.deploy(selfApproving)).id, initiator: 'u1' })
    const [task] = await openTasks(id)
    host.failing.add(id)
    await expect(engine.complete(task!.id, { by: 'u2' })).rejects.toThrow(`write-back of ${id} failed`)
    expect((await engine.getInstance(id))!.status).toBe('active')
    expect(await openTasks(id)).toHaveLength(1)
    host.failing.clear()
    await engine.complete(task!.id, { by: 'u2' })
    expect(host.closed).toEqual([id])
  })

  it('runs inside a job batch: a failing job is undone alone, kept, and fires again after its lease', async () => {
    const host = endedCases()
    const { engine, clock, types } = setup({ beforeCommit: host.beforeCommit })
    const def = await engine.deploy(selfApproving)
    const good = await engine.start({ definitionId: def.id, initiator: 'u1' })
    const bad = await engine.start({ definitionId: def.id, initiator: 'u1' })
    host.failing.add(bad)
    clock.set('2026-10-01T00:00:00+08:00')
    await expect(engine.runDueJobs({ owner: 'w1', leaseMs: 60_000 })).rejects.toThrow(AggregateError)
    // The batch was first tried whole, then job by job: the hook ran for `good` in both passes.
    expect(new Set(host.closed)).toEqual(new Set([good]))
    expect((await engine.getInstance(bad))!.status).toBe('active')
    expect(await types(bad)).not.toContain('task.auto-completed')
    expect((await engine.jobs(bad)).map((job) => job.type)).toContain('task.due')

    host.failing.clear()
    clock.advance(61_000)
    expect(await engine.runDueJobs({ owner: 'w2' })).toBe(1)
    expect(host.closed.at(-1)).toBe(bad)
    expect((await engine.getInstance(bad))!.status).toBe('completed')
  })
})
