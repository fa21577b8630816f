import { validate, type EnumItem, type FieldPermissions, type FieldSchema, type FormSchema } from '@hall/form-schema'
import type { FieldMode, ProcessDefinition } from '@hall/process-engine'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { dcCodes } from '../../db/schema'
import { ApiError } from '../../http/errors'

const ACCESS = { editable: 'editable', readonly: 'readOnly', hidden: 'hidden' } as const satisfies Record<FieldMode, string>

/** A step's `hall:fieldPermission`s in @hall/form-schema's terms (`path="*"` sets the default). */
export function stepPermissions(fields: readonly { path: string; mode: FieldMode }[]): FieldPermissions {
  return Object.fromEntries(fields.map((field) => [field.path, ACCESS[field.mode]]))
}

/**
 * What the applicant may write when submitting. A start event has no field permissions of its
 * own, so the applicant may fill every field except those the process hands to a later step
 * (a field some user task marks `editable`, such as the counsellor's opinion).
 */
export function applicantPermissions(definition: ProcessDefinition): FieldPermissions {
  const later = Object.values(definition.elements).flatMap((element) =>
    (element.userTask?.fields ?? []).filter((field) => field.mode === 'editable' && field.path !== '*'),
  )
  return Object.fromEntries(later.map((field) => [field.path, 'readOnly' as const]))
}

/** Code table ids named by `x-dictionary` anywhere in the form. */
function dictionaryIds(schema: FieldSchema, found = new Set<string>()): Set<string> {
  if (schema['x-dictionary']) found.add(schema['x-dictionary'])
  for (const child of Object.values(schema.properties ?? {})) dictionaryIds(child, found)
  if (schema.items) dictionaryIds(schema.items, found)
  return found
}

async function dictionariesFor(db: Db, unitId: string, schema: FormSchema): Promise<Record<string, EnumItem[]>> {
  const ids = [...dictionaryIds(schema)]
  if (!ids.length) return {}
  const rows = await db
    .select({ table: dcCodes.tableCode, value: dcCodes.code, label: dcCodes.label })
    .from(dcCodes)
    .where(and(eq(dcCodes.unitId, unitId), inArray(dcCodes.tableCode, ids)))
    .orderBy(asc(dcCodes.sort))
  const tables: Record<string, EnumItem[]> = {}
  for (const row of rows) (tables[row.table] ??= []).push({ value: row.value, label: row.label })
  return tables
}

export interface FormCheck {
  unitId: string
  schema: FormSchema
  data: unknown
  permissions: FieldPermissions
  current?: Record<string, unknown>
  now: Date
}

/**
 * Validates form data the way the browser did and returns the record to store; any problem is a
 * `400 FORM_INVALID` naming each field, before anything is written.
 */
export async function validFormData(db: Db, check: FormCheck): Promise<Record<string, unknown>> {
  const verdict = validate(check.schema, check.data, {
    permissions: check.permissions,
    dictionaries: await dictionariesFor(db, check.unitId, check.schema),
    now: check.now,
    ...(check.current ? { current: check.current } : {}),
  })
  if (!verdict.ok) {
    const fields: Record<string, string> = {}
    for (const error of verdict.errors) fields[error.path || '(form)'] ??= error.message
    throw new ApiError(400, 'FORM_INVALID', '表单填写有误，请按标出的字段修改', fields)
  }
  return verdict.data
}
