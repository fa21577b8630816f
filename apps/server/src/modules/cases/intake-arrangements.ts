import { and, asc, eq, inArray, lte, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import type { ARRANGEMENT_STATUSES} from '../../db/schema';
import { caseArrangements, departments, userDepartments, users, type ArrangementKind } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, conflict, forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { notify } from '../notifications/notify'
import { visibleCase } from './access'
import { isoOrNull } from './deadlines'
import { windowScope } from './view'
import { withEngine } from './engine'
import { letterhead, markAccepted, notice, windowCase, type Notice } from './intake'
import type { Caller } from './service'

/** The agent must hand the materials to the handling department within 24 hours (代办件, DOMAIN.md §3). */
export const AGENCY_DELIVERY_MS = 24 * 3600_000

/** A promised supply date ends at the close of that day's office hours, Beijing time. */
export const promiseDeadline = (date: string) => new Date(`${date}T18:00:00+08:00`)

type ArrangementRow = typeof caseArrangements.$inferSelect
type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number]

export interface ToleranceInput {
  materialIds: string[]
  promiseDate: string
  note?: string | undefined
}

/**
 * 容缺受理: the case is accepted and processed while secondary materials the guide allows to be
 * missing are still owed; the applicant promises a date, the result is withheld until they arrive,
 * and the worker marks the case abandoned once the date has passed (`abandonLapsedTolerations`).
 */
export async function acceptToleratingMissing(caller: Caller, caseId: string, input: ToleranceInput): Promise<Notice> {
  const { deps, actor, meta } = caller
  const now = deps.now()
  const due = promiseDeadline(input.promiseDate)
  if (Number.isNaN(due.getTime()) || due.getTime() <= now.getTime()) throw badInput({ promiseDate: '承诺补交日期须是今天或以后的日期' })
  return withEngine(deps, async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    const { guide, head } = await letterhead(tx, row, actor, now)
    const checklist = new Map(guide.materials.map((material) => [material.id, material]))
    const refused = input.materialIds.filter((id) => !checklist.get(id)?.mayBeMissing)
    if (refused.length) throw badInput({ materialIds: `办事指南不允许容缺的材料：${refused.join('、')}` })
    await markAccepted(tx, row, actor, now)
    const materials = input.materialIds.map((id) => ({ id, name: checklist.get(id)!.name }))
    await arrange(tx, actor, row, 'tolerate_missing', { materials, promiseDate: input.promiseDate }, due, now)
    await audit(tx, { actor, meta }, { action: 'case.accepted', objectType: 'case', objectId: caseId, detail: { kind: 'tolerate_missing', materialIds: input.materialIds, promiseDate: input.promiseDate } })
    return notice(tx, row, actor, 'tolerate_missing', { ...head, materials, promiseDate: input.promiseDate, due: due.toISOString(), note: input.note ?? null }, now)
  })
}

/**
 * Who answers for each co-department of a joint case: its head, or, where it has none, its active
 * members, so no co-department is left unaware.
 */
async function coDeptStaff(tx: Db, depts: readonly { id: string; head: string | null }[]): Promise<string[]> {
  const headless = depts.filter((dept) => !dept.head).map((dept) => dept.id)
  const members = headless.length
    ? await tx.select({ id: userDepartments.userId }).from(userDepartments).innerJoin(users, eq(users.id, userDepartments.userId)).where(and(inArray(userDepartments.deptId, headless), eq(users.status, 'active')))
    : []
  return [...new Set([...depts.flatMap((dept) => (dept.head ? [dept.head] : [])), ...members.map((member) => member.id)])]
}

/**
 * 联办: the item's window leads; the co-departments' staff are copied (抄送) on the case so they
 * see it at once and answer in parallel, and each gets an in-app notification linking to it, in
 * the same transaction; the joint-handling notice names every co-department.
 */
