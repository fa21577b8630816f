import { maskValue } from '@hall/form-schema'
import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { consultations, departments, items } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { namesOf } from '../cases/people'
import type { Caller } from '../cases/service'
import { windowScope } from '../cases/view'
import { holdsRole } from '../org/access'

type ConsultationRow = typeof consultations.$inferSelect

export interface ConsultationInput {
  deptId?: string | undefined
  name: string
  contact: string
  question: string
  itemId?: string | undefined
  referredDeptId?: string | undefined
}

/** The window a clerk registers at: the one named, or the one their window-staff grant names. */
async function askingWindow(db: Db, actor: Actor, deptId: string | undefined): Promise<string> {
  const grants = actor.roles.filter((grant) => grant.unitId === actor.unitId && grant.role === 'window_staff')
  if (!grants.length) throw forbidden('只有窗口工作人员可以登记首问')
  const chosen = deptId ?? grants.find((grant) => grant.deptId)?.deptId ?? undefined
  if (!chosen) throw badInput({ deptId: '请选择登记的窗口' })
  if (!(await holdsRole(db, actor, ['window_staff'], actor.unitId, chosen))) throw forbidden('只能在自己的窗口登记首问')
  return chosen
}

async function assertInUnit(db: Db, unitId: string, input: ConsultationInput): Promise<void> {
  if (input.itemId) {
    const [item] = await db.select({ id: items.id }).from(items).where(and(eq(items.id, input.itemId), eq(items.unitId, unitId)))
    if (!item) throw badInput({ itemId: '本单位没有这个事项' })
  }
  if (input.referredDeptId) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, input.referredDeptId), eq(departments.unitId, unitId)))
    if (!dept) throw badInput({ referredDeptId: '本单位没有这个窗口' })
  }
}

/** 首问登记: the clerk who was asked first records the question and, if it is not theirs, where they referred it. */
export async function registerConsultation({ deps, actor, meta }: Caller, input: ConsultationInput) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    const deptId = await askingWindow(tx, actor, input.deptId)
    await assertInUnit(tx, actor.unitId, input)
    const [row] = await tx
      .insert(consultations)
      .values({ id: newId(), unitId: actor.unitId, deptId, name: input.name, contact: input.contact, question: input.question, itemId: input.itemId ?? null, referredDeptId: input.referredDeptId ?? null, handledBy: actor.userId, createdAt: now, updatedAt: now })
      .returning()
    await audit(tx, { actor, meta }, { action: 'consultation.registered', objectType: 'consultation', objectId: row!.id, detail: { deptId, referredDeptId: input.referredDeptId ?? null } })
    return row!
  })
}

/** Where a consultation is visible: asked at, or referred to, a window the actor staffs (unit overseers see all). */
async function scopeFilter(db: Db, actor: Actor): Promise<SQL | undefined | 'none'> {
  const scope = await windowScope(db, actor)
  if (scope === 'unit') return undefined
  if (!scope.size) return 'none'
  return or(inArray(consultations.deptId, [...scope]), inArray(consultations.referredDeptId, [...scope]))
}

export interface ConsultationQuery {
  deptId?: string | undefined
  referralCompleted?: boolean | undefined
  referred?: boolean | undefined
  limit: number
  offset: number
}

export async function listConsultations(db: Db, actor: Actor, query: ConsultationQuery) {
  const scope = await scopeFilter(db, actor)
  if (scope === 'none') throw forbidden('只有窗口工作人员和管理员可以查看首问登记')
  const where: (SQL | undefined)[] = [eq(consultations.unitId, actor.unitId), scope]
  if (query.deptId) where.push(or(eq(consultations.deptId, query.deptId), eq(consultations.referredDeptId, query.deptId)))
  if (query.referralCompleted !== undefined) where.push(eq(consultations.referralCompleted, query.referralCompleted))
  if (query.referred !== undefined) where.push(query.referred ? isNotNull(consultations.referredDeptId) : isNull(consultations.referredDeptId))
  const rows = await db.select().from(consultations).where(and(...where)).orderBy(desc(consultations.createdAt), desc(consultations.id)).limit(query.limit).offset(query.offset)
  const names = await namesFor(db, actor.unitId, rows)
  return rows.map((row) => consultationView(row, names, true))
}

async function visibleConsultation(db: Db, actor: Actor, id: string): Promise<ConsultationRow> {
  const scope = await scopeFilter(db, actor)
  const [row] = scope === 'none' ? [] : await db.select().from(consultations).where(and(eq(consultations.id, id), eq(consultations.unitId, actor.unitId), scope))
  if (!row) throw notFound('首问登记', id)
  return row
}

export async function getConsultation(db: Db, actor: Actor, id: string) {
  const row = await visibleConsultation(db, actor, id)
  return consultationView(row, await namesFor(db, actor.unitId, [row]), false)
}

/** The referred window (or the asking one) confirms the person was served there: 首问办结. */
export async function setReferralCompleted({ deps, actor, meta }: Caller, id: string, completed: boolean) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    await visibleConsultation(tx, actor, id)
    const [row] = await tx.update(consultations).set({ referralCompleted: completed, updatedAt: now }).where(eq(consultations.id, id)).returning()
    await audit(tx, { actor, meta }, { action: 'consultation.referral_completed', objectType: 'consultation', objectId: id, detail: { completed } })
    return consultationView(row!, await namesFor(tx, actor.unitId, [row!]), false)
  })
}

interface Names {
  depts: Map<string, string>
  users: Map<string, string>
}

async function namesFor(db: Db, unitId: string, rows: ConsultationRow[]): Promise<Names> {
  const depts = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.unitId, unitId))
  return { depts: new Map(depts.map((dept) => [dept.id, dept.name])), users: await namesOf(db, rows.map((row) => row.handledBy)) }
}

/** Lists show the contact masked (138****1202); the record itself shows it to call the person back. */
function consultationView(row: ConsultationRow, names: Names, masked: boolean) {
  return {
    id: row.id,
    deptId: row.deptId,
    deptName: names.depts.get(row.deptId) ?? '',
    referredDeptName: row.referredDeptId ? (names.depts.get(row.referredDeptId) ?? '') : null,
    handlerName: names.users.get(row.handledBy) ?? '',
    name: row.name,
    contact: masked ? String(maskValue('phone', row.contact)) : row.contact,
    question: row.question,
    itemId: row.itemId,
    referredDeptId: row.referredDeptId,
    handledBy: row.handledBy,
    referralCompleted: row.referralCompleted,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
