import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { engineHistory, engineInstances, engineTasks, itemVersions } from '../../db/schema'
import type { CaseRow } from './access'

/** History events that mean the process passed through an element. */
const PASSED = ['activity.entered', 'activity.completed'] as const

export interface CaseDiagram {
  bpmn: string
  /** Elements the case has passed through and left (steps done, gateways, the end reached). */
  done: string[]
  /** Elements the case stands at now: open steps, waiting events, running sub-processes. */
  current: string[]
}

/**
 * The progress diagram of a case: its version's BPMN, with the element ids to mark done and
 * current. An element returned to is current again, not done; a draft has neither.
 */
export async function caseDiagram(db: Db, row: CaseRow): Promise<CaseDiagram> {
  const [version] = await db.select({ bpmn: itemVersions.bpmn }).from(itemVersions).where(eq(itemVersions.id, row.itemVersionId))
  const bpmn = version?.bpmn ?? ''
  if (!row.instanceId) return { bpmn, done: [], current: [] }
  const [instance] = await db.select({ state: engineInstances.state }).from(engineInstances).where(eq(engineInstances.id, row.instanceId))
  const open = await db
    .select({ element: engineTasks.element })
    .from(engineTasks)
    .where(and(eq(engineTasks.instanceId, row.instanceId), inArray(engineTasks.status, ['open', 'waiting'])))
  const active = instance?.state.status === 'active'
  const current = new Set([...open.map((task) => task.element), ...(active ? (instance?.state.tokens ?? []).map((token) => token.element) : [])])
  const passed = await db
    .selectDistinct({ element: engineHistory.element })
    .from(engineHistory)
    .where(and(eq(engineHistory.instanceId, row.instanceId), inArray(engineHistory.type, [...PASSED])))
  const done = passed.map((event) => event.element).filter((element): element is string => element !== null && !current.has(element))
  return { bpmn, done: done.sort(), current: [...current].sort() }
}
