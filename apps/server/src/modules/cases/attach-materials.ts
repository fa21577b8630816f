import type { FieldSchema } from '@hall/form-schema'
import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { files } from '../../db/schema'
import { ApiError } from '../../http/errors'

/** An uploaded file a submission names, and the form field that names it. */
interface FileRef {
  field: string
  id: string
}

/** The file ids in every upload field of `data` (uploads hold `[{ id, name, … }]`). */
export function uploadRefs(schema: FieldSchema, data: Record<string, unknown>, prefix = ''): FileRef[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    if (field.type === 'void') return uploadRefs(field, data, prefix)
    const value = data[name]
    const path = prefix ? `${prefix}.${name}` : name
    if (field['x-component'] === 'Upload' && Array.isArray(value)) {
      return value.flatMap((file) => (file && typeof (file as { id?: unknown }).id === 'string' ? [{ field: path, id: (file as { id: string }).id }] : []))
    }
    return field.type === 'object' && value && typeof value === 'object' ? uploadRefs(field, value as Record<string, unknown>, path) : []
  })
}

/**
 * Ties the files a submission names to its case, in the submit transaction: from then on they are
 * the case's materials (readable by whoever may see the case, no longer deletable). Only files the
 * submitter uploaded in this unit and not attached to another case qualify; naming any other file
 * refuses the submission, naming the field.
 */
export async function attachMaterials(tx: Db, input: { caseId: string; unitId: string; uploaders: string[]; schema: FieldSchema; data: Record<string, unknown> }): Promise<number> {
  const refs = uploadRefs(input.schema, input.data)
  if (!refs.length) return 0
  const attached = await tx
    .update(files)
    .set({ caseId: input.caseId })
    .where(
      and(
        inArray(files.id, [...new Set(refs.map((ref) => ref.id))]),
        eq(files.unitId, input.unitId),
        inArray(files.uploadedBy, input.uploaders),
        or(isNull(files.caseId), eq(files.caseId, input.caseId)),
      ),
    )
    .returning({ id: files.id })
  const found = new Set(attached.map((row) => row.id))
  const foreign = refs.filter((ref) => !found.has(ref.id))
  if (foreign.length) {
    throw new ApiError(400, 'FORM_INVALID', '表单中引用的附件不存在或不是本人上传的', Object.fromEntries(foreign.map((ref) => [ref.field, '附件不存在或不是本人上传的'])))
  }
  return found.size
}
