import type { Engine } from '@hall/process-engine'
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { caseBreaches, caseNotices, cases, departments, itemVersions, items, negativeFilings, type NOTICE_KINDS, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, conflict, forbidden } from '../../http/errors'
import { audit } from '../audit/record'
import { holdsRole } from '../org/access'
import { visibleCase, type CaseRow } from './access'
import { isoOrNull } from './deadlines'
import { withEngine } from './engine'
import type { Caller } from './service'

/** What every notice repeats: the case, the item, the applicant, the window and its phones. */
export async function letterhead(tx: Db, row: CaseRow, actor: Actor, now: Date) {
  const [version] = await tx
    .select({ guide: itemVersions.guide, itemName: items.name, deptName: departments.name })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .innerJoin(departments, eq(departments.id, items.deptId))
    .where(eq(itemVersions.id, row.itemVersionId))
  const [applicant] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.applicantId))
  const [handler] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId))
  return {
    guide: version!.guide,
    head: {
      caseNo: row.caseNo,
      itemName: version!.itemName,
      window: version!.deptName,
      applicantName: applicant?.name ?? '',
      handlerName: handler?.name ?? '',
      issuedAt: now.toISOString(),
      phone: version!.guide.contact?.phone ?? '',
      complaintPhone: version!.guide.contact?.complaintPhone ?? '',
    },
  }
}

/** A submitted case of a window the actor staffs (others who see it get 403, the rest 404). */
export async function windowCase(tx: Db, actor: Actor, caseId: string, statuses: readonly CaseRow['status'][]): Promise<CaseRow> {
  const row = await visibleCase(tx, actor, caseId)
  if (!(await holdsRole(tx, actor, ['window_staff'], row.unitId, row.deptId))) throw forbidden('只有该事项受理窗口的工作人员可以受理')
  if (!statuses.includes(row.status)) throw conflict('CASE_NOT_RUNNING', '办件当前状态不能这样受理')
  return row
}

export async function notice(tx: Db, row: CaseRow, actor: Actor, kind: (typeof NOTICE_KINDS)[number], data: Record<string, unknown>, now: Date) {
  const id = newId()
  await tx.insert(caseNotices).values({ id, caseId: row.id, unitId: row.unitId, kind, data, createdAt: now, createdBy: actor.userId })
  return { id, kind, data, createdAt: now.toISOString() }
}

export type Notice = Awaited<ReturnType<typeof notice>>

/** Records the window's acceptance (受理) once; every intake kind but supplement and refusal is one. */
export async function markAccepted(tx: Db, row: CaseRow, actor: Actor, now: Date): Promise<void> {
  if (row.acceptedAt) throw conflict('ALREADY_ACCEPTED', '这个办件已经受理过了')
  await tx.update(cases).set({ acceptedAt: now, acceptedBy: actor.userId, updatedAt: now }).where(eq(cases.id, row.id))
}

/** 受理 (instant or promised): the acceptance notice gives the promised limit and the due date. */
export async function acceptCase({ deps, actor, meta }: Caller, caseId: string, kind: 'instant' | 'promised'): Promise<Notice> {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    await markAccepted(tx, row, actor, now)
    const { guide, head } = await letterhead(tx, row, actor, now)
    await audit(tx, { actor, meta }, { action: 'case.accepted', objectType: 'case', objectId: caseId, detail: { kind } })
    return notice(tx, row, actor, 'acceptance', { ...head, kind, promisedLimit: guide.promisedLimit ?? null, due: isoOrNull(row.promiseDue) }, now)
  })
}

/**
 * 补正: one notice lists every missing material at once and the case clock stops until they
 * arrive. Asking again for a checklist material once a notice was given breaks the one-time-notice
 * rule; the breach is recorded against the asking staff member and window.
 */
export async function requestSupplement({ deps, actor, meta }: Caller, caseId: string, input: { materialIds: string[]; others: string[]; note?: string | undefined }): Promise<Notice> {
  const now = deps.now()
  return withEngine(deps, async (tx, engine) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    const { guide, head } = await letterhead(tx, row, actor, now)
    const checklist = new Map(guide.materials.map((material) => [material.id, material]))
    const unknown = input.materialIds.filter((id) => !checklist.has(id))
    if (unknown.length) throw badInput({ materialIds: `办事指南的材料清单里没有：${unknown.join('、')}` })
    const earlier = await tx.select({ id: caseNotices.id }).from(caseNotices).where(and(eq(caseNotices.caseId, caseId), eq(caseNotices.kind, 'supplement'))).orderBy(asc(caseNotices.createdAt))
    if (earlier.length && input.materialIds.length) {
      await tx.insert(caseBreaches).values({ id: newId(), caseId, unitId: row.unitId, deptId: row.deptId, kind: 'one_time_notice', userId: actor.userId, detail: { materialIds: input.materialIds, earlierNotices: earlier.map((n) => n.id) }, createdAt: now })
    }
    await engine.suspendClock(row.instanceId!, { by: actor.userId, reason: '补正材料' })
    await tx.update(cases).set({ status: 'supplement', updatedAt: now }).where(eq(cases.id, caseId))
    await audit(tx, { actor, meta }, { action: 'case.supplement_requested', objectType: 'case', objectId: caseId, detail: { materialIds: input.materialIds, breach: earlier.length > 0 && input.materialIds.length > 0 } })
    const materials = input.materialIds.map((id) => {
      const material = checklist.get(id)!
      return { id, name: material.name, copies: material.copies, form: material.form }
    })
    return notice(tx, row, actor, 'supplement', { ...head, materials, others: input.others, note: input.note ?? null }, now)
  })
}

