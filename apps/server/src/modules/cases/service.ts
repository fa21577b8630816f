import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { cases, itemVersions, items, users } from '../../db/schema'
import type { Actor, AppDeps, RequestMeta } from '../../http/context'
import { badInput, conflict, forbidden, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { attachMaterials } from './attach-materials'
import { holdsRole } from '../org/access'
import { draftCase, ownCase, type CaseRow } from './access'
import { nextCaseNumber } from './case-number'
import { isoOrNull } from './deadlines'
import { engineOf, withEngine } from './engine'
import { applicantPermissions, validFormData } from './form'
import { onEngineChange } from './on-engine-change'
import { openStepsOf } from './timeline'

export interface Caller {
  deps: AppDeps
  actor: Actor
  meta: RequestMeta
}

/** The published version a new case of the item starts on: the newest one, in the caller's unit. */
async function currentVersion(db: Db, actor: Actor, itemId: string) {
  const [row] = await db
    .select({ item: items, version: itemVersions })
    .from(items)
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, items.latestVersion)))
    .where(and(eq(items.id, itemId), eq(items.unitId, actor.unitId)))
  if (!row) throw notFound('事项', itemId)
  if (row.item.status !== 'active') throw conflict('ITEM_RETIRED', '该事项已停止受理')
  return row
}

/** Desk intake: only staff of the item's window register for someone else, an active member of the unit. */
async function deskApplicant(db: Db, actor: Actor, item: { unitId: string; deptId: string }, applicantId: string): Promise<void> {
  if (!(await holdsRole(db, actor, ['window_staff'], item.unitId, item.deptId))) throw forbidden('只有该事项受理窗口的工作人员可以代为登记')
  const [applicant] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, applicantId), eq(users.unitId, item.unitId), eq(users.status, 'active')))
  if (!applicant) throw badInput({ applicantId: '本单位没有这个在册用户' })
}

/** Starts a draft application of the item's current version: my own, or (window staff at the desk) someone's. */
export async function createDraft({ deps, actor, meta }: Caller, input: { itemId: string; data: Record<string, unknown>; applicantId?: string | undefined }): Promise<CaseRow> {
  const { db } = deps.database
  const { item, version } = await currentVersion(db, actor, input.itemId)
  const applicantId = input.applicantId ?? actor.userId
  const desk = applicantId !== actor.userId
  if (desk) await deskApplicant(db, actor, item, applicantId)
  const now = deps.now()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({ id: newId(), unitId: item.unitId, itemId: item.id, itemVersionId: version.id, deptId: item.deptId, applicantId, createdBy: actor.userId, intake: desk ? 'desk' : 'online', data: input.data, createdAt: now, updatedAt: now })
      .returning()
    await audit(tx, { actor, meta }, { action: 'case.draft_created', objectType: 'case', objectId: row!.id, detail: { itemId: item.id, version: version.version, ...(desk ? { intake: 'desk', applicantId } : {}) } })
    return row!
  })
}

function assertDraft(row: CaseRow): void {
  if (row.status !== 'draft') throw conflict('CASE_NOT_DRAFT', '办件已提交，不能再修改草稿')
}

/** Autosave: replaces the draft's data when the caller saw the latest revision. */
export async function saveDraft({ deps, actor, meta }: Caller, caseId: string, input: { data: Record<string, unknown>; revision: number }): Promise<CaseRow> {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    const row = await draftCase(tx, actor, caseId)
    assertDraft(row)
    const [saved] = await tx
      .update(cases)
      .set({ data: input.data, revision: row.revision + 1, updatedAt: deps.now() })
      .where(and(eq(cases.id, caseId), eq(cases.revision, input.revision), eq(cases.status, 'draft')))
      .returning()
    if (!saved) throw conflict('VERSION_CONFLICT', '草稿已在别处保存过，请刷新后再改', { revision: `当前版本为 ${row.revision}` })
    await audit(tx, { actor, meta }, { action: 'case.draft_saved', objectType: 'case', objectId: caseId, detail: { revision: saved.revision } })
    return saved
  })
}

