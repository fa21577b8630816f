/**
 * What a simulation trace means on the diagram: elements passed, elements waiting, the flows
 * taken between them, and each task with its assignees, due date and outcome.
 */
import type { TraceLine } from '@hall/process-engine'
import type { DiagramFlow } from '../problems/diagram-model'

/** A trace line as the server's simulate endpoint returns it. */
export type { TraceLine }

export interface TaskVisit {
  element: string
  assignees: string[]
  due?: string
  createdAt: string
  outcome?: string
  by?: string
  open: boolean
}

export interface TracePath {
  done: string[]
  waiting: string[]
  flows: string[]
  tasks: TaskVisit[]
  status: 'running' | 'completed' | 'terminated' | 'failed'
  message?: string
}

const ENDED = { 'process.completed': 'completed', 'process.terminated': 'terminated' } as const

export function tracePath(trace: readonly TraceLine[], flows: readonly DiagramFlow[]): TracePath {
  const entered = new Set<string>()
  const done = new Set<string>()
  const tasks: TaskVisit[] = []
  let status: TracePath['status'] = 'running'
  let message: string | undefined
  for (const line of trace) {
    if (line.type === 'activity.entered' && line.element) entered.add(line.element)
    if (line.type === 'activity.completed' && line.element) done.add(line.element)
    if (line.type === 'task.created' && line.element) tasks.push({ element: line.element, assignees: line.assignees ?? [], ...(line.due ? { due: line.due } : {}), createdAt: line.at, open: true })
    if ((line.type === 'task.completed' || line.type === 'task.auto-completed' || line.type === 'task.cancelled') && line.element) {
      const task = tasks.find((t) => t.element === line.element && t.open)
      if (task) Object.assign(task, { open: false, ...(line.outcome ? { outcome: line.outcome } : {}), ...(line.by ? { by: line.by } : {}) })
    }
    if (line.type in ENDED) status = ENDED[line.type as keyof typeof ENDED]
    if (line.type === 'simulation.finished' && !line.ok) [status, message] = ['failed', line.message]
    if (line.type === 'incident') message = line.message
  }
  const waiting = [...entered].filter((id) => !done.has(id))
  const passed = new Set([...done, ...entered])
  return {
    done: [...done],
    waiting,
    flows: flows.filter((f) => done.has(f.source) && passed.has(f.target)).map((f) => f.id),
    tasks,
    status,
    ...(message ? { message } : {}),
  }
}

/** User tasks waiting for a decision now. */
export function openTasks(path: TracePath): string[] {
  return [...new Set(path.tasks.filter((t) => t.open).map((t) => t.element))]
}