/** The materials have arrived: the clock runs again and every due date moves by the time it stood. */
export async function supplementReceived({ deps, actor, meta }: Caller, caseId: string) {
  const now = deps.now()
  return withEngine(deps, async (tx, engine) => {
    const row = await visibleCase(tx, actor, caseId)
    const allowed = row.applicantId === actor.userId || (await holdsRole(tx, actor, ['window_staff'], row.unitId, row.deptId))
    if (!allowed) throw forbidden('只有申请人或受理窗口可以确认补正')
    if (row.status !== 'supplement') throw conflict('CASE_NOT_SUPPLEMENT', '这个办件没有在等待补正')
    await engine.resumeClock(row.instanceId!, { by: actor.userId })
    const state = await engine.getInstance(row.instanceId!)
    await tx.update(cases).set({ status: 'running', updatedAt: now, promiseDue: state?.clock.due ? new Date(state.clock.due) : row.promiseDue }).where(eq(cases.id, caseId))
    await audit(tx, { actor, meta }, { action: 'case.supplement_received', objectType: 'case', objectId: caseId })
    return { status: 'running' as const, promiseDue: state?.clock.due ?? null }
  })
}

/**
 * Ends the case's process from whichever step it stands at, the window taking that step over
 * first, and marks the case returned with `outcome` (`returned`, or `abandoned` for a lapsed
 * tolerate-missing promise).
 */
export async function endAtWindow(tx: Db, engine: Engine, row: CaseRow, end: { by: string; reason: string; comment: string; outcome: string }, now: Date): Promise<void> {
  const instanceId = row.instanceId!
  const state = await engine.getInstance(instanceId)
  if (state?.status === 'active') {
    const [open] = await engine.findTasks({ instanceId, status: 'open' })
    if (!open) throw conflict('CASE_NOT_RUNNING', '办件当前没有可以退回的环节')
    await engine.reassign(open.id, { by: end.by, to: end.by, reason: end.reason })
    await engine.reject(open.id, { by: end.by, comment: end.comment })
  }
  await tx.update(cases).set({ status: 'returned', outcome: end.outcome, updatedAt: now }).where(eq(cases.id, row.id))
}

const REVIEW_RIGHTS = '如对本决定不服，可以自收到本通知之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。'

export interface Refusal {
  reasons: string
  legalBasis: string
  remedy: string
  reviewRights?: string | undefined
}

/**
 * 退回件: the window refuses the case with reasons, legal basis, how to fix it and the review
 * rights; the process ends and a negative-decision filing goes to the window head for review.
 */
export async function refuseCase({ deps, actor, meta }: Caller, caseId: string, input: Refusal): Promise<Notice> {
  const now = deps.now()
  return withEngine(deps, async (tx, engine) => {
    const row = await windowCase(tx, actor, caseId, ['running', 'supplement'])
    await endAtWindow(tx, engine, row, { by: actor.userId, reason: '窗口退回', comment: input.reasons, outcome: 'returned' }, now)
    const [dept] = await tx.select({ head: departments.headUserId }).from(departments).where(eq(departments.id, row.deptId))
    await tx.insert(negativeFilings).values({ id: newId(), caseId, unitId: row.unitId, deptId: row.deptId, handlerId: actor.userId, reviewerId: dept?.head ?? null, reasons: input.reasons, legalBasis: input.legalBasis, createdAt: now })
    await audit(tx, { actor, meta }, { action: 'case.returned', objectType: 'case', objectId: caseId, detail: { reasons: input.reasons } })
    const { head } = await letterhead(tx, row, actor, now)
    return notice(tx, row, actor, 'refusal', { ...head, reasons: input.reasons, legalBasis: input.legalBasis, remedy: input.remedy, reviewRights: input.reviewRights ?? REVIEW_RIGHTS }, now)
  })
}

/** The checklist of the case's own item version: what the window may ask for or let be missing. */
export async function checklistOf({ deps, actor }: Caller, caseId: string) {
  const row = await visibleCase(deps.database.db, actor, caseId)
  const [version] = await deps.database.db.select({ guide: itemVersions.guide }).from(itemVersions).where(eq(itemVersions.id, row.itemVersionId))
  return (version?.guide.materials ?? []).map(({ id, name, copies, form, main, mayBeMissing }) => ({ id, name, copies, form, main, mayBeMissing }))
}

/** Every notice of a case, oldest first, for whoever may see the case. */
export async function noticesOf(db: Db, actor: Actor, caseId: string) {
  await visibleCase(db, actor, caseId)
  const rows = await db.select().from(caseNotices).where(eq(caseNotices.caseId, caseId)).orderBy(asc(caseNotices.createdAt), asc(caseNotices.id))
  return rows.map((row) => ({ id: row.id, kind: row.kind, data: row.data, createdAt: row.createdAt.toISOString() }))
}
