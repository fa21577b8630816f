import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import {
  caseNotices,
  cases,
  departments,
  engineInstances,
  engineTasks,
  extensionRequests,
  items,
  users,
} from '../../db/schema'
import type { Actor } from '../../http/context'
import { ApiError, conflict, forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { visibleCase } from '../cases/access'
import { isoOrNull } from '../cases/deadlines'
import { withEngine } from '../cases/engine'
import type { Caller } from '../cases/service'
import { headedWindows, inSupervisionOffice, oversightScope, type OversightScope } from './access'

/**
 * The most working days a case may be extended by in total: DOMAIN.md §4 "at most 10 more days",
 * the same limit the engine enforces (`maxExtensionDays`, default 10). One limit for every unit
 * and item; a request is refused early when it (plus approved and pending ones) would pass it.
 */
export const EXTENSION_LIMIT_DAYS = 10

export type ExtensionRow = typeof extensionRequests.$inferSelect

/** 延期申请: the handler of an open step of a running case asks for more working days. */
export async function requestExtension(
  { deps, actor, meta }: Caller,
  input: { caseId: string; workingDays: number; reason: string },
) {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    const row = await visibleCase(tx, actor, input.caseId)
    if (row.status !== 'running' || !row.instanceId)
      throw conflict('CASE_NOT_RUNNING', '只有办理中的办件可以申请延期')
    const [step] = await tx
      .select({ id: engineTasks.id })
      .from(engineTasks)
      .where(
        and(
          eq(engineTasks.instanceId, row.instanceId),
          eq(engineTasks.status, 'open'),
          eq(engineTasks.assignee, actor.userId),
        ),
      )
      .limit(1)
    if (!step) throw forbidden('只有正在办理该办件环节的工作人员可以申请延期')
    const earlier = await tx
      .select()
      .from(extensionRequests)
      .where(
        and(
          eq(extensionRequests.caseId, row.id),
          inArray(extensionRequests.status, ['pending', 'approved']),
        ),
      )
    if (earlier.some((r) => r.status === 'pending'))
      throw conflict('EXTENSION_PENDING', '该办件已有待审批的延期申请')
    const used = earlier.reduce((sum, r) => sum + r.workingDays, 0)
    if (used + input.workingDays > EXTENSION_LIMIT_DAYS) {
      throw conflict(
        'EXTENSION_LIMIT',
        `延期总计不得超过 ${EXTENSION_LIMIT_DAYS} 个工作日（已延期 ${used} 个）`,
        { workingDays: `最多还可延期 ${EXTENSION_LIMIT_DAYS - used} 个工作日` },
      )
    }
    const [saved] = await tx
      .insert(extensionRequests)
      .values({
        id: newId(),
        unitId: row.unitId,
        caseId: row.id,
        taskId: step.id,
        workingDays: input.workingDays,
        reason: input.reason,
        requestedBy: actor.userId,
        createdAt: deps.now(),
      })
      .returning()
    await audit(
      tx,
      { actor, meta },
      {
        action: 'extension.requested',
        objectType: 'extension_request',
        objectId: saved!.id,
        detail: { caseId: row.id, workingDays: input.workingDays },
      },
    )
    return saved!
  })
}

/** The request if the actor may decide it: another unit's is a 404, one outside their windows (or their own) a 403. */
async function decidable(
  tx: Db,
  actor: Actor,
  id: string,
): Promise<{ request: ExtensionRow; caseRow: typeof cases.$inferSelect }> {
  const [found] = await tx
    .select({ request: extensionRequests, caseRow: cases })
    .from(extensionRequests)
    .innerJoin(cases, eq(cases.id, extensionRequests.caseId))
    .where(eq(extensionRequests.id, id))
  if (!found || found.request.unitId !== actor.unitId) throw notFound('延期申请', id)
  const decider =
    (await inSupervisionOffice(tx, actor)) ||
    (await headedWindows(tx, actor)).has(found.caseRow.deptId)
  if (!decider) throw forbidden('延期由该窗口负责人或监察室审批')
  if (found.request.requestedBy === actor.userId) throw forbidden('不能审批自己的延期申请')
  return found
}

/**
 * Approve or refuse. Approval moves the promise and every open step's due by the engine's
 * `extend` in the same transaction, and gives the applicant a delay-feedback notice (滞办反馈告知)
 * with the reason and who approved it.
 */
