import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'

interface Entry { taskId: string; caseId: string; step: string; name: string; warn: boolean; overdue: boolean; due: string; applicantName: string; itemName: string; outcome: string | null }
interface Detail {
  task: { id: string; step: string }
  form: { schema: { properties: Record<string, Record<string, unknown>> }; data: Record<string, unknown>; editable: string[] }
  timeline: { type: string; step: string | null; handlerName: string | null; outcome: string | null; comment: string | null }[]
  actions: string[]
  returnTargets: { step: string; name: string }[]
}
interface CaseView { status: string; outcome: string | null; data: Record<string, unknown>; timeline: Detail['timeline']; openSteps: { step: string; assignees: { name: string }[] }[] }
interface ErrorBody { error: { code: string; fields?: Record<string, string> } }

describe.each(testDatabases)('approving cases on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  let dean: UserClient
  let id: (username: string) => string
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    id = await userIds(h.database)
    ;[student, counsellor, dean] = await Promise.all([h.as('stu.2023001'), h.as('cs.counsellor'), h.as('cs.dean')])
  })

  /** The open task of the case in the user's to-do box. */
  const todoOf = async (client: UserClient, caseId: string) => {
    const { items } = await json<{ items: Entry[] }>(await client.get('/api/tasks?box=todo'))
    return items.find((entry) => entry.caseId === caseId)
  }

  it('takes a student leave from application through counsellor and dean to completion and evaluation', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const first = await todoOf(counsellor, caseId)
    expect(first).toMatchObject({ step: 'Task_counsellor', name: '辅导员审批', applicantName: '李明', itemName: '学生请假', warn: false, overdue: false })

    const agreed = await counsellor.post(`/api/tasks/${first!.taskId}/agree`, { comment: '情况属实', data: { counsellorOpinion: '同意请假' } })
    expect(agreed.status).toBe(200)
    expect(await json(agreed)).toEqual({ caseId, caseStatus: 'running' })
    expect(await todoOf(counsellor, caseId)).toBeUndefined()

    const second = await todoOf(dean, caseId)
    expect(second).toMatchObject({ step: 'Task_dean' })
    const done = await dean.post(`/api/tasks/${second!.taskId}/agree`, { data: { deanOpinion: '同意' } })
    expect(await json(done)).toEqual({ caseId, caseStatus: 'completed' })

    const view = await json<CaseView>(await student.get(`/api/cases/${caseId}`))
    expect(view).toMatchObject({ status: 'completed', outcome: 'agree', openSteps: [] })
    expect(view.data).toMatchObject({ counsellorOpinion: '同意请假', deanOpinion: '同意', reason: '回家探亲' })
    expect(view.timeline.filter((e) => e.type === 'task.completed').map((e) => [e.step, e.handlerName, e.outcome, e.comment])).toEqual([
      ['Task_counsellor', '彭雪', 'agree', '情况属实'],
      ['Task_dean', '曹立新', 'agree', null],
    ])
    expect(view.timeline.at(-1)?.type).toBe('process.completed')

    const { items: doneBox } = await json<{ items: Entry[] }>(await counsellor.get('/api/tasks?box=done'))
    expect(doneBox.find((entry) => entry.caseId === caseId)).toMatchObject({ outcome: 'agree' })

    expect((await student.post(`/api/cases/${caseId}/evaluation`, { rating: 'satisfied', comment: '审批很快' })).status).toBe(201)
    const again = await student.post(`/api/cases/${caseId}/evaluation`, { rating: 'unsatisfied' })
    expect(again.status).toBe(409)
    expect((await json<ErrorBody>(again)).error.code).toBe('ALREADY_EVALUATED')
  })

  it("shows the counsellor the form in the step's mode: own opinion editable, the ID number and the dean's opinion hidden", async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    const detail = await json<Detail>(await counsellor.get(`/api/tasks/${task!.taskId}`))
    expect(detail.form.editable).toEqual(['counsellorOpinion'])
    expect(detail.form.data).toEqual({ name: '李明', number: '2023001', days: 2, reason: '回家探亲' })
    expect(detail.form.schema.properties.idNumber?.['x-display']).toBe('none')
    expect(detail.form.schema.properties.reason?.['x-pattern']).toBe('readOnly')
    expect(detail.actions).toEqual(['agree', 'disagree', 'reject', 'transfer', 'delegate', 'addSigner', 'cc'])
    expect(detail.returnTargets).toEqual([])
  })

  it("refuses an edit of a field the step does not own, and changes nothing", async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    const response = await counsellor.post(`/api/tasks/${task!.taskId}/agree`, { data: { counsellorOpinion: '同意', days: 10 } })
    expect(response.status).toBe(400)
    const { error } = await json<ErrorBody>(response)
    expect(error).toMatchObject({ code: 'FORM_INVALID', fields: { days: expect.any(String) } })
    expect(await todoOf(counsellor, caseId)).toMatchObject({ taskId: task!.taskId })
    expect((await json<CaseView>(await student.get(`/api/cases/${caseId}`))).data.days).toBe(2)
  })

  it('lets the dean return the case to the counsellor, keeping both rounds in the history', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    await counsellor.post(`/api/tasks/${(await todoOf(counsellor, caseId))!.taskId}/agree`, {})
    const deanTask = await todoOf(dean, caseId)
    const detail = await json<Detail>(await dean.get(`/api/tasks/${deanTask!.taskId}`))
    expect(detail.actions).toContain('return')
    expect(detail.returnTargets).toEqual([{ step: 'Task_counsellor', name: '辅导员审批' }])

    expect((await dean.post(`/api/tasks/${deanTask!.taskId}/return`, { target: 'Task_dean', comment: '自己' })).status).toBe(400)
    const returned = await dean.post(`/api/tasks/${deanTask!.taskId}/return`, { target: 'Task_counsellor', comment: '请核实请假天数' })
    expect(returned.status).toBe(200)
    const again = await todoOf(counsellor, caseId)
    expect(again).toMatchObject({ step: 'Task_counsellor' })
    await counsellor.post(`/api/tasks/${again!.taskId}/agree`, { comment: '已核实' })
    await dean.post(`/api/tasks/${(await todoOf(dean, caseId))!.taskId}/agree`, {})

    const view = await json<CaseView>(await student.get(`/api/cases/${caseId}`))
    expect(view.status).toBe('completed')
    expect(view.timeline.filter((e) => e.type.startsWith('task.')).map((e) => `${e.step}:${e.outcome ?? ''}:${e.comment ?? ''}`)).toEqual([
      'Task_counsellor:agree:',
      'Task_dean:returned:请核实请假天数',
      'Task_counsellor:agree:已核实',
      'Task_dean:agree:',
    ])
  })

  it('ends the case as not approved when the counsellor disagrees, and asks for the reason', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    const bare = await counsellor.post(`/api/tasks/${task!.taskId}/disagree`, {})
    expect(bare.status).toBe(400)
    expect((await json<ErrorBody>(bare)).error.fields).toHaveProperty('comment')
    expect(await json(await counsellor.post(`/api/tasks/${task!.taskId}/disagree`, { comment: '理由不充分' }))).toEqual({ caseId, caseStatus: 'completed' })
    expect(await json<CaseView>(await student.get(`/api/cases/${caseId}`))).toMatchObject({ status: 'completed', outcome: 'disagree' })
  })

  it('rejects a case outright (驳回) and the applicant sees it rejected', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect(await json(await counsellor.post(`/api/tasks/${task!.taskId}/reject`, { comment: '材料虚假' }))).toEqual({ caseId, caseStatus: 'rejected' })
    expect((await student.post(`/api/cases/${caseId}/withdraw`, {})).status).toBe(409)
  })

  it('hands a delegated task back to the counsellor, who alone may then decide', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect((await counsellor.post(`/api/tasks/${task!.taskId}/delegate`, { to: id('cs.t1') })).status).toBe(200)
    const notMine = await counsellor.post(`/api/tasks/${task!.taskId}/agree`, {})
    expect(notMine.status).toBe(403)
    expect((await json<ErrorBody>(notMine)).error.code).toBe('TASK_NOT_ASSIGNED')
    const teacher = await h.as('cs.t1')
    const delegated = await json<Detail>(await teacher.get(`/api/tasks/${task!.taskId}`))
    expect(delegated.actions).toEqual(['agree', 'disagree'])
    await teacher.post(`/api/tasks/${task!.taskId}/agree`, { comment: '建议同意' })
    expect(await todoOf(counsellor, caseId)).toMatchObject({ taskId: task!.taskId })
    expect(await json(await counsellor.post(`/api/tasks/${task!.taskId}/agree`, {}))).toEqual({ caseId, caseStatus: 'running' })
  })

  it('transfers a task to a colleague of the unit only', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    const outsider = await counsellor.post(`/api/tasks/${task!.taskId}/transfer`, { to: id('county.market.1') })
    expect(outsider.status).toBe(400)
    expect((await json<ErrorBody>(outsider)).error.fields).toHaveProperty('to')
    expect((await counsellor.post(`/api/tasks/${task!.taskId}/transfer`, { to: id('cs.t2') })).status).toBe(200)
    expect(await todoOf(counsellor, caseId)).toBeUndefined()
    expect(await todoOf(await h.as('cs.t2'), caseId)).toMatchObject({ taskId: task!.taskId })
  })

  it('copies a case to a colleague, who finds it in the CC box', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect((await counsellor.post(`/api/tasks/${task!.taskId}/cc`, { users: [id('univ.xgc')], comment: '请知悉' })).status).toBe(200)
    const { items } = await json<{ items: { caseId: string; comment: string; ccBy: string }[] }>(await (await h.as('univ.xgc')).get('/api/tasks?box=cc'))
    expect(items).toEqual([expect.objectContaining({ caseId, comment: '请知悉', ccBy: id('cs.counsellor') })])
    expect((await (await h.as('univ.xgc')).get(`/api/cases/${caseId}`)).status).toBe(200)
  })

  it('lets the applicant urge the open step, recorded in the timeline', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const view = await json<CaseView & { openSteps: { taskId: string }[] }>(await student.get(`/api/cases/${caseId}`))
    expect((await student.post(`/api/tasks/${view.openSteps[0]!.taskId}/urge`, {})).status).toBe(200)
    const after = await json<CaseView>(await student.get(`/api/cases/${caseId}`))
    expect(after.timeline.map((e) => e.type)).toContain('task.urged')
  })

  it('agrees several tasks at once and reports each one, a refused one not undoing the rest', async () => {
    const receipts = [await applyFor(student, leave.itemId, leaveData), await applyFor(student, leave.itemId, leaveData)]
    const tasks = await Promise.all(receipts.map((r) => todoOf(counsellor, r.caseId)))
    const deansTask = (await todoOf(dean, (await json<{ items: { caseId: string }[] }>(await dean.get('/api/tasks?box=todo'))).items[0]!.caseId))!
    const response = await counsellor.post('/api/tasks/batch-agree', { taskIds: [tasks[0]!.taskId, deansTask.taskId, tasks[1]!.taskId], comment: '同意' })
    expect(response.status).toBe(200)
    const { results } = await json<{ results: { taskId: string; ok: boolean; code?: string }[] }>(response)
    expect(results.map((r) => [r.taskId, r.ok, r.code ?? null])).toEqual([
      [tasks[0]!.taskId, true, null],
      [deansTask.taskId, false, 'NOT_FOUND'],
      [tasks[1]!.taskId, true, null],
    ])
    for (const receipt of receipts) expect(await todoOf(dean, receipt.caseId)).toBeDefined()
  })

  it('lets one candidate claim an unassigned task, after which the others no longer have it', async () => {
    const certificate = await publishItem(h.database, {
      ...leaveItem,
      code: 'enrolment-certificate',
      name: '在读证明',
      bpmn: leaveItem.bpmn.replace('Student_leave', 'Enrolment_certificate').replace('hall:assignee="post:P-CS-COUNSEL"', 'hall:assignee="role:windowStaff"'),
    })
    const { caseId } = await applyFor(student, certificate.itemId, leaveData)
    const [first, second] = await Promise.all([h.as('univ.hall.1'), h.as('univ.hall.2')])
    const offered = await todoOf(first, caseId)
    expect(offered).toMatchObject({ claimable: true })
    expect(await todoOf(second, caseId)).toMatchObject({ taskId: offered!.taskId, claimable: true })
    expect((await json<Detail>(await first.get(`/api/tasks/${offered!.taskId}`))).actions[0]).toBe('claim')

    expect((await first.post(`/api/tasks/${offered!.taskId}/claim`, {})).status).toBe(200)
    expect(await todoOf(first, caseId)).toMatchObject({ claimable: false })
    expect(await todoOf(second, caseId)).toBeUndefined()
    expect((await second.post(`/api/tasks/${offered!.taskId}/claim`, {})).status).toBe(404)
  })

  it('holds a task while the signers added before it answer, then lets its holder decide', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect((await counsellor.post(`/api/tasks/${task!.taskId}/add-signer`, { users: [id('cs.t1')], position: 'before' })).status).toBe(200)
    expect(await todoOf(counsellor, caseId)).toMatchObject({ status: 'waiting' })
    expect((await json<Detail>(await counsellor.get(`/api/tasks/${task!.taskId}`))).actions).toEqual([])
    expect((await counsellor.post(`/api/tasks/${task!.taskId}/agree`, {})).status).toBe(409)

    const teacher = await h.as('cs.t1')
    const signerTask = await todoOf(teacher, caseId)
    expect((await json<Detail>(await teacher.get(`/api/tasks/${signerTask!.taskId}`))).actions).toEqual(['agree', 'disagree'])
    await teacher.post(`/api/tasks/${signerTask!.taskId}/agree`, { comment: '情况属实' })
    expect(await todoOf(counsellor, caseId)).toMatchObject({ taskId: task!.taskId, status: 'open' })
    await counsellor.post(`/api/tasks/${task!.taskId}/agree`, {})
    expect(await todoOf(dean, caseId)).toMatchObject({ step: 'Task_dean' })
  })

  it('marks a task yellow once its warning time has passed and red once it is overdue', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect(task).toMatchObject({ warn: false, overdue: false, due: '2026-11-24T10:00:00.000Z' })
    // Due at 18:00 on the next working day, warned 4 office hours before: Tuesday 17:00 is in between.
    h.clock.advance(32 * 3600_000)
    const later = await h.as('cs.counsellor') // the morning's session has expired by now
    expect(await todoOf(later, caseId)).toMatchObject({ warn: true, overdue: false })
    h.clock.advance(2 * 3600_000)
    expect(await todoOf(later, caseId)).toMatchObject({ warn: false, overdue: true })
    const { items } = await json<{ items: Entry[] }>(await later.get('/api/tasks?box=todo&sort=due'))
    const dues = items.map((entry) => entry.due)
    expect(dues).toEqual([...dues].sort())
  })
})
