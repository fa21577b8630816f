import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

// Given a county process that escalates to a city review process (上报件):
const city = bpmn(`<bpmn:startEvent id="cs"/><bpmn:userTask id="CityReview" hall:assignee="user:boss"/><bpmn:endEvent id="ce"/>${flows('cs->CityReview', 'CityReview->ce')}`).replace('id="P"', 'id="City"')
const county = (extra = '', tail = 'Call->Result') => bpmn(`<bpmn:startEvent id="s"/><bpmn:callActivity id="Call" calledElement="City"/>${extra}
  <bpmn:userTask id="Result" hall:assignee="user:u2"/><bpmn:endEvent id="e"/>${flows('s->Call', tail, 'Result->e')}`)

async function escalate(xml: string) {
  const t = setup()
  await t.engine.deploy(city)
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1', variables: { project: 'A' } })
  const parent = async () => (await t.engine.getInstance(id))!
  const childId = async () => (await parent()).tokens.find((k) => k.calls)?.calls?.children[0]
  return { ...t, id, parent, childId }
}

describe('call activity', () => {
  it('starts the called process with the variables, and continues with its results when it completes', async () => {
    const t = await escalate(county())
    const child = (await t.childId())!
    expect((await t.engine.getInstance(child))!).toMatchObject({ definitionKey: 'City', variables: { project: 'A' }, parent: { instanceId: t.id } })
    const [review] = await t.openTasks(child)
    await t.engine.complete(review!.id, { by: 'boss', variables: { cityOpinion: '同意' } })
    expect((await t.engine.getInstance(child))!.status).toBe('completed')
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Result'])
    expect((await t.parent()).variables).toMatchObject({ cityOpinion: '同意' })
  })

  it('a rejected child raises an incident on the call activity unless an error boundary catches it', async () => {
    const t = await escalate(county())
    const child = (await t.childId())!
    await t.engine.reject((await t.openTasks(child))[0]!.id, { by: 'boss' })
    expect((await t.parent()).incidents[0]!.message).toBe(`Expected called instance ${child} to complete, but it ended rejected`)

    const caught = await escalate(county(`<bpmn:boundaryEvent id="refused" attachedToRef="Call"><bpmn:errorEventDefinition/></bpmn:boundaryEvent><bpmn:endEvent id="e2"/>`, 'Call->Result').replace('</bpmn:process>', `${flows('refused->e2#x1')}</bpmn:process>`))
    await caught.engine.reject((await caught.openTasks((await caught.childId())!))[0]!.id, { by: 'boss' })
    expect((await caught.parent()).status).toBe('completed')
  })

  it('cancelling the call activity terminates the child', async () => {
    const t = await escalate(county(`<bpmn:boundaryEvent id="late" attachedToRef="Call"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`).replace('</bpmn:process>', `${flows('late->Result#x1')}</bpmn:process>`))
    const child = (await t.childId())!
    t.clock.advance(86_400_000)
    await t.engine.runDueJobs({ owner: 'w' })
    expect((await t.engine.getInstance(child))!).toMatchObject({ status: 'terminated', outcome: 'cancelled by caller' })
    expect(await t.openTasks(child)).toEqual([])
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Result'])
  })

  it('starts the latest version of the called process, or the version pinned by hall:calledVersion', async () => {
    const t = setup()
    await t.engine.deploy(city)
    await t.engine.deploy(city.replace(/CityReview/g, 'CityReview2'))
    const childTask = async (xml: string) => {
      const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1' })
      const child = (await t.engine.getInstance(id))!.tokens.find((k) => k.calls)!.calls!.children[0]!
      return [(await t.engine.getInstance(child))!.definitionId, (await t.openTasks(child))[0]!.element]
    }
    expect(await childTask(county())).toEqual(['City:2', 'CityReview2'])
    expect(await childTask(county().replace('calledElement="City"', 'calledElement="City" hall:calledVersion="1"'))).toEqual(['City:1', 'CityReview'])
    const missing = await t.engine.start({ definitionId: (await t.engine.deploy(county().replace('calledElement="City"', 'calledElement="City" hall:calledVersion="7"'))).id, initiator: 'u1' })
    expect((await t.engine.getInstance(missing))!.incidents[0]!.message).toBe("Expected a deployed process 'City' version 7 with a none start event, but there is none")
    await expect(t.engine.deploy(county().replace('calledElement="City"', 'calledElement="City" hall:calledVersion="latest"'))).rejects.toMatchObject({ problems: [{ element: 'Call', message: expect.stringMatching(/hall:calledVersion to be a version number/) }] })
  })

  it('raises an incident when the called process is not deployed', async () => {
    const t = setup()
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(county())).id, initiator: 'u1' })
    expect((await t.engine.getInstance(id))!.incidents[0]!.message).toBe("Expected a deployed process 'City' with a none start event, but there is none")
  })
})