export async function decideExtension(
  { deps, actor, meta }: Caller,
  id: string,
  input: { approve: boolean; note?: string | undefined },
) {
  const now = deps.now()
  return withEngine(deps, async (tx, engine) => {
    const { request, caseRow } = await decidable(tx, actor, id)
    if (request.status !== 'pending')
      throw conflict('EXTENSION_DECIDED', '这项延期申请已经审批过了')
    const decision = {
      status: input.approve ? ('approved' as const) : ('refused' as const),
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: input.note ?? null,
    }
    if (input.approve) {
      await engine.extend(caseRow.instanceId!, {
        by: actor.userId,
        workingDays: request.workingDays,
        reason: request.reason,
      })
      const [instance] = await tx
        .select({ state: engineInstances.state })
        .from(engineInstances)
        .where(eq(engineInstances.id, caseRow.instanceId!))
      const promiseDue = instance?.state.clock.due
        ? new Date(instance.state.clock.due)
        : caseRow.promiseDue
      await tx.update(cases).set({ promiseDue, updatedAt: now }).where(eq(cases.id, caseRow.id))
      await delayNotice(tx, caseRow, request, actor, promiseDue, now)
    }
    const [saved] = await tx
      .update(extensionRequests)
      .set(decision)
      .where(eq(extensionRequests.id, id))
      .returning()
    await audit(
      tx,
      { actor, meta },
      {
        action: input.approve ? 'extension.approved' : 'extension.refused',
        objectType: 'extension_request',
        objectId: id,
        detail: { caseId: caseRow.id, workingDays: request.workingDays },
      },
    )
    return saved!
  })
}

async function delayNotice(
  tx: Db,
  caseRow: typeof cases.$inferSelect,
  request: ExtensionRow,
  actor: Actor,
  due: Date | null,
  now: Date,
) {
  const [head] = await tx
    .select({ itemName: items.name, window: departments.name })
    .from(items)
    .innerJoin(departments, eq(departments.id, caseRow.deptId))
    .where(eq(items.id, caseRow.itemId))
  const people = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [caseRow.applicantId, actor.userId, request.requestedBy]))
  const name = (userId: string) => people.find((p) => p.id === userId)?.name ?? ''
  const data = {
    caseNo: caseRow.caseNo,
    itemName: head?.itemName ?? '',
    window: head?.window ?? '',
    applicantName: name(caseRow.applicantId),
    handlerName: name(request.requestedBy),
    approvedBy: name(actor.userId),
    issuedAt: now.toISOString(),
    workingDays: request.workingDays,
    reason: request.reason,
    due: isoOrNull(due),
  }
  await tx
    .insert(caseNotices)
    .values({
      id: newId(),
      caseId: caseRow.id,
      unitId: caseRow.unitId,
      kind: 'delay',
      data,
      createdAt: now,
      createdBy: actor.userId,
    })
}

/**
 * The requests the actor sees: what they asked for, plus (deciders) those of the windows they
 * oversee; newest first.
 */
export async function listExtensions(
  db: Db,
  actor: Actor,
  query: { status?: ExtensionRow['status'] | undefined; limit: number; offset: number },
) {
  // A handler who oversees nothing still sees their own requests.
  const scope: OversightScope | undefined = await oversightScope(db, actor).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 403) return undefined
      throw error
    },
  )
  const overseen: SQL | undefined =
    scope &&
    (scope.windows === 'unit'
      ? eq(extensionRequests.unitId, scope.unitId)
      : and(eq(extensionRequests.unitId, scope.unitId), inArray(cases.deptId, [...scope.windows])))
  const rows = await db
    .select({
      request: extensionRequests,
      caseNo: cases.caseNo,
      itemName: items.name,
      promiseDue: cases.promiseDue,
    })
    .from(extensionRequests)
    .innerJoin(cases, eq(cases.id, extensionRequests.caseId))
    .innerJoin(items, eq(items.id, cases.itemId))
    .where(
      and(
        or(eq(extensionRequests.requestedBy, actor.userId), overseen),
        query.status ? eq(extensionRequests.status, query.status) : undefined,
      ),
    )
    .orderBy(desc(extensionRequests.createdAt), desc(extensionRequests.id))
    .limit(query.limit)
    .offset(query.offset)
  const people = rows.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(
          inArray(
            users.id,
            rows.flatMap((r) => [
              r.request.requestedBy,
              r.request.decidedBy ?? r.request.requestedBy,
            ]),
          ),
        )
    : []
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? '') : null)
  return rows.map(({ request, caseNo, itemName, promiseDue }) => ({
    ...describeExtension(request),
    caseNo,
    itemName,
    promiseDue: isoOrNull(promiseDue),
    requestedByName: name(request.requestedBy),
    decidedByName: name(request.decidedBy),
  }))
}

/** A request as the API answers it. */
export const describeExtension = (row: ExtensionRow) => ({
  id: row.id,
  caseId: row.caseId,
  taskId: row.taskId,
  workingDays: row.workingDays,
  reason: row.reason,
  status: row.status,
  requestedBy: row.requestedBy,
  createdAt: row.createdAt.toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: isoOrNull(row.decidedAt),
  decisionNote: row.decisionNote,
})
