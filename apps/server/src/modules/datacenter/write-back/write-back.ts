import { collect, parseCollectTarget, type CollectItem, type FormSchema, type FormValues } from '@hall/form-schema'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { dcCollected, dcPeople } from '../../../db/schema'
import { ApiError } from '../../../http/errors'
import { audit, type AuditOrigin } from '../../audit/record'
import { WRITABLE_PERSON_COLUMNS } from './person-columns'
import { toRecords } from './records'

/** Who the case is about: their `dc_people` row is the one `dc:person.*` targets change. */
export type WriteBackSubject = { personId: string } | { userId: string }

export interface WriteBackInput {
  unitId: string
  caseId: string
  itemKey: string
  /** The published form the data was submitted on. */
  schema: FormSchema
  /** Data already checked by `validate` (its `data`, not the raw submission). */
  data: FormValues
  subject: WriteBackSubject
  /** When it was collected; the database clock by default. */
  at?: Date
  /** For the audit entry; the system (no actor) by default. */
  origin?: AuditOrigin
}

export interface WriteBackResult {
  /** `dc_people` columns changed on the subject. */
  personColumns: string[]
  /** Records added to `dc_collected`. */
  records: number
}

/** A write-back that cannot be done (bad target, invalid value, unknown subject): the caller's transaction must roll back. */
export class WriteBackError extends ApiError {
  constructor(message: string, fields: Record<string, string>) {
    super(422, 'WRITE_BACK_FAILED', message, fields)
  }
}

const NAMED_TARGET = /^[A-Za-z][\w-]{0,63}$/

/**
 * Writes a completed case's `x-collect` values back, inside the caller's transaction `tx` (the
 * case-completion transaction): `dc:person.<column>` into the subject's `dc_people` row (only
 * `WRITABLE_PERSON_COLUMNS`, each value checked), named targets as records in `dc_collected`.
 * It checks everything before writing anything and throws `WriteBackError` (naming the form
 * field) on the first problem it cannot write past, so the caller's transaction rolls back whole.
 */
export async function writeBack(tx: Db, input: WriteBackInput): Promise<WriteBackResult> {
  const items = collect(input.schema, input.data)
  const person: Record<string, string> = {}
  const named: CollectItem[] = []
  const problems: Record<string, string> = {}
  for (const item of items) {
    const target = parseCollectTarget(item.target)
    if (target?.kind === 'named' && NAMED_TARGET.test(target.name)) named.push(item)
    else if (target?.kind === 'dc' && target.table === 'person' && WRITABLE_PERSON_COLUMNS[target.column]) {
      const spec = WRITABLE_PERSON_COLUMNS[target.column]!
      if (typeof item.value === 'string' && spec.check(item.value).ok) person[spec.column] = item.value
      else problems[item.field] = `${spec.label}格式不正确，无法写回数据中心`
    } else problems[item.field] = `写回目标 ${item.target} 不存在或不允许写入`
  }
  if (Object.keys(problems).length) throw new WriteBackError('表单数据无法写回数据中心，办结未完成', problems)
  if (items.length === 0) return { personColumns: [], records: 0 }

  const personColumns = Object.keys(person)
  if (personColumns.length) {
    const subject = 'personId' in input.subject ? eq(dcPeople.id, input.subject.personId) : eq(dcPeople.userId, input.subject.userId)
    const updated = await tx.update(dcPeople).set(person).where(and(eq(dcPeople.unitId, input.unitId), subject)).returning({ id: dcPeople.id })
    if (updated.length !== 1) throw new WriteBackError('数据中心中没有申请人的档案，无法写回', { subject: '申请人不在本单位数据中心' })
  }
  const records = toRecords(named)
  if (records.length) {
    await tx.insert(dcCollected).values(
      records.map(({ target, record }, position) => ({
        id: newId(), unitId: input.unitId, itemKey: input.itemKey, caseId: input.caseId, target, record, position,
        ...(input.at ? { collectedAt: input.at } : {}),
      })),
    )
  }
  await audit(tx, input.origin ?? { meta: { ip: null, userAgent: null } }, {
    action: 'datacenter.written_back', objectType: 'case', objectId: input.caseId, unitId: input.unitId,
    detail: { itemKey: input.itemKey, personColumns, records: records.length, targets: [...new Set(records.map((r) => r.target))] },
  })
  return { personColumns, records: records.length }
}
