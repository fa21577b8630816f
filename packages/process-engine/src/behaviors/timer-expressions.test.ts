import { describe, expect, it } from 'vitest'
import { bpmn, flows, setup } from '../../test/helpers'
import { parseDefinition } from '../definition/parse'

const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`
const waitFor = (kind: string, value: string) =>
  bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">${timer(kind, value)}</bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>${flows('s->wait', 'wait->e')}`)

async function start(xml: string, variables: Record<string, unknown>) {
  const t = setup()
  const id = await t.engine.start({ definitionId: (await t.engine.deploy(xml)).id, initiator: 'u1', variables })
  return { ...t, id, state: async () => (await t.engine.getInstance(id))! }
}

// Timers whose time comes from the case: an appointment slot, a promised supplement date.
describe('timer expressions', () => {
  it('waits until the date-time a timeDate expression gives', async () => {
    const t = await start(waitFor('timeDate', '=slot'), { slot: '2026-10-09T15:30:00+08:00' })
    expect((await t.engine.jobs(t.id))[0]!.dueAt).toBe('2026-10-09T07:30:00.000Z')
  })

  it('waits the duration a timeDuration expression gives, working days included', async () => {
    const t = await start(waitFor('timeDuration', '=string(days) + "wd"'), { days: 2 })
    expect((await t.engine.jobs(t.id))[0]!.dueAt).toBe('2026-10-08T10:00:00.000Z')
  })

  it('stops with an incident naming the expression when it gives no time', async () => {
    const t = await start(waitFor('timeDate', '=slot'), { slot: 'next Tuesday' })
    const state = await t.state()
    expect(state.incidents).toEqual([expect.objectContaining({ element: 'wait', message: expect.stringContaining("Expected timer '=slot' to give an ISO date-time with offset, but got \"next Tuesday\"") })])
    expect(await t.engine.jobs(t.id)).toEqual([])
  })

  it('refuses an expression on a start timer and a FEEL syntax error at deploy', async () => {
    const startTimer = bpmn(`<bpmn:startEvent id="s">${timer('timeDate', '=slot')}</bpmn:startEvent><bpmn:endEvent id="e"/>${flows('s->e')}`)
    const broken = waitFor('timeDuration', '=days +')
    expect(await parseDefinition(startTimer)).toMatchObject({ ok: false, problems: [{ element: 's', message: expect.stringContaining('fixed time') }] })
    expect(await parseDefinition(broken)).toMatchObject({ ok: false, problems: [{ element: 'wait' }] })
  })
})
