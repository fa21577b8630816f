import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'

const HOUR = 3_600_000
/** A multi-instance sub-process `Review` around `inner`, then `After`. */
function review(loop: string, inner: string, extra = '', extraFlows: string[] = []) {
  return bpmn(`<bpmn:startEvent id="s"/>
    <bpmn:subProcess id="Review"><bpmn:multiInstanceLoopCharacteristics ${loop}</bpmn:multiInstanceLoopCharacteristics>${inner}</bpmn:subProcess>
    ${extra}<bpmn:userTask id="After" hall:assignee="user:dir"/><bpmn:endEvent id="e"/>${flows('s->Review', 'Review->After', 'After->e', ...extraFlows)}`)
}
const cardinality = (n: string, attrs = '', body = '') => `${attrs}><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${n}</bpmn:loopCardinality>${body}`
const completion = (condition: string) => `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${condition}</bpmn:completionCondition>`
/** Inside: one opinion task for the person in `reviewer`. */
const opinion = `<bpmn:startEvent id="is"/><bpmn:userTask id="Opinion" hall:assignee="=reviewer"/><bpmn:endEvent id="ie"/>${flows('is->Opinion#i1', 'Opinion->ie#i2')}`
const plainTask = `<bpmn:startEvent id="is"/><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="ie"/>${flows('is->Check#i1', 'Check->ie#i2')}`

async function start(xml: string, variables: Record<string, unknown> = {}) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1', variables })
  const state = async () => (await t.engine.getInstance(id))!
  const open = async (element?: string) => (await t.openTasks(id)).filter((k) => !element || k.element === element)
  const waiting = async () => (await open()).map((k) => `${k.element}:${k.assignee}`).sort()
  return { ...t, id, state, open, waiting }
}

