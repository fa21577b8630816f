import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { setup } from '../../test/helpers'
import { createCalendar } from '../time/calendar'

const leave = readFileSync(new URL('../../examples/leave.bpmn', import.meta.url), 'utf8')

describe('engine: leave approval example', () => {
  it('routes a long leave to the deputy director after review and completes', async () => {
    const { engine, openTasks, types } = setup()
    const def = await engine.deploy(leave)
    const id = await engine.start({ definitionId: def.id, initiator: 'u1', variables: { days: 5 } })
    const [review] = await openTasks(id)
    expect(review).toMatchObject({ element: 'Task_review', assignee: 'u2', due: '2026-09-30T10:00:00.000Z' })
    await engine.complete(review!.id, { by: 'u2', outcome: 'agree' })
    const [director] = await openTasks(id)
    expect(director).toMatchObject({ element: 'Task_director', assignee: 'dir' })
    await engine.complete(director!.id, { by: 'dir' })
    expect((await engine.getInstance(id))!.status).toBe('completed')
    expect(await types(id)).toContain('process.completed')
  })

  it('tells the form renderer the form key and field permissions of a task', async () => {
    const { engine, openTasks } = setup()
    const id = await engine.start({ definitionId: (await engine.deploy(leave)).id, initiator: 'u1', variables: { days: 1 } })
    expect(await engine.taskForm((await openTasks(id))[0]!.id)).toEqual({
      form: 'leave',
      fields: [{ path: 'days', mode: 'readonly' }, { path: 'reviewComment', mode: 'editable' }],
    })
  })
})

describe('engine: units', () => {
  it('uses the unit calendar for due dates and tells the resolver the unit', async () => {
    const seen: (string | undefined)[] = []
    const { engine, openTasks } = setup({
      calendarFor: (unit) => (unit === 'campus' ? createCalendar({ overrides: { '2026-09-30': false } }) : undefined),
      resolver: { resolve: (_spec, context) => (seen.push(context.unit), ['u2']) },
    })
    const def = await engine.deploy(leave)
    const county = await engine.start({ definitionId: def.id, initiator: 'u1', unit: 'county' })
    const campus = await engine.start({ definitionId: def.id, initiator: 'u1', unit: 'campus' })
    expect((await openTasks(county))[0]!.due).toBe('2026-09-30T10:00:00.000Z')
    expect((await openTasks(campus))[0]!.due).toBe('2026-10-08T10:00:00.000Z')
    expect(seen).toEqual(['county', 'campus'])
  })
})
