import { beforeAll, describe, expect, it } from 'vitest'
import { createServerEngine } from '../../../engine/server-engine'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness, type UserClient } from '../../../../test/harness'
import { leaveData, leaveItem } from '../../../../test/leave-item'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../../test/published-item'
import { handOverTasks } from './sweep'

interface Entry {
  taskId: string
  caseId: string
}
interface Handover {
  direction: string
  taskId: string
  caseId: string
  from: { id: string; name: string }
  to: { id: string }
  deptName: string
  postName: string
  absence: { kind: string } | null
  itemName: string
}
interface ErrorBody {
  error: { code: string }
}

const HOUR = 60 * 60 * 1000

describe.each(testDatabases)('AB-post handovers on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let id: (username: string) => string
  let student: UserClient
  let admin: UserClient
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    id = await userIds(h.database)
    ;[student, admin] = await Promise.all([h.as('stu.2023001'), h.as('univ.admin')])
  })

  const sweep = () =>
    handOverTasks(
      h.database.db,
      createServerEngine(h.database.db, { now: h.clock.now }),
      h.clock.now(),
    )
  const todo = async (username: string) => {
    const { items } = await json<{ items: Entry[] }>(
      await (await h.as(username)).get('/api/tasks?box=todo'),
    )
    return items.map((entry) => entry.caseId)
  }
  const handovers = async (username: string, query = '') =>
    (await h.as(username)).get(`/api/org/handovers${query}`)

  it('hands the absent counsellor’s open and new tasks to the B holder, shows it to the dean, and hands them back on return', async () => {
    const before = await applyFor(student, leave.itemId, leaveData)
    expect(await todo('cs.counsellor')).toContain(before.caseId)

    const now = h.clock.now().getTime()
    const absence = await admin.post('/api/org/absences', {
      userId: id('cs.counsellor'),
      kind: 'leave',
      reason: '病假',
      startsAt: new Date(now - HOUR).toISOString(),
      endsAt: new Date(now + 24 * HOUR).toISOString(),
    })
    expect(absence.status).toBe(201)
    // The open task moved when the absence was recorded; a case submitted now goes to B (and is recorded by the next round).
    const during = await applyFor(student, leave.itemId, leaveData)
    expect(await sweep()).toBe(1)
    expect(await sweep()).toBe(0)
    const b = await todo('cs.t2')
    expect(b).toEqual(expect.arrayContaining([before.caseId, during.caseId]))
    expect(await todo('cs.counsellor')).not.toContain(before.caseId)

    const seen = await json<{ items: Handover[] }>(await handovers('cs.dean'))
    expect(
      seen.items.map((row) => [row.direction, row.caseId, row.from.id, row.to.id]).sort(),
    ).toEqual(
      [
        ['handover', before.caseId, id('cs.counsellor'), id('cs.t2')],
        ['handover', during.caseId, id('cs.counsellor'), id('cs.t2')],
      ].sort(),
    )
    expect(seen.items[0]).toMatchObject({
      from: { name: '彭雪' },
      deptName: '计算机学院',
      postName: '计算机学院辅导员岗',
      absence: { kind: 'leave' },
      itemName: '学生请假',
    })

    const timeline = (
      await json<{ timeline: { type: string; comment: string | null }[] }>(
        await (await h.as('stu.2023001')).get(`/api/cases/${before.caseId}`),
      )
    ).timeline
    expect(timeline.find((entry) => entry.type === 'task.reassigned')?.comment).toBe(
      'AB岗顶岗：彭雪离岗',
    )

    h.clock.advance(25 * HOUR)
    expect(await sweep()).toBe(2)
    expect(await todo('cs.counsellor')).toEqual(
      expect.arrayContaining([before.caseId, during.caseId]),
    )
    expect(await todo('cs.t2')).not.toContain(before.caseId)
    const after = await json<{ items: Handover[] }>(
      await handovers('univ.admin', '?deptId=' + (await deptId('CS'))),
    )
    expect(
      after.items
        .filter((row) => row.direction === 'handback')
        .map((row) => [row.caseId, row.from.id, row.to.id])
        .sort(),
    ).toEqual(
      [
        [before.caseId, id('cs.t2'), id('cs.counsellor')],
        [during.caseId, id('cs.t2'), id('cs.counsellor')],
      ].sort(),
    )
    expect(await sweep()).toBe(0)
  })

  const deptId = async (code: string) => {
    // A fresh session: the clock may have moved past the first one's lifetime.
    const { items } = await json<{ items: { id: string; code: string }[] }>(
      await (await h.as('univ.admin')).get('/api/org/departments'),
    )
    return items.find((dept) => dept.code === code)!.id
  }

  it('filters by Beijing day', async () => {
    const today = new Date(h.clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 10)
    expect(
      (await json<{ items: Handover[] }>(await handovers('cs.dean', `?from=${today}&to=${today}`)))
        .items.length,
    ).toBeGreaterThan(0)
    expect(
      (
        await json<{ items: Handover[] }>(
          await handovers('cs.dean', '?from=2026-01-01&to=2026-01-31'),
        )
      ).items,
    ).toEqual([])
    expect((await handovers('cs.dean', '?from=yesterday')).status).toBe(400)
  })

  it('answers 403 to people who head nothing and to heads of another department, 404 for another unit', async () => {
    expect((await handovers('stu.2023001')).status).toBe(403)
    expect((await handovers('cs.counsellor')).status).toBe(403)
    expect((await handovers('fl.dean', `?deptId=${await deptId('CS')}`)).status).toBe(403)
    expect((await json<{ items: Handover[] }>(await handovers('fl.dean'))).items).toEqual([])
    const outsider = await handovers('county.admin', `?deptId=${await deptId('CS')}`)
    expect(outsider.status).toBe(404)
    expect((await json<ErrorBody>(outsider)).error.code).toBe('NOT_FOUND')
    expect((await json<{ items: Handover[] }>(await handovers('county.admin'))).items).toEqual([])
  })
})