export interface Receipt {
  caseId: string
  caseNo: string
  itemName: string
  submittedAt: string
  nextSteps: { name: string | null; due: string | null }[]
  promiseDue: string | null
  status: CaseRow['status']
}

/**
 * Submits a draft: the data is validated against the version's form under the applicant's
 * permissions, then the case number, the engine instance and the case row's new status are
 * written in one transaction, so a refused or failed submit leaves the draft as it was.
 */
export async function submitCase(caller: Caller, caseId: string, input: { data?: Record<string, unknown> | undefined; revision?: number | undefined }): Promise<Receipt> {
  const { deps, actor, meta } = caller
  const { db } = deps.database
  const row = await draftCase(db, actor, caseId)
  assertDraft(row)
  if (input.revision !== undefined && input.revision !== row.revision) throw conflict('VERSION_CONFLICT', '草稿已在别处保存过，请刷新后再提交')
  const [version] = await db.select().from(itemVersions).where(eq(itemVersions.id, row.itemVersionId))
  const [item] = await db.select({ name: items.name }).from(items).where(eq(items.id, row.itemId))
  if (!version || !item) throw notFound('事项版本', row.itemVersionId)
  const definition = await engineOf(deps).definition(version.definitionId)
  const now = deps.now()
  const data = await validFormData(db, { unitId: row.unitId, schema: version.form, data: input.data ?? row.data, permissions: applicantPermissions(definition), now })

  return withEngine(deps, async (tx, engine) => {
    // Files first: a refused attachment should not cost a case number or an engine start.
    const materials = await attachMaterials(deps, tx, { caseId, unitId: row.unitId, uploaders: [...new Set([row.applicantId, row.createdBy ?? row.applicantId])], schema: version.form, data })
    const caseNo = await nextCaseNumber(tx, row.unitId, now)
    const instanceId = await engine.start({ definitionId: version.definitionId, initiator: row.applicantId, variables: data, unit: row.unitId, businessKey: caseNo })
    const state = await engine.getInstance(instanceId)
    const [submitted] = await tx
      .update(cases)
      .set({ status: 'running', caseNo, data, instanceId, submittedAt: now, updatedAt: now, revision: row.revision + 1, promiseDue: state?.clock.due ? new Date(state.clock.due) : null })
      .where(and(eq(cases.id, caseId), eq(cases.status, 'draft'), eq(cases.revision, row.revision)))
      .returning()
    if (!submitted) throw conflict('VERSION_CONFLICT', '办件刚被保存或提交过，请刷新后再试')
    await audit(tx, { actor, meta }, { action: 'case.submitted', objectType: 'case', objectId: caseId, detail: { caseNo, instanceId, materials } })
    await onEngineChange(tx, engine, instanceId, now)
    const [final] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId))
    const steps = await openStepsOf(tx, instanceId, now)
    return {
      caseId,
      caseNo,
      itemName: item.name,
      submittedAt: now.toISOString(),
      nextSteps: steps.map((step) => ({ name: step.name, due: step.due })),
      promiseDue: isoOrNull(submitted.promiseDue),
      status: final?.status ?? 'running',
    }
  })
}

/** 撤回 by the applicant while the engine allows it (nobody has acted on the next step). */
export async function withdrawCase({ deps, actor, meta }: Caller, caseId: string, reason: string | undefined): Promise<CaseRow> {
  const { db } = deps.database
  const row = await ownCase(db, actor, caseId)
  if (row.status !== 'running' || !row.instanceId) throw conflict('CASE_NOT_RUNNING', '只有正在办理的办件可以撤回')
  const instanceId = row.instanceId
  return withEngine(deps, async (tx, engine) => {
    await engine.withdraw(instanceId, { by: actor.userId, ...(reason ? { comment: reason } : {}) })
    await audit(tx, { actor, meta }, { action: 'case.withdrawn', objectType: 'case', objectId: caseId, detail: reason ? { reason } : {} })
    const [after] = await tx.select().from(cases).where(eq(cases.id, caseId))
    return after!
  })
}