describe('multi-instance sub-process, parallel', () => {
  it('runs one inner instance per item at once, each with its own element variable; outputs are collected in item order', async () => {
    const t = await start(review('hall:collection="=reviewers" hall:elementVariable="reviewer" hall:outputCollection="opinions">', opinion), { reviewers: ['u2', 'u3'] })
    expect(await t.waiting()).toEqual(['Opinion:u2', 'Opinion:u3'])
    const tasks = await t.open('Opinion')
    const [u2, u3] = ['u2', 'u3'].map((user) => tasks.find((k) => k.assignee === user))
    await t.engine.complete(u3!.id, { by: 'u3', variables: { note: '同意，附条件' } })
    // Set inside an inner instance, a variable stays local to it.
    expect((await t.state()).variables).not.toHaveProperty('note')
    expect(await t.waiting()).toEqual(['Opinion:u2'])
    await t.engine.complete(u2!.id, { by: 'u2', outcome: 'disagree', variables: { note: '材料不全' } })
    expect(await t.waiting()).toEqual(['After:dir'])
    const { variables } = await t.state()
    expect(variables).not.toHaveProperty('reviewer')
    expect(variables).not.toHaveProperty('lastOutcome')
    expect(variables.opinions).toEqual([
      { loopCounter: 1, reviewer: 'u2', note: '材料不全', approvals: { Opinion: 'disagree' }, lastOutcome: 'disagree' },
      { loopCounter: 2, reviewer: 'u3', note: '同意，附条件', approvals: { Opinion: 'agree' }, lastOutcome: 'agree' },
    ])
  })

  it('gateways inside read the inner instance’s variables', async () => {
    const inner = `<bpmn:startEvent id="is"/><bpmn:exclusiveGateway id="big" default="small"/><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="ie"/>
      ${flows('is->big#i1', 'big-(=amount > 100)->Check#i2', 'big->ie#small', 'Check->ie#i3')}`
    const t = await start(review('hall:collection="=claims" hall:elementVariable="amount">', inner), { claims: [50, 500, 80, 900] })
    expect((await t.open('Check')).length).toBe(2)
    for (const task of await t.open('Check')) await t.engine.complete(task.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After:dir'])
  })

  it('a completion condition that holds cancels the inner instances still running', async () => {
    const t = await start(review(cardinality('=3', '', completion('=nrOfCompletedInstances >= 1 and nrOfActiveInstances = 2')), plainTask))
    const checks = await t.open('Check')
    expect(checks).toHaveLength(3)
    await t.engine.complete(checks[1]!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After:dir'])
    const cancelled = (await t.engine.findTasks({ instanceId: t.id, element: 'Check' })).filter((k) => k.status === 'cancelled')
    expect(cancelled.map((k) => k.id)).toEqual([checks[0]!.id, checks[2]!.id])
    expect((await t.state()).tokens.map((k) => k.element)).toEqual(['After'])
  })

  it('parallel branches inside each inner instance join within that inner instance only', async () => {
    const inner = `<bpmn:startEvent id="is"/><bpmn:parallelGateway id="split"/><bpmn:userTask id="A" hall:assignee="user:u2"/><bpmn:userTask id="B" hall:assignee="user:u3"/><bpmn:parallelGateway id="join"/><bpmn:endEvent id="ie"/>
      ${flows('is->split#i1', 'split->A#i2', 'split->B#i3', 'A->join#i4', 'B->join#i5', 'join->ie#i6')}`
    const t = await start(review(cardinality('=2'), inner))
    const scopeOf = async (tokenId: string) => (await t.state()).tokens.find((k) => k.id === tokenId)!.scope
    const [a1, a2] = await t.open('A')
    const b = await t.open('B')
    const b1 = (await Promise.all(b.map(async (k) => ((await scopeOf(k.tokenId)) === (await scopeOf(a1!.tokenId)) ? k : undefined)))).find(Boolean)
    // A of one inner instance and B of the other arrive at the join: neither instance is done.
    await t.engine.complete(a2!.id, { by: 'u2' })
    await t.engine.complete(b1!.id, { by: 'u3' })
    expect(await t.waiting()).toEqual(['A:u2', 'B:u3'])
    await t.engine.complete(a1!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['B:u3'])
    await t.engine.complete((await t.open('B'))[0]!.id, { by: 'u3' })
    expect(await t.waiting()).toEqual(['After:dir'])
  })

  it('an empty collection passes straight through with an empty output collection', async () => {
    const t = await start(review('hall:collection="=reviewers" hall:elementVariable="reviewer" hall:outputCollection="opinions">', opinion), { reviewers: [] })
    expect(await t.waiting()).toEqual(['After:dir'])
    expect((await t.state()).variables.opinions).toEqual([])
  })

  it('a collection that is not a list is an incident on the sub-process', async () => {
    const t = await start(review('hall:collection="=reviewers" hall:elementVariable="reviewer">', opinion), { reviewers: 'u2' })
    expect((await t.state()).incidents).toEqual([expect.objectContaining({ element: 'Review', message: expect.stringMatching(/to be a list, but got "u2"/) })])
  })
})

describe('multi-instance sub-process, sequential', () => {
  it('runs the inner instances one after another, loopCounter counting up', async () => {
    const inner = `<bpmn:startEvent id="is"/><bpmn:scriptTask id="Round" scriptFormat="feel" hall:resultVariable="round"><bpmn:script>="第" + string(loopCounter) + "轮"</bpmn:script></bpmn:scriptTask><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="ie"/>
      ${flows('is->Round#i1', 'Round->Check#i2', 'Check->ie#i3')}`
    const t = await start(review(cardinality('=rounds', 'isSequential="true" hall:outputCollection="rounds_done"'), inner), { rounds: 3 })
    for (let round = 1; round <= 3; round++) {
      const checks = await t.open('Check')
      expect(checks).toHaveLength(1)
      await t.engine.complete(checks[0]!.id, { by: 'u2' })
    }
    expect(await t.waiting()).toEqual(['After:dir'])
    expect(((await t.state()).variables.rounds_done as { round: string }[]).map((r) => r.round)).toEqual(['第1轮', '第2轮', '第3轮'])
  })

  it('stops early when its completion condition holds', async () => {
    const t = await start(review(cardinality('=5', 'isSequential="true"', completion('=nrOfCompletedInstances = 2')), plainTask))
    for (let i = 0; i < 2; i++) await t.engine.complete((await t.open('Check'))[0]!.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After:dir'])
    expect(await t.engine.findTasks({ instanceId: t.id, element: 'Check' })).toHaveLength(2)
  })
})

describe('boundary events and errors on a multi-instance sub-process', () => {
  const timerBoundary = `<bpmn:boundaryEvent id="late" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:userTask id="Chase" hall:assignee="user:head1"/>`

  it('an interrupting timer boundary cancels every inner instance', async () => {
    const t = await start(review(cardinality('=3'), plainTask, timerBoundary, ['late->Chase', 'Chase->e']))
    await t.engine.complete((await t.open('Check'))[0]!.id, { by: 'u2' })
    t.clock.advance(4 * HOUR)
    expect(await t.engine.runDueJobs({ owner: 'w' })).toBe(1)
    expect(await t.waiting()).toEqual(['Chase:head1'])
    expect((await t.state()).tokens.map((k) => k.element)).toEqual(['Chase'])
    expect(await t.engine.jobs(t.id)).toEqual([])
  })

  it('the boundary timer is withdrawn once the inner instances are done', async () => {
    const t = await start(review(cardinality('=2'), plainTask, timerBoundary, ['late->Chase', 'Chase->e']))
    for (const task of await t.open('Check')) await t.engine.complete(task.id, { by: 'u2' })
    expect(await t.waiting()).toEqual(['After:dir'])
    expect(await t.engine.jobs(t.id)).toEqual([])
  })

  it('an error thrown in one inner instance is caught by the error boundary on the sub-process', async () => {
    const failing = `<bpmn:startEvent id="is"/><bpmn:exclusiveGateway id="g" default="ok"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="E"/></bpmn:endEvent><bpmn:userTask id="Check" hall:assignee="user:u2"/><bpmn:endEvent id="ie"/>
      ${flows('is->g#i1', 'g-(=item = "bad")->fail#i2', 'g->Check#ok', 'Check->ie#i3')}`
    const xml = review('hall:collection="=items">', failing, '<bpmn:boundaryEvent id="caught" attachedToRef="Review"><bpmn:errorEventDefinition errorRef="E"/></bpmn:boundaryEvent><bpmn:userTask id="Fix" hall:assignee="user:u1"/>', ['caught->Fix', 'Fix->e'])
      .replace('<bpmn:process', '<bpmn:error id="E" errorCode="BAD"/><bpmn:process')
    const t = await start(xml, { items: ['good', 'bad', 'good'] })
    expect(await t.waiting()).toEqual(['Fix:u1'])
    expect((await t.state()).tokens.map((k) => k.element)).toEqual(['Fix'])
  })

  it('refuses 退回 to a step inside it: which inner instance would reopen is not defined', async () => {
    const t = await start(review(cardinality('=1'), plainTask))
    await t.engine.complete((await t.open('Check'))[0]!.id, { by: 'u2' })
    const [after] = await t.open('After')
    await expect(t.engine.returnTo(after!.id, { by: 'dir', target: 'Check' })).rejects.toMatchObject({ code: 'INVALID_RETURN_TARGET', message: expect.stringMatching(/inside multi-instance sub-process Review/) })
    expect(await t.waiting()).toEqual(['After:dir'])
  })
})

describe('deploying multi-instance sub-processes', () => {
  const problems = (xml: string) => setup().engine.deploy(xml).then(() => [], (e: { problems: { element: string; message: string }[] }) => e.problems)

  it('needs exactly one of hall:collection and loopCardinality, with valid FEEL', async () => {
    expect(await problems(review('>', plainTask))).toEqual([expect.objectContaining({ element: 'Review', message: expect.stringMatching(/exactly one of hall:collection or bpmn:loopCardinality/) })])
    expect(await problems(review(cardinality('=2', 'hall:collection="=xs"'), plainTask))).toEqual([expect.objectContaining({ element: 'Review' })])
    expect(await problems(review(cardinality('=2 +'), plainTask))).toEqual([expect.objectContaining({ element: 'Review', message: expect.stringMatching(/FEEL syntax error in loopCardinality/) })])
  })

  it('rejects loopCardinality where it would be ignored (user tasks, call activities)', async () => {
    const onTask = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u2"><bpmn:multiInstanceLoopCharacteristics>${cardinality('=2').slice(1)}</bpmn:multiInstanceLoopCharacteristics></bpmn:userTask><bpmn:endEvent id="e"/>${flows('s->T', 'T->e')}`)
    expect(await problems(onTask)).toEqual([expect.objectContaining({ element: 'T', message: expect.stringMatching(/loopCardinality apply to call activities and sub-processes/) })])
    const onCall = bpmn(`<bpmn:startEvent id="s"/><bpmn:callActivity id="C" calledElement="Q"><bpmn:multiInstanceLoopCharacteristics>${cardinality('=2').slice(1)}</bpmn:multiInstanceLoopCharacteristics></bpmn:callActivity><bpmn:endEvent id="e"/>${flows('s->C', 'C->e')}`)
    expect(await problems(onCall)).toEqual([expect.objectContaining({ element: 'C', message: expect.stringMatching(/loopCardinality applies to sub-processes/) })])
  })
})
