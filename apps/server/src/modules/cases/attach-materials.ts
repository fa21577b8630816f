import type { FieldSchema, FormSchema } from '@hall/form-schema'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { files } from '../../db/schema'
import type { AppDeps } from '../../http/context'
import { ApiError } from '../../http/errors'
import { fieldFileProblems, type FileRef } from '../files/field-files'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The file ids in every upload field of `data` (uploads hold `[{ id, name, … }]`), with concrete
 * paths: nested objects add their key, sub-table rows their index (`rows[2].scan`).
 */
export function uploadRefs(schema: FieldSchema, data: Record<string, unknown>, prefix = ''): FileRef[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    if (field.type === 'void') return uploadRefs(field, data, prefix)
    const value = data[name]
    const path = prefix ? `${prefix}.${name}` : name
    if (field['x-component'] === 'Upload' && Array.isArray(value)) {
      return value.flatMap((file) => (isRecord(file) && typeof file.id === 'string' ? [{ field: path, id: file.id }] : []))
    }
    if (field.type === 'array' && field.items && Array.isArray(value)) {
      const row = field.items
      return value.flatMap((item, index) => (isRecord(item) ? uploadRefs(row, item, `${path}[${index}]`) : []))
    }
    return field.type === 'object' && isRecord(value) ? uploadRefs(field, value, path) : []
  })
}

export interface AttachInput {
  caseId: string
  unitId: string
  /** Whose unattached uploads the record may name. */
  uploaders: string[]
  schema: FormSchema
  data: Record<string, unknown>
}

/**
 * Ties the files a form record names to its case, inside the transaction of the submit or step
 * edit: from then on they are the case's materials (readable by whoever may see the case, no
 * longer deletable). Every file is first re-checked against its field (`fieldFileProblems`); any
 * problem refuses the whole command with `400 FORM_INVALID` naming the fields, so nothing changes.
 */
export async function attachMaterials(deps: Pick<AppDeps, 'config'>, tx: Db, input: AttachInput): Promise<number> {
  const refs = uploadRefs(input.schema, input.data)
  if (!refs.length) return 0
  const problems = await fieldFileProblems(deps, tx, { ...input, refs })
  if (Object.keys(problems).length) throw new ApiError(400, 'FORM_INVALID', '表单中的附件不符合要求，请按标出的栏目修改', problems)
  const ids = [...new Set(refs.map((ref) => ref.id))]
  await tx.update(files).set({ caseId: input.caseId }).where(inArray(files.id, ids))
  return ids.length
}
