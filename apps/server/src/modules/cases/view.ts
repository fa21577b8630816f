import { maskSensitive, maskValue } from '@hall/form-schema'
import type { Engine } from '@hall/process-engine'
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, complaints, engineInstances, evaluations, items, itemVersions, users, type CaseStatus } from '../../db/schema'
import type { Actor } from '../../http/context'
import { holdsRole, subtree } from '../org/access'
import type { CaseRow } from './access'
import { isoOrNull } from './deadlines'
import { awaitedByInitiator, awaitingOf, type AwaitedMessage, type AwaitState } from './messages'
import { openStepsOf, timelineOf } from './timeline'

/** What a list shows of a case. */
export function caseSummary(row: CaseRow, itemName: string) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    itemId: row.itemId,
    itemName,
    status: row.status,
    outcome: row.outcome,
    intake: row.intake,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    submittedAt: isoOrNull(row.submittedAt),
    completedAt: isoOrNull(row.completedAt),
    promiseDue: isoOrNull(row.promiseDue),
  }
}

export type CaseSummary = ReturnType<typeof caseSummary>

/** The departments whose cases the actor sees as window staff, or `'unit'` for every one of the unit. */
export async function windowScope(db: Db, actor: Actor): Promise<Set<string> | 'unit'> {
  if (await holdsRole(db, actor, ['unit_admin', 'hall_admin', 'window_staff'], actor.unitId)) return 'unit'
  const depts = new Set<string>()
  for (const grant of actor.roles.filter((g) => g.unitId === actor.unitId && g.role === 'window_staff' && g.deptId)) {
    for (const id of await subtree(db, actor.unitId, grant.deptId!)) depts.add(id)
  }
  return depts
}

export interface CaseListQuery {
  scope: 'mine' | 'window'
  status?: CaseStatus | undefined
  itemId?: string | undefined
  limit: number
  offset: number
}

/**
 * What the instance of each listed case waits for, read in the list's own query: only for the
 * viewer's own running cases (the applicant alone is offered 销假 and the like) and only when the
 * instance has a subscription at all, so the rest of the state never leaves the database.
 */
const awaitStateFor = (actor: Actor) => sql<AwaitState | null>`case
  when ${cases.applicantId} = ${actor.userId} and jsonb_array_length(coalesce(${engineInstances.state}->'subscriptions', '[]'::jsonb)) > 0
  then jsonb_build_object('status', ${engineInstances.state}->'status', 'tokens', ${engineInstances.state}->'tokens', 'subscriptions', ${engineInstances.state}->'subscriptions')
end`.mapWith((value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as AwaitState) : (value as AwaitState | null)))

/**
 * My applications, or (scope `window`) the submitted cases of the windows I staff or the unit I
 * run; each with `awaiting` as the case page has it, from one query for the page (definitions
 * come from the engine's cache).
 */
export async function listCases(db: Db, engine: Engine, actor: Actor, query: CaseListQuery): Promise<CaseListItem[]> {
  const where: SQL[] = []
  if (query.scope === 'mine') where.push(eq(cases.applicantId, actor.userId))
  else {
    const scope = await windowScope(db, actor)
    where.push(eq(cases.unitId, actor.unitId), ne(cases.status, 'draft'))
    if (scope !== 'unit') {
      if (!scope.size) return []
      where.push(inArray(cases.deptId, [...scope]))
    }
  }
  if (query.status) where.push(eq(cases.status, query.status))
  if (query.itemId) where.push(eq(cases.itemId, query.itemId))
  const rows = await db
    .select({ row: cases, itemName: items.name, definitionId: engineInstances.definitionId, waits: awaitStateFor(actor) })
    .from(cases)
    .innerJoin(items, eq(items.id, cases.itemId))
    .leftJoin(engineInstances, eq(engineInstances.id, cases.instanceId))
    .where(and(...where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(query.limit)
    .offset(query.offset)
  return Promise.all(
    rows.map(async ({ row, itemName, definitionId, waits }) => ({
      ...caseSummary(row, itemName),
      awaiting: waits && definitionId ? awaitedByInitiator(waits, await engine.definition(definitionId)) : ([] as AwaitedMessage[]),
    })),
  )
}

export type CaseListItem = CaseSummary & { awaiting: AwaitedMessage[] }

/**
 * A case as its viewer may see it: the form data (sensitive values masked for anyone but the
 * applicant), the timeline, the open steps with their marks, what the process waits for from
 * the applicant (only the applicant is shown it), and the applicant's feedback.
 */
export async function caseDetail(db: Db, engine: Engine, actor: Actor, row: CaseRow, now: Date) {
  const [version] = await db
    .select({ form: itemVersions.form, version: itemVersions.version, itemName: items.name, bpmn: itemVersions.bpmn })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .where(eq(itemVersions.id, row.itemVersionId))
  const mine = row.applicantId === actor.userId
  const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.caseId, row.id))
  const [applicant] = await db.select({ name: users.displayName, phone: users.phone }).from(users).where(eq(users.id, row.applicantId))
  // A complaint may name a handler: it goes to the applicant and supervision, not to the case's approvers.
  const filed = mine ? await db.select().from(complaints).where(eq(complaints.caseId, row.id)).orderBy(desc(complaints.createdAt)) : []
  return {
    ...caseSummary(row, version?.itemName ?? ''),
    version: version?.version ?? null,
    form: version?.form ?? null,
    /** For the progress diagram: timeline and open steps name its element ids. */
    bpmn: version?.bpmn ?? null,
    data: mine || !version ? row.data : maskSensitive(row.data, version.form, false),
    /** Who applied; the phone is masked for everyone but the applicant (handlers call through the window). */
    applicant: { id: row.applicantId, name: applicant?.name ?? '', phone: applicant?.phone ? (mine ? applicant.phone : String(maskValue('phone', applicant.phone))) : null },
    timeline: row.instanceId ? await timelineOf(db, row.instanceId) : [],
    openSteps: row.instanceId ? await openStepsOf(db, row.instanceId, now) : [],
    awaiting: mine && row.instanceId ? await awaitingOf(engine, row.instanceId) : [],
    evaluation: evaluation ? { rating: evaluation.rating, comment: evaluation.comment, createdAt: evaluation.createdAt.toISOString() } : null,
    complaints: filed.map((c) => ({ id: c.id, text: c.text, status: c.status, createdAt: c.createdAt.toISOString() })),
  }
}
