import { describe, expect, it } from 'vitest'
import { bpmn, flows, org, setup } from '../../test/helpers'
import type { OrgFixture } from '../index'
import { decideRound } from './user-task'

const oneTask = (attrs: string) => bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" ${attrs}/><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`)

async function start(attrs: string, variables: Record<string, unknown> = {}, options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options)
  const def = await t.engine.deploy(oneTask(attrs))
  const id = await t.engine.start({ definitionId: def.id, initiator: 'u1', variables })
  const status = async () => (await t.engine.getInstance(id))!.status
  return { ...t, id, status, tasks: () => t.openTasks(id) }
}

describe('user task assignment', () => {
  it.each([
    ['user:u3', {}, ['u3']],
    ['role:clerk', {}, ['u2', 'u3']],
    ['post:supervision', {}, ['u2']],
    ['deptHead:1', {}, ['head1']],
    ['deptHead:2', {}, ['boss']],
    ['initiatorChosen', { chosenAssignees: { T: ['dir'] } }, ['dir']],
    ['field:applicant.supervisor', { applicant: { supervisor: 'u3' } }, ['u3']],
    ['=if days &gt; 3 then &quot;dir&quot; else &quot;u2&quot;', { days: 5 }, ['dir']],
    ['user:u3,post:supervision', {}, ['u3', 'u2']],
  ])('resolves hall:assignee="%s"', async (spec, variables, users) => {
    const t = await start(`hall:assignee="${spec}"`, variables)
    const [task] = await t.tasks()
    expect(task!.assignee ? [task!.assignee] : task!.candidates).toEqual(users)
  })

  it('gives an AB post task to the first present B holder while A is absent', async () => {
    const absent: OrgFixture = { ...org, absent: [{ user: 'u2', from: '2026-09-28T00:00:00+08:00', to: '2026-10-02T00:00:00+08:00' }] }
    const t = await start('hall:assignee="post:supervision"', {}, { org: absent })
    expect((await t.tasks())[0]!.assignee).toBe('u3')
  })

  it('falls back to the unit admin when nobody resolves, and says so in history', async () => {
    const t = await start('hall:assignee="role:nobody"')
    expect((await t.tasks())[0]!.assignee).toBe('admin')
    expect(await t.types(t.id)).toContain('task.assignment-fallback')
  })

  it('raises an incident when even the fallback resolves to nobody', async () => {
    const t = await start('hall:assignee="role:nobody"', {}, { fallbackAssignee: 'role:ghost' })
    expect((await t.engine.getInstance(t.id))!.incidents[0]!.message).toMatch(/^Expected T to have an assignee, but/)
  })

  it('refuses completion by someone who is not assigned, with the task id and code', async () => {
    const t = await start('hall:assignee="user:u2"')
    const [task] = await t.tasks()
    await expect(t.engine.complete(task!.id, { by: 'u3' })).rejects.toMatchObject({ code: 'TASK_NOT_ASSIGNED', message: expect.stringContaining(task!.id) })
    await expect(t.engine.complete('nope', { by: 'u3' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' })
  })

  it('lets any candidate complete a single task offered to several people', async () => {
    const t = await start('hall:assignee="role:clerk"')
    await t.engine.complete((await t.tasks())[0]!.id, { by: 'u3' })
    expect(await t.status()).toBe('completed')
  })
})

describe('approval rounds', () => {
  it('会签 (all): completes after everyone agrees, recording approvals.T', async () => {
    const t = await start('hall:assignee="user:u2,user:u3" hall:approval="all"')
    const tasks = await t.tasks()
    expect(tasks.map((k) => k.assignee)).toEqual(['u2', 'u3'])
    await t.engine.complete(tasks[0]!.id, { by: 'u2' })
    expect(await t.status()).toBe('active')
    await t.engine.complete(tasks[1]!.id, { by: 'u3' })
    expect(await t.status()).toBe('completed')
    expect((await t.engine.getInstance(t.id))!.variables.approvals).toEqual({ T: 'agree' })
  })

  it('会签 (all): one disagreement decides at once and cancels the rest', async () => {
    const t = await start('hall:assignee="user:u2,user:u3" hall:approval="all"')
    await t.engine.complete((await t.tasks())[0]!.id, { by: 'u2', outcome: 'disagree', comment: '材料不全' })
    expect((await t.engine.getInstance(t.id))!.variables.approvals).toEqual({ T: 'disagree' })
    expect(await t.types(t.id)).toContain('task.cancelled')
  })

  it('或签 (any): the first answer decides', async () => {
    const t = await start('hall:assignee="user:u2,user:u3" hall:approval="any"')
    await t.engine.complete((await t.tasks())[1]!.id, { by: 'u3' })
    expect(await t.status()).toBe('completed')
  })

  it('依次 (sequential): creates the next task only after the previous agrees', async () => {
    const t = await start('hall:assignee="user:u2,user:u3,user:dir" hall:approval="sequential"')
    for (const who of ['u2', 'u3', 'dir']) {
      const tasks = await t.tasks()
      expect(tasks.map((k) => k.assignee)).toEqual([who])
      await t.engine.complete(tasks[0]!.id, { by: who })
    }
    expect(await t.status()).toBe('completed')
  })

  it('standard multiInstanceLoopCharacteristics with a completion condition', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2,user:u3,user:dir">
      <bpmn:multiInstanceLoopCharacteristics><bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=nrOfAgreed &gt;= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`)
    const t = setup()
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
    const tasks = await t.openTasks(id)
    expect(tasks).toHaveLength(3)
    await t.engine.complete(tasks[0]!.id, { by: 'u2' })
    await t.engine.complete(tasks[2]!.id, { by: 'dir' })
    expect((await t.engine.getInstance(id))!.status).toBe('completed')
  })

  it('decides ratio rounds as soon as the ratio is reached or out of reach', () => {
    const round = (agree: number, disagree: number) => ({ mode: 'ratio' as const, ratio: 0.6, users: ['a', 'b', 'c', 'd', 'e'], created: 5, agree, disagree, held: {} })
    expect(decideRound(round(2, 0), 'agree')).toBeUndefined()
    expect(decideRound(round(3, 0), 'agree')).toBe('agree')
    expect(decideRound(round(1, 2), 'disagree')).toBeUndefined()
    expect(decideRound(round(0, 3), 'disagree')).toBe('disagree')
  })
})