export async function acceptJointly(caller: Caller, caseId: string, input: { coDeptIds: string[]; note?: string | undefined }): Promise<Notice> {
  const { deps, actor, meta } = caller
  const now = deps.now()
  return withEngine(deps, async (tx, engine) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    const wanted = [...new Set(input.coDeptIds)]
    if (wanted.includes(row.deptId)) throw badInput({ coDeptIds: '牵头窗口不必再列为协办部门' })
    const coDepts = await tx.select({ id: departments.id, name: departments.name, head: departments.headUserId }).from(departments).where(and(eq(departments.unitId, row.unitId), inArray(departments.id, wanted)))
    const unknown = wanted.filter((id) => !coDepts.some((dept) => dept.id === id))
    if (unknown.length) throw badInput({ coDeptIds: `本单位没有这些部门：${unknown.join('、')}` })
    await markAccepted(tx, row, actor, now)
    const staff = await coDeptStaff(tx, coDepts)
    if (staff.length) await engine.cc(row.instanceId!, { by: actor.userId, users: staff, comment: '联办件抄告' })
    const { head } = await letterhead(tx, row, actor, now)
    const detail = { leadDept: head.window, coDepts: coDepts.map(({ id, name }) => ({ id, name })), notified: staff }
    await arrange(tx, actor, row, 'joint', detail, null, now)
    await notify(tx, { userIds: staff, kind: 'case.joint', title: `联办件协办：${head.itemName}`, body: `${head.window}牵头受理的${head.itemName}（${head.caseNo ?? ''}）请您部门协办`, link: `/cases/${caseId}`, caseId }, now)
    await audit(tx, { actor, meta }, { action: 'case.accepted', objectType: 'case', objectId: caseId, detail: { kind: 'joint', coDeptIds: wanted } })
    return notice(tx, row, actor, 'joint', { ...head, leadDept: head.window, coDepts: detail.coDepts, due: isoOrNull(row.promiseDue), note: input.note ?? null }, now)
  })
}

/** 上报件: the local part is accepted here and the case forwarded upward; the upper result is recorded on fulfilment. */
export async function acceptEscalated(caller: Caller, caseId: string, input: { upperAuthority: string; reason: string }): Promise<Notice> {
  const { deps, actor, meta } = caller
  const now = deps.now()
  return withEngine(deps, async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    await markAccepted(tx, row, actor, now)
    await arrange(tx, actor, row, 'escalated', { upperAuthority: input.upperAuthority, reason: input.reason }, null, now)
    await audit(tx, { actor, meta }, { action: 'case.accepted', objectType: 'case', objectId: caseId, detail: { kind: 'escalated', upperAuthority: input.upperAuthority } })
    const { head } = await letterhead(tx, row, actor, now)
    return notice(tx, row, actor, 'escalated', { ...head, upperAuthority: input.upperAuthority, reason: input.reason, due: isoOrNull(row.promiseDue) }, now)
  })
}

/** 代办件: an agent takes the applicant's materials and must deliver them within 24 hours; overdue shows on the window's list. */
export async function acceptByAgency(caller: Caller, caseId: string, input: { agentName: string; agentContact: string }): Promise<Notice> {
  const { deps, actor, meta } = caller
  const now = deps.now()
  const due = new Date(now.getTime() + AGENCY_DELIVERY_MS)
  return withEngine(deps, async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['running'])
    await markAccepted(tx, row, actor, now)
    await arrange(tx, actor, row, 'agency', { agentName: input.agentName, agentContact: input.agentContact }, due, now)
    await audit(tx, { actor, meta }, { action: 'case.accepted', objectType: 'case', objectId: caseId, detail: { kind: 'agency', agentName: input.agentName } })
    const { head } = await letterhead(tx, row, actor, now)
    return notice(tx, row, actor, 'agency', { ...head, agentName: input.agentName, agentContact: input.agentContact, deliveryDue: due.toISOString() }, now)
  })
}

