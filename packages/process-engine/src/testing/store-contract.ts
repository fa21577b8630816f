/**
 * The Store contract as a vitest suite. Run it on every implementation:
 *
 * ```ts
 * import { storeContract } from '@hall/process-engine/testing'
 * storeContract('pglite', async () => createDrizzleStore(await freshDb()))
 * ```
 * `makeStore` must return an empty store each time.
 */
import { describe, expect, it } from 'vitest'
import { ErrorCode, VersionConflict } from '../errors'
import type { InstanceState } from '../runtime/state'
import type { JobRow, Store, TaskRow } from '../store/types'

const at = (minute: number) => new Date(Date.UTC(2026, 8, 29, 2, minute)).toISOString()

function instance(id: string, extra: Partial<InstanceState> = {}): InstanceState {
  return {
    id, definitionId: 'P:1', definitionKey: 'P', status: 'active', initiator: 'u1', startedAt: at(0),
    variables: { days: 5, nested: { list: [1, 'two', null] } }, tokens: [{ id: `${id}.t1`, element: 'Task' }],
    subscriptions: [], completions: [], clock: { extendedDays: 0 }, incidents: [], seq: 1, ...extra,
  }
}

function task(id: string, extra: Partial<TaskRow> = {}): TaskRow {
  return {
    id, instanceId: 'i1', definitionId: 'P:1', element: 'Task', name: '审核', tokenId: 'i1.t1', assignee: 'u2', candidates: [],
    owner: null, status: 'open', signerFor: null, form: null, createdAt: at(0), due: null, warnAt: null,
    completedAt: null, completedBy: null, outcome: null, comment: null, ...extra,
  }
}

function job(id: string, extra: Partial<JobRow> = {}): JobRow {
  return { id, instanceId: 'i1', definitionId: null, type: 'timer', dueAt: at(10), taskId: null, tokenId: null, payload: { element: 'Timer' }, lockOwner: null, lockExpiresAt: null, ...extra }
}

