import type { FormSchema } from '@hall/form-schema'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../src/db/client'
import { newId } from '../src/db/ids'
import { departments, itemDrafts, items, itemVersions, units, users } from '../src/db/schema'
import { createServerEngine } from '../src/engine/server-engine'
import { guideSchema, type GuideInput } from '@hall/guide'
import type { UserClient } from './harness'

export interface PublishedItem {
  itemId: string
  versionId: string
  definitionId: string
}

export interface ItemFixture {
  unit: string
  dept: string
  code: string
  name: string
  form: FormSchema
  bpmn: string
  guide?: GuideInput
}

/** What tells one promised county item with a single review step from another. */
export interface ReviewItemSpec {
  dept: string
  code: string
  name: string
  /** The review step: its name, its `hall:assignee` post, `hall:due` and optional `hall:warn`. */
  step: { name: string; post: string; due: string; warn?: string }
  promisedWd: number
  form?: FormSchema
  guide?: Omit<GuideInput, 'promisedLimit'>
}

/**
 * A promised county item: start → one review step (`Task_review`) → end, promised in working
 * days; the form asks for a name unless the spec brings its own.
 */
export function promisedReviewItem(spec: ReviewItemSpec): ItemFixture {
  const processId = spec.code[0]!.toUpperCase() + spec.code.slice(1).replaceAll('-', '_')
  const warn = spec.step.warn ? ` hall:warn="${spec.step.warn}"` : ''
  return {
    unit: 'county',
    dept: spec.dept,
    code: spec.code,
    name: spec.name,
    form: spec.form ?? { type: 'object', properties: { name: { type: 'string', title: '姓名', required: true } } },
    bpmn: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="${processId}" name="${spec.name}" isExecutable="true" hall:promise="${spec.promisedWd}wd" hall:itemType="promised">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="${spec.step.name}" hall:assignee="post:${spec.step.post}" hall:due="${spec.step.due}"${warn} />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`,
    guide: { ...spec.guide, promisedLimit: { value: spec.promisedWd, unit: 'wd' } },
  }
}

/**
 * A published item version without the items routes: deploys the BPMN through the server's engine
 * and writes the `items`, `item_drafts` and `item_versions` rows as a publish would.
 */
export async function publishItem(database: Database, fixture: ItemFixture): Promise<PublishedItem> {
  const { db } = database
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, fixture.unit))
  if (!unit) throw new Error(`no demo unit ${fixture.unit}`)
  const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.unitId, unit.id), eq(departments.code, fixture.dept)))
  if (!dept) throw new Error(`no department ${fixture.dept} in ${fixture.unit}`)
  const definition = await createServerEngine(db).deploy(fixture.bpmn, { key: `${fixture.unit}.${fixture.code}` })
  const guide = guideSchema.parse(fixture.guide ?? {})
  const itemId = newId()
  const versionId = newId()
  await db.transaction(async (tx) => {
    await tx.insert(items).values({ id: itemId, unitId: unit.id, deptId: dept.id, code: fixture.code, name: fixture.name, latestVersion: 1 })
    await tx.insert(itemDrafts).values({ itemId, guide, form: fixture.form, bpmn: fixture.bpmn })
    await tx.insert(itemVersions).values({ id: versionId, itemId, unitId: unit.id, version: 1, guide, form: fixture.form, bpmn: fixture.bpmn, definitionId: definition.id })
  })
  return { itemId, versionId, definitionId: definition.id }
}

/** User ids by username: the engine's assignees are ids. */
export async function userIds(database: Database): Promise<(username: string) => string> {
  const rows = await database.db.select({ id: users.id, username: users.username }).from(users)
  const ids = new Map(rows.map((row) => [row.username, row.id]))
  return (username) => {
    const id = ids.get(username)
    if (!id) throw new Error(`no demo user ${username}`)
    return id
  }
}

export interface Receipt {
  caseId: string
  caseNo: string
  status: string
  nextSteps: { name: string | null; due: string | null }[]
  promiseDue: string | null
}

/** Applies for the item as `client` (draft, then submit) and returns the receipt. */
export async function applyFor(client: UserClient, itemId: string, data: Record<string, unknown>): Promise<Receipt> {
  const created = await client.post('/api/cases', { itemId })
  if (created.status !== 201) throw new Error(`draft: ${created.status} ${await created.text()}`)
  const { id } = (await created.json()) as { id: string }
  const submitted = await client.post(`/api/cases/${id}/submit`, { data })
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`)
  return (await submitted.json()) as Receipt
}