describe('multi-instance call activity', () => {
  // Given a department opinion process, started once per department (联办件: approve in parallel):
  const opinion = bpmn(`<bpmn:startEvent id="os"/><bpmn:userTask id="Opinion" hall:assignee="field:dept.head"/><bpmn:endEvent id="oe"/>${flows('os->Opinion', 'Opinion->oe')}`).replace('id="P"', 'id="DeptOpinion"')
  const joint = (loop: string, body: string) => bpmn(`<bpmn:startEvent id="s"/><bpmn:callActivity id="Ask" calledElement="DeptOpinion"><bpmn:multiInstanceLoopCharacteristics ${loop}>${body}</bpmn:multiInstanceLoopCharacteristics></bpmn:callActivity>
    <bpmn:userTask id="Decide" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Ask', 'Ask->Decide', 'Decide->e')}`)
  const depts = [{ id: 'plan', head: 'u2' }, { id: 'env', head: 'u3' }, { id: 'fire', head: 'head1' }]

  async function run(loop: string, variables: Record<string, unknown> = { depts }, body = '') {
    const t = setup()
    await t.engine.deploy(opinion)
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(joint(loop, body))).id, initiator: 'u1', variables })
    const children = async () => (await t.engine.getInstance(id))!.tokens.find((k) => k.calls)?.calls?.children ?? []
    const openChildTasks = async () => (await Promise.all((await children()).map((c) => t.openTasks(c)))).flat()
    return { ...t, id, children, openChildTasks }
  }

  it('starts one child per item in parallel and collects their outputs', async () => {
    const t = await run('hall:collection="=depts" hall:elementVariable="dept" hall:outputCollection="opinions"')
    const tasks = await t.openChildTasks()
    expect(tasks.map((k) => k.assignee)).toEqual(['u2', 'u3', 'head1'])
    for (const task of tasks) await t.engine.complete(task.id, { by: task.assignee!, variables: { opinion: `${task.assignee} ok` } })
    const state = (await t.engine.getInstance(t.id))!
    expect((state.variables.opinions as { opinion: string }[]).map((o) => o.opinion)).toEqual(['u2 ok', 'u3 ok', 'head1 ok'])
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Decide'])
  })

  it('sequential: the next child starts when the previous completes', async () => {
    const t = await run('isSequential="true" hall:collection="=depts" hall:elementVariable="dept"')
    for (const who of ['u2', 'u3', 'head1']) {
      const tasks = await t.openChildTasks()
      expect(tasks.map((k) => k.assignee)).toEqual([who])
      await t.engine.complete(tasks[0]!.id, { by: who })
    }
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Decide'])
  })

  it('a completion condition ends the round early and terminates the remaining children', async () => {
    const t = await run('hall:collection="=depts" hall:elementVariable="dept"', { depts }, '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=nrOfCompletedInstances &gt;= 2</bpmn:completionCondition>')
    const tasks = await t.openChildTasks()
    const children = await t.children()
    await t.engine.complete(tasks[0]!.id, { by: 'u2' })
    await t.engine.complete(tasks[1]!.id, { by: 'u3' })
    const statuses = await Promise.all(children.map(async (c) => (await t.engine.getInstance(c))!.status))
    expect((await t.engine.getInstance(t.id))!.incidents).toEqual([])
    expect((await t.openTasks(t.id)).map((k) => k.element)).toEqual(['Decide'])
    expect(statuses.sort()).toEqual(['completed', 'completed', 'terminated'])
  })

  it('passes straight through an empty collection and raises an incident for a non-list', async () => {
    const empty = await run('hall:collection="=depts"', { depts: [] })
    expect((await empty.openTasks(empty.id)).map((k) => k.element)).toEqual(['Decide'])
    const bad = await run('hall:collection="=depts"', { depts: 'plan' })
    expect((await bad.engine.getInstance(bad.id))!.incidents[0]!.message).toBe(`Expected hall:collection '=depts' to be a list, but got "plan"`)
  })
})
