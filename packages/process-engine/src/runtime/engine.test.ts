import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { setup } from '../../test/helpers'

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
})
