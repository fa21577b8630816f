import { describe, expect, it } from 'vitest'
import { openTasks, tracePath, type TraceLine } from './trace-path'

const flows = [
  { id: 'f1', source: 'Start', target: 'Review' },
  { id: 'f2', source: 'Review', target: 'Gw' },
  { id: 'long', source: 'Gw', target: 'Director' },
  { id: 'short', source: 'Gw', target: 'End' },
]
const at = '2026-11-24T10:00:00+08:00'
const waitingAtDirector: TraceLine[] = [
  { type: 'process.started', at },
  { type: 'activity.entered', at, element: 'Start' },
  { type: 'activity.completed', at, element: 'Start' },
  { type: 'activity.entered', at, element: 'Review' },
  { type: 'task.created', at, element: 'Review', assignees: ['u2'], due: '2026-11-25T18:00:00+08:00' },
  { type: 'task.completed', at, element: 'Review', by: 'u2', outcome: 'agree' },
  { type: 'activity.completed', at, element: 'Review' },
  { type: 'activity.entered', at, element: 'Gw' },
  { type: 'activity.completed', at, element: 'Gw' },
  { type: 'activity.entered', at, element: 'Director' },
  { type: 'task.created', at, element: 'Director', assignees: ['dir'] },
  { type: 'simulation.finished', at, ok: true },
]

describe('the path of a test run on the diagram', () => {
  it('marks passed elements, the waiting task and only the flows taken', () => {
    const path = tracePath(waitingAtDirector, flows)
    expect(path.done).toEqual(['Start', 'Review', 'Gw'])
    expect(path.waiting).toEqual(['Director'])
    expect(path.flows).toEqual(['f1', 'f2', 'long'])
    expect(path.status).toBe('running')
    expect(openTasks(path)).toEqual(['Director'])
  })

  it('lists each task with its assignee, due date and decision', () => {
    const [review, director] = tracePath(waitingAtDirector, flows).tasks
    expect(review).toMatchObject({ element: 'Review', assignees: ['u2'], due: '2026-11-25T18:00:00+08:00', outcome: 'agree', by: 'u2', open: false })
    expect(director).toMatchObject({ element: 'Director', open: true })
  })

  it('reports a failed step with its message', () => {
    const path = tracePath([...waitingAtDirector.slice(0, -1), { type: 'simulation.finished', at, ok: false, message: 'Step 2: Director is not waiting' }], flows)
    expect(path.status).toBe('failed')
    expect(path.message).toMatch(/Director/)
  })
})