/** Register the contract suite for one Store implementation. */
export function storeContract(name: string, makeStore: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it('stores definitions immutably and finds the latest version per key', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        await tx.insertDefinition({ id: 'P:1', key: 'P', version: 1, xml: '<a/>', deployedAt: at(0) })
        await tx.insertDefinition({ id: 'P:2', key: 'P', version: 2, xml: '<b/>', deployedAt: at(1) })
      })
      await store.transaction(async (tx) => {
        expect((await tx.latestDefinition('P'))?.id).toBe('P:2')
        expect((await tx.getDefinition('P:1'))?.xml).toBe('<a/>')
        expect(await tx.getDefinition('nope')).toBeUndefined()
      })
      await expect(store.transaction((tx) => tx.insertDefinition({ id: 'P:1', key: 'P', version: 1, xml: '<c/>', deployedAt: at(2) }))).rejects.toThrow()
      expect((await store.transaction((tx) => tx.getDefinition('P:1')))?.xml).toBe('<a/>')
    })

    it('saves instance state as a versioned JSON document and rejects stale versions with VersionConflict', async () => {
      const store = await makeStore()
      await store.transaction((tx) => tx.insertInstance('i1', instance('i1')))
      const loaded = await store.transaction((tx) => tx.loadInstance('i1'))
      expect(loaded).toEqual({ state: instance('i1'), version: 1 })
      const v2 = await store.transaction((tx) => tx.saveInstance('i1', instance('i1', { seq: 2 }), 1))
      expect(v2).toBe(2)
      const both = await store.transaction((tx) => tx.loadInstances(['i1', 'nope']))
      expect([...both.keys()]).toEqual(['i1'])
      expect(both.get('i1')).toMatchObject({ version: 2, state: { seq: 2 } })
      const stale = store.transaction((tx) => tx.saveInstance('i1', instance('i1', { seq: 3 }), 1))
      await expect(stale).rejects.toBeInstanceOf(VersionConflict)
      await expect(stale).rejects.toMatchObject({ code: ErrorCode.VERSION_CONFLICT })
      expect((await store.transaction((tx) => tx.loadInstance('i1')))?.state.seq).toBe(2)
    })

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const store = await makeStore()
      await store.transaction((tx) => tx.insertInstance('i1', instance('i1')))
      const { version } = (await store.transaction((tx) => tx.loadInstance('i1')))!
      const save = (seq: number) => store.transaction((tx) => tx.saveInstance('i1', instance('i1', { seq }), version))
      const racing = await Promise.allSettled([save(6), save(7)])
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(racing.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)[0]).toBeInstanceOf(VersionConflict)
    })

    it('rolls back every write of a transaction that throws', async () => {
      const store = await makeStore()
      await store.transaction((tx) => tx.insertInstance('i1', instance('i1')))
      await expect(store.transaction(async (tx) => {
        await tx.saveInstance('i1', instance('i1', { seq: 9 }), 1)
        await tx.insertTask(task('k1'))
        await tx.insertJob(job('j1'))
        await tx.appendHistory([{ instanceId: 'i1', type: 'task.created', at: at(0) }])
        await tx.insertInstance('i2', instance('i2'))
        throw new Error('boom')
      })).rejects.toThrow('boom')
      await store.transaction(async (tx) => {
        expect((await tx.loadInstance('i1'))?.version).toBe(1)
        expect(await tx.loadInstance('i2')).toBeUndefined()
        expect(await tx.getTask('k1')).toBeUndefined()
        expect(await tx.findJobs({ instanceId: 'i1' })).toEqual([])
        expect(await tx.listHistory('i1')).toEqual([])
      })
    })

    it('lets later reads of a transaction see its earlier writes', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        await tx.insertTask(task('k1'))
        await tx.insertJob(job('j1', { taskId: 'k1' }))
        await tx.insertJob(job('j2'))
        await tx.updateTask(task('k1', { status: 'completed' }))
        await tx.deleteJobs({ instanceId: 'i1', taskId: 'k1' })
        await tx.insertInstance('i1', instance('i1'))
        expect((await tx.findTasks({ instanceId: 'i1' })).map((t) => t.status)).toEqual(['completed'])
        expect((await tx.findJobs({ instanceId: 'i1' })).map((j) => j.id)).toEqual(['j2'])
        expect(await tx.saveInstance('i1', instance('i1', { seq: 4 }), 1)).toBe(2)
        expect(await tx.loadInstance('i1')).toEqual({ state: instance('i1', { seq: 4 }), version: 2 })
      })
    })

    it('undoes only the writes of a savepoint that throws; the transaction goes on and commits', async () => {
      const store = await makeStore()
      await store.transaction((tx) => tx.insertInstance('i1', instance('i1')))
      const outcome = await store.transaction(async (tx) => {
        const kept = await tx.savepoint(async () => {
          await tx.insertTask(task('k1'))
          return 'kept'
        })
        // A database error (duplicate key) and an engine error (stale version) each undo their savepoint only.
        await expect(tx.savepoint(async () => {
          await tx.insertJob(job('j1'))
          await tx.insertTask(task('k1'))
          await tx.findTasks({ instanceId: 'i1' })
        })).rejects.toThrow()
        await expect(tx.savepoint(async () => {
          await tx.insertJob(job('j2'))
          await tx.saveInstance('i1', instance('i1', { seq: 5 }), 7)
        })).rejects.toBeInstanceOf(VersionConflict)
        await tx.savepoint(() => tx.appendHistory([{ instanceId: 'i1', type: 'timer.fired', at: at(1) }]))
        return kept
      })
      expect(outcome).toBe('kept')
      await store.transaction(async (tx) => {
        expect((await tx.findTasks({ instanceId: 'i1' })).map((t) => t.id)).toEqual(['k1'])
        expect(await tx.findJobs({ instanceId: 'i1' })).toEqual([])
        expect((await tx.loadInstance('i1'))?.version).toBe(1)
        expect((await tx.listHistory('i1')).map((e) => e.type)).toEqual(['timer.fired'])
      })
    })

    it('finds tasks by instance, status, assignee (or candidate), element and token, oldest first', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        await tx.insertTask(task('k2', { createdAt: at(2), assignee: null, candidates: ['u3', 'u4'] }))
        await tx.insertTask(task('k1', { createdAt: at(1) }))
        await tx.insertTask(task('k3', { instanceId: 'i2', tokenId: 'i2.t1', status: 'completed' }))
        await tx.updateTask(task('k1', { createdAt: at(1), comment: '同意', outcome: 'agree', status: 'completed' }))
      })
      await store.transaction(async (tx) => {
        expect((await tx.findTasks({ instanceId: 'i1' })).map((t) => t.id)).toEqual(['k1', 'k2'])
        expect((await tx.findTasks({ status: 'open' })).map((t) => t.id)).toEqual(['k2'])
        expect((await tx.findTasks({ assignee: 'u4' })).map((t) => t.id)).toEqual(['k2'])
        expect((await tx.findTasks({ tokenId: 'i2.t1' })).map((t) => t.id)).toEqual(['k3'])
        expect(await tx.getTask('k1')).toMatchObject({ comment: '同意', outcome: 'agree', candidates: [] })
        expect((await tx.getTask('k2'))?.candidates).toEqual(['u3', 'u4'])
      })
    })

    it('claims only due, unleased jobs; a lapsed lease can be taken over and fences the old owner', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        await tx.insertJob(job('j1', { dueAt: at(5) }))
        await tx.insertJob(job('j2', { dueAt: at(6) }))
        await tx.insertJob(job('j3', { dueAt: at(30) }))
      })
      const a = await store.transaction((tx) => tx.claimDueJobs({ now: at(10), owner: 'A', leaseUntil: at(15), limit: 1 }))
      expect(a.map((j) => [j.id, j.lockOwner, j.lockExpiresAt])).toEqual([['j1', 'A', at(15)]])
      const b = await store.transaction((tx) => tx.claimDueJobs({ now: at(11), owner: 'B', leaseUntil: at(16), limit: 10 }))
      expect(b.map((j) => j.id)).toEqual(['j2'])
      const c = await store.transaction((tx) => tx.claimDueJobs({ now: at(20), owner: 'C', leaseUntil: at(25), limit: 10 }))
      expect(c.map((j) => j.id)).toEqual(['j1', 'j2'])
      expect(await store.transaction((tx) => tx.deleteJob('j1', 'A'))).toBe(false)
      expect(await store.transaction((tx) => tx.deleteJob('j1', 'C'))).toBe(true)
      expect(await store.transaction((tx) => tx.deleteJob('j1', 'C'))).toBe(false)
      expect((await store.transaction((tx) => tx.findJobs({ instanceId: 'i1' }))).map((j) => j.id)).toEqual(['j2', 'j3'])
      expect((await store.transaction((tx) => tx.ackJobs(['j2', 'j3', 'nope'], 'B'))).sort()).toEqual([])
      expect((await store.transaction((tx) => tx.ackJobs(['j2', 'j3', 'nope'], 'C'))).sort()).toEqual(['j2'])
      expect((await store.transaction((tx) => tx.findJobs({ instanceId: 'i1' }))).map((j) => j.id)).toEqual(['j3'])
    })

    it('never hands the same job to two concurrent claims', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        for (let i = 0; i < 20; i++) await tx.insertJob(job(`j${String(i).padStart(2, '0')}`, { dueAt: at(i % 5) }))
      })
      const claim = (owner: string) => store.transaction((tx) => tx.claimDueJobs({ now: at(10), owner, leaseUntil: at(20), limit: 8 }))
      const batches = await Promise.all([claim('A'), claim('B'), claim('C')])
      const ids = batches.flat().map((j) => j.id)
      expect(ids).toHaveLength(20)
      expect(new Set(ids).size).toBe(20)
    })

    it('deletes the jobs of an instance, a task or a token', async () => {
      const store = await makeStore()
      await store.transaction(async (tx) => {
        await tx.insertJob(job('j1', { taskId: 'k1', tokenId: 't1' }))
        await tx.insertJob(job('j2', { taskId: 'k2', tokenId: 't1' }))
        await tx.insertJob(job('j3', { tokenId: 't2' }))
        await tx.insertJob(job('j4', { instanceId: 'i2' }))
      })
      const left = (instanceId: string) => store.transaction(async (tx) => (await tx.findJobs({ instanceId })).map((j) => j.id))
      await store.transaction((tx) => tx.deleteJobs({ instanceId: 'i1', taskId: 'k1' }))
      expect(await left('i1')).toEqual(['j2', 'j3'])
      await store.transaction((tx) => tx.deleteJobs({ instanceId: 'i1', tokenId: 't1' }))
      expect(await left('i1')).toEqual(['j3'])
      await store.transaction((tx) => tx.deleteJobs({ instanceId: 'i1' }))
      expect(await left('i1')).toEqual([])
      expect(await left('i2')).toEqual(['j4'])
    })

    it('keeps definition-level jobs (no instance) apart: found and deleted by definition, claimed and fenced like any job', async () => {
      const store = await makeStore()
      const timerStart = (id: string, definitionId: string, extra: Partial<JobRow> = {}) => job(id, { instanceId: null, definitionId, payload: { element: 'Daily', occurrence: 1 }, ...extra })
      await store.transaction(async (tx) => {
        await tx.insertJob(timerStart('d2', 'P:1', { dueAt: at(8) }))
        await tx.insertJob(timerStart('d1', 'P:1', { dueAt: at(4) }))
        await tx.insertJob(timerStart('d3', 'Q:1'))
        await tx.insertJob(job('j1', { dueAt: at(6) }))
      })
      await store.transaction(async (tx) => {
        expect(await tx.findJobs({ definitionId: 'P:1' })).toEqual([timerStart('d1', 'P:1', { dueAt: at(4) }), timerStart('d2', 'P:1', { dueAt: at(8) })])
        expect((await tx.findJobs({ instanceId: 'i1' })).map((j) => j.id)).toEqual(['j1'])
      })
      const claimed = await store.transaction((tx) => tx.claimDueJobs({ now: at(7), owner: 'A', leaseUntil: at(9), limit: 10 }))
      expect(claimed.map((j) => [j.id, j.instanceId, j.definitionId])).toEqual([['d1', null, 'P:1'], ['j1', 'i1', null]])
      expect(await store.transaction((tx) => tx.deleteJob('d1', 'B'))).toBe(false)
      expect(await store.transaction((tx) => tx.deleteJob('d1', 'A'))).toBe(true)
      // An instance job that happens to name the definition is not one of the definition's own jobs.
      await store.transaction((tx) => tx.insertJob(job('j2', { definitionId: 'P:1' })))
      await store.transaction((tx) => tx.deleteJobs({ definitionId: 'P:1' }))
      expect((await store.transaction((tx) => tx.findJobs({ definitionId: 'P:1' })))).toEqual([])
      expect((await store.transaction((tx) => tx.findJobs({ definitionId: 'Q:1' }))).map((j) => j.id)).toEqual(['d3'])
      expect((await store.transaction((tx) => tx.findJobs({ instanceId: 'i1' }))).map((j) => j.id)).toEqual(['j1', 'j2'])
    })

    it('appends history in order per instance', async () => {
      const store = await makeStore()
      await store.transaction((tx) => tx.appendHistory([
        { instanceId: 'i1', type: 'process.started', at: at(0), actor: 'u1' },
        { instanceId: 'i2', type: 'process.started', at: at(0) },
        { instanceId: 'i1', type: 'task.created', at: at(0), element: 'Task', due: at(9), data: { assignees: ['u2'] } },
      ]))
      await store.transaction((tx) => tx.appendHistory([{ instanceId: 'i1', type: 'task.completed', at: at(1), outcome: 'agree' }]))
      const events = await store.transaction((tx) => tx.listHistory('i1'))
      expect(events.map((e) => e.type)).toEqual(['process.started', 'task.created', 'task.completed'])
      expect(events[1]).toMatchObject({ element: 'Task', due: at(9), data: { assignees: ['u2'] } })
    })
  })
}
