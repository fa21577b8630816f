import { z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcCodes } from '../../../db/schema'
import { parseCsv } from '../../org/csv-import/parse'
import { blankToNull, duplicates, validateRows } from '../../org/csv-import/rows'
import type { ImportPlan } from '../../org/csv-import/types'
import { Code } from '../../org/schemas'
import { NaturalKey, optional } from './lookups'

const Row = z.object({
  table_code: Code,
  code: NaturalKey,
  label: z.string().trim().min(1, '请填写名称').max(200),
  parent_code: optional(z.string().trim()),
  sort: z.preprocess((value) => blankToNull(value) ?? '0', z.coerce.number({ error: '排序须为整数' }).int('排序须为整数').min(0)),
})

export const CODE_COLUMNS = { required: ['table_code', 'code', 'label'], optional: ['parent_code', 'sort'] } as const

/** Code tables (数据标准) by table and code; a parent must be in the same table, in the file or stored. */
export async function planCodes(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, CODE_COLUMNS.required, CODE_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  const key = (tableCode: string, code: string) => `${tableCode}\u0000${code}`
  errors.push(...table.errors, ...duplicates(valid, (row) => key(row.table_code, row.code), 'code'))
  const stored = new Set((await db.select().from(dcCodes).where(eq(dcCodes.unitId, unitId))).map((row) => key(row.tableCode, row.code)))
  const inFile = new Set(valid.map((row) => key(row.value.table_code, row.value.code)))
  for (const { line, value } of valid) {
    const parent = value.parent_code && key(value.table_code, value.parent_code)
    if (parent && !inFile.has(parent) && !stored.has(parent)) {
      errors.push({ row: line, column: 'parent_code', message: `上级代码在代码表 ${value.table_code} 中不存在：${value.parent_code}` })
    }
  }
  const created = valid.filter((row) => !stored.has(key(row.value.table_code, row.value.code))).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: valid.length - created,
    async apply(tx) {
      for (const { value } of valid) {
        const fields = { label: value.label, parentCode: value.parent_code, sort: value.sort }
        await tx
          .insert(dcCodes)
          .values({ unitId, tableCode: value.table_code, code: value.code, ...fields })
          .onConflictDoUpdate({ target: [dcCodes.unitId, dcCodes.tableCode, dcCodes.code], set: fields })
      }
    },
  }
}
