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
  const childId = async () => (await parent()).tokens.find((k) => k.called)?.called
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

  it('raises an incident when the called process is not deployed', async () => {
    const t = setup()
    const id = await t.engine.start({ definitionId: (await t.engine.deploy(county())).id, initiator: 'u1' })
    expect((await t.engine.getInstance(id))!.incidents[0]!.message).toBe("Expected a deployed process 'City' with a none start event, but there is none")
  })
})