async function arrange(tx: Db, actor: Actor, row: { id: string; unitId: string; deptId: string }, kind: ArrangementKind, detail: Record<string, unknown>, due: Date | null, now: Date) {
  await tx.insert(caseArrangements).values({ id: newId(), caseId: row.id, unitId: row.unitId, deptId: row.deptId, kind, detail, due, createdBy: actor.userId, createdAt: now })
}

/**
 * The owed part arrived: tolerated materials supplied (the result may now be issued), the upper
 * authority's result, or the agent's delivery. Only the item's window records it.
 */
export async function fulfilArrangement({ deps, actor, meta }: Caller, caseId: string, arrangementId: string, input: { note?: string | undefined }) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['running', 'completed'])
    const [arrangement] = await tx.select().from(caseArrangements).where(and(eq(caseArrangements.id, arrangementId), eq(caseArrangements.caseId, row.id)))
    if (!arrangement) throw notFound('受理安排', arrangementId)
    if (arrangement.status !== 'pending') throw conflict('ARRANGEMENT_CLOSED', '这项受理安排已经了结')
    const detail = { ...arrangement.detail, fulfilNote: input.note ?? null, fulfilledBy: actor.userId }
    const [saved] = await tx.update(caseArrangements).set({ status: 'fulfilled', resolvedAt: now, detail }).where(eq(caseArrangements.id, arrangementId)).returning()
    await audit(tx, { actor, meta }, { action: 'case.arrangement_fulfilled', objectType: 'case', objectId: caseId, detail: { arrangementId, kind: arrangement.kind } })
    return arrangementView(saved!, now)
  })
}

/** A case's arrangements, oldest first, for whoever may see the case. */
export async function arrangementsOf(db: Db, caseId: string, now: Date) {
  const rows = await db.select().from(caseArrangements).where(eq(caseArrangements.caseId, caseId)).orderBy(asc(caseArrangements.createdAt), asc(caseArrangements.id))
  return rows.map((row) => arrangementView(row, now))
}

export async function arrangementsOfCase({ deps, actor }: Caller, caseId: string) {
  await visibleCase(deps.database.db, actor, caseId)
  return arrangementsOf(deps.database.db, caseId, deps.now())
}

/** The arrangements of the windows the actor staffs (unit overseers: all), soonest due first; `overdue` keeps only those past their date. */
export async function windowArrangements({ deps, actor }: Caller, query: { kind?: ArrangementKind | undefined; status?: ArrangementStatus | undefined; overdue?: boolean | undefined }) {
  const { db } = deps.database
  const now = deps.now()
  const scope = await windowScope(db, actor)
  if (scope !== 'unit' && !scope.size) throw forbidden('只有窗口工作人员可以查看受理安排')
  const where: SQL[] = [eq(caseArrangements.unitId, actor.unitId)]
  if (scope !== 'unit') where.push(inArray(caseArrangements.deptId, [...scope]))
  if (query.kind) where.push(eq(caseArrangements.kind, query.kind))
  if (query.status) where.push(eq(caseArrangements.status, query.status))
  if (query.overdue) where.push(eq(caseArrangements.status, 'pending'), lte(caseArrangements.due, now))
  const rows = await db.select().from(caseArrangements).where(and(...where)).orderBy(asc(caseArrangements.due), asc(caseArrangements.createdAt)).limit(500)
  return rows.map((row) => arrangementView(row, now))
}

/** What the window and case pages show; `overdue` once a pending arrangement passed its date, `resultWithheld` while tolerated materials are owed. */
export function arrangementView(row: ArrangementRow, now: Date) {
  const pending = row.status === 'pending'
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    status: row.status,
    detail: row.detail,
    due: isoOrNull(row.due),
    overdue: pending && row.due !== null && row.due.getTime() <= now.getTime(),
    resultWithheld: pending && row.kind === 'tolerate_missing',
    createdAt: row.createdAt.toISOString(),
    resolvedAt: isoOrNull(row.resolvedAt),
  }
}
