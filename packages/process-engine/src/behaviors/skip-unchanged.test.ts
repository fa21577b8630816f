import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

// Given an application, a review that shows the request but not the internal note, and an approval:
const xml = (review = 'hall:skipIfUnchanged="true"') =>
  bpmn(`<bpmn:startEvent id="s"/>
  <bpmn:userTask id="Apply" hall:assignee="user:u1"/>
  <bpmn:userTask id="Review" hall:assignee="user:u2" ${review}>
    <bpmn:extensionElements>
      <hall:fieldPermission path="*" mode="readonly"/>
      <hall:fieldPermission path="note" mode="hidden"/>
    </bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:userTask id="Approve" hall:assignee="user:dir"/>
  <bpmn:endEvent id="e"/>${flows('s->Apply', 'Apply->Review', 'Review->Approve', 'Approve->e')}`)

/** Apply with `first`, review agrees, the approver returns to Apply, the applicant resubmits `again`. */
async function returnedAndResubmitted(first: Record<string, unknown>, again: Record<string, unknown>, review?: string) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml(review))).id, initiator: 'u1' })
  const open = async () => (await t.openTasks(id))[0]!
  await t.engine.complete((await open()).id, { by: 'u1', variables: first })
  await t.engine.complete((await open()).id, { by: 'u2' })
  await t.engine.returnTo((await open()).id, { by: 'dir', target: 'Apply', comment: '请补充' })
  await t.engine.complete((await open()).id, { by: 'u1', variables: again })
  const waiting = (await t.openTasks(id)).map((k) => k.element)
  return { ...t, id, waiting, history: await t.engine.history(id) }
}

describe('hall:skipIfUnchanged', () => {
  it('agrees again at once for the reviewer whose part did not change, saying why', async () => {
    const t = await returnedAndResubmitted({ days: 3, reason: '病假' }, { reason: '病假', days: 3, note: '补了医院证明' })
    expect(t.waiting).toEqual(['Approve'])
    const auto = t.history.find((e) => e.type === 'task.auto-completed')
    expect(auto).toMatchObject({ element: 'Review', outcome: 'agree', actor: 'u2', data: { reason: 'unchanged', assignees: ['u2'] } })
    expect(await t.engine.getTask(auto!.taskId!)).toMatchObject({ status: 'completed', outcome: 'agree', completedBy: 'u2', comment: 'unchanged' })
  })

  it('asks the reviewer again when a field the step shows changed', async () => {
    const t = await returnedAndResubmitted({ days: 3, reason: '病假' }, { days: 5 })
    expect(t.waiting).toEqual(['Review'])
    expect(t.history.map((e) => e.type)).not.toContain('task.auto-completed')
  })

  it('asks again without the attribute, and when the step itself is returned to', async () => {
    expect((await returnedAndResubmitted({ days: 3 }, {}, '')).waiting).toEqual(['Review'])
    const t = setup()
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml())).id, initiator: 'u1' })
    const open = async () => (await t.openTasks(id))[0]!
    await t.engine.complete((await open()).id, { by: 'u1', variables: { days: 3 } })
    await t.engine.complete((await open()).id, { by: 'u2' })
    await t.engine.returnTo((await open()).id, { by: 'dir', target: 'Review' })
    expect((await t.openTasks(id)).map((k) => k.element)).toEqual(['Review'])
  })

  it('is refused at deploy with a value other than true/false or on a round of several', async () => {
    const { engine } = setup()
    await expect(engine.deploy(xml('hall:skipIfUnchanged="yes"'))).rejects.toMatchObject({ problems: [{ element: 'Review', message: "Expected hall:skipIfUnchanged true or false, but got 'yes'" }] })
    await expect(engine.deploy(xml('hall:skipIfUnchanged="true" hall:approval="all"'))).rejects.toMatchObject({ problems: [{ element: 'Review', message: expect.stringContaining('single-approval') }] })
  })

  it('skips exactly when the shown fields are equal, whatever else changed (property)', async () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'))
    const form = fc.record({ days: value, reason: value, note: value }, { requiredKeys: [] })
    await fc.assert(
      fc.asyncProperty(form, form, async (first, again) => {
        const t = await returnedAndResubmitted(first, again)
        const shown = (data: Record<string, unknown>) => JSON.stringify([data.days, data.reason])
        // The resubmission merges into the first data: what is not sent again stays.
        const skipped = shown(first) === shown({ ...first, ...again })
        expect(t.waiting).toEqual([skipped ? 'Approve' : 'Review'])
      }),
      { numRuns: 40 },
    )
  })
})
