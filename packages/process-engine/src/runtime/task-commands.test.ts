import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

// Given an application (submitted by the initiator), a review and an approval step:
const xml = bpmn(`<bpmn:startEvent id="s"/>
  <bpmn:userTask id="Apply" hall:assignee="user:u1"/>
  <bpmn:userTask id="Review" hall:assignee="user:u2"/>
  <bpmn:userTask id="Approve" hall:assignee="user:dir"/>
  <bpmn:endEvent id="e"/>${flows('s->Apply', 'Apply->Review', 'Review->Approve', 'Approve->e')}`)

async function atReview() {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
  await t.engine.complete((await t.openTasks(id))[0]!.id, { by: 'u1' })
  const review = (await t.openTasks(id))[0]!
  const waiting = async () => (await t.openTasks(id)).map((k) => `${k.element}:${k.assignee}`)
  const state = async () => (await t.engine.getInstance(id))!
  return { ...t, id, review, waiting, state }
}

describe('approval actions', () => {
  it('退回: returns to an earlier completed step; the returning task is closed as returned', async () => {
    const t = await atReview()
    await t.engine.complete(t.review.id, { by: 'u2' })
    const approve = (await t.openTasks(t.id))[0]!
    await t.engine.returnTo(approve.id, { by: 'dir', target: 'Apply', comment: '补充说明' })
    expect(await t.waiting()).toEqual(['Apply:u1'])
    expect(await t.engine.getTask(approve.id)).toMatchObject({ status: 'completed', outcome: 'returned', completedBy: 'dir', comment: '补充说明' })
    expect(await t.types(t.id)).toContain('task.returned')
  })

  it('退回: keeps the case deadline running', async () => {
    const t = setup()
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml.replace('isExecutable="true"', 'isExecutable="true" hall:promise="5wd"'))).id, initiator: 'u1' })
    await t.engine.complete((await t.openTasks(id))[0]!.id, { by: 'u1' })
    await t.engine.returnTo((await t.openTasks(id))[0]!.id, { by: 'u2', target: 'Apply' })
    expect((await t.engine.jobs(id)).map((j) => j.type)).toEqual(['process.due'])
  })

  it('退回: refuses a target that has not been completed', async () => {
    const t = await atReview()
    await expect(t.engine.returnTo(t.review.id, { by: 'u2', target: 'Approve' })).rejects.toMatchObject({ code: 'INVALID_RETURN_TARGET' })
  })

  it('驳回: ends the instance as rejected', async () => {
    const t = await atReview()
    await t.engine.reject(t.review.id, { by: 'u2', comment: '不符合条件' })
    expect(await t.state()).toMatchObject({ status: 'terminated', outcome: 'rejected' })
    expect(await t.waiting()).toEqual([])
  })

  it('转办: hands the task to someone else for good', async () => {
    const t = await atReview()
    await t.engine.transfer(t.review.id, { by: 'u2', to: 'u3' })
    expect(await t.waiting()).toEqual(['Review:u3'])
    await expect(t.engine.complete(t.review.id, { by: 'u2' })).rejects.toMatchObject({ code: 'TASK_NOT_ASSIGNED' })
    await t.engine.complete(t.review.id, { by: 'u3' })
    expect(await t.waiting()).toEqual(['Approve:dir'])
  })

  it('reassign (AB handover): moves the task without the assignee acting, with a reason', async () => {
    const t = await atReview()
    await expect(t.engine.reassign(t.review.id, { by: 'admin', to: 'u3', reason: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await t.engine.reassign(t.review.id, { by: 'admin', to: 'u3', reason: 'A岗请假，B岗顶岗' })
    expect(await t.waiting()).toEqual(['Review:u3'])
    expect((await t.engine.history(t.id)).find((e) => e.type === 'task.reassigned')).toMatchObject({ actor: 'admin', data: { from: ['u2'], to: 'u3' } })
  })

  it('委派: the delegate works on it, then it comes back to the owner who decides', async () => {
    const t = await atReview()
    await t.engine.delegate(t.review.id, { by: 'u2', to: 'u3' })
    expect(await t.waiting()).toEqual(['Review:u3'])
    await t.engine.complete(t.review.id, { by: 'u3', comment: '已核实' })
    expect(await t.waiting()).toEqual(['Review:u2'])
    await t.engine.complete(t.review.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['Approve:dir'])
  })

  it('加签 before: the signer acts first, then the original assignee', async () => {
    const t = await atReview()
    await t.engine.addSigner(t.review.id, { by: 'u2', users: ['head1'], position: 'before' })
    expect(await t.waiting()).toEqual(['Review:head1'])
    await expect(t.engine.complete(t.review.id, { by: 'u2' })).rejects.toMatchObject({ code: 'TASK_NOT_OPEN' })
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'head1' })
    expect(await t.waiting()).toEqual(['Review:u2'])
    await t.engine.complete(t.review.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['Approve:dir'])
  })

  it('加签 after: the signer acts after the original, and their disagreement counts', async () => {
    const t = await atReview()
    await t.engine.addSigner(t.review.id, { by: 'u2', users: ['head1'], position: 'after' })
    await t.engine.complete(t.review.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['Review:head1'])
    await t.engine.complete((await t.openTasks(t.id))[0]!.id, { by: 'head1', outcome: 'disagree' })
    expect((await t.state()).variables.approvals).toEqual({ Apply: 'agree', Review: 'disagree' })
    expect(await t.waiting()).toEqual(['Approve:dir'])
  })

  it('撤回: the initiator pulls the case back while the next step is untouched', async () => {
    const t = await atReview()
    await t.engine.withdraw(t.id, { by: 'u1' })
    expect(await t.waiting()).toEqual(['Apply:u1'])
  })

  it('撤回: refused once the next step has acted, or for anyone but the initiator', async () => {
    const t = await atReview()
    await expect(t.engine.withdraw(t.id, { by: 'u2' })).rejects.toMatchObject({ code: 'WITHDRAW_NOT_ALLOWED' })
    await t.engine.complete(t.review.id, { by: 'u2' })
    await expect(t.engine.withdraw(t.id, { by: 'u1' })).rejects.toMatchObject({ code: 'WITHDRAW_NOT_ALLOWED' })
  })

  it('催办 and 抄送 are recorded in history with who and whom', async () => {
    const t = await atReview()
    await t.engine.urge(t.review.id, { by: 'u1' })
    await t.engine.cc(t.id, { by: 'u1', users: ['boss'] })
    const events = await t.engine.history(t.id)
    expect(events.find((e) => e.type === 'task.urged')).toMatchObject({ actor: 'u1', data: { assignees: ['u2'] } })
    expect(events.find((e) => e.type === 'process.cc')).toMatchObject({ actor: 'u1', data: { users: ['boss'] } })
  })

  it('a failing command changes nothing (one transaction)', async () => {
    const t = await atReview()
    const before = await t.engine.history(t.id)
    await expect(t.engine.complete(t.review.id, { by: 'u2', outcome: 'maybe' as 'agree' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(await t.engine.history(t.id)).toEqual(before)
  })
})
