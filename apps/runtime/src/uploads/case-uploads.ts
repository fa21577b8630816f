/* Uploads for a case's form or checklist, shared by the applicant, case and approver pages. */
import type { FormServices } from '@hall/form-renderer'
import { UploadRefusedError } from '@hall/form-renderer'
import { ApiError, api, call } from '@hall/web-common'

/**
 * What a file is uploaded for: the case, and the form field's schema path (`rows.scan`) or a
 * checklist material, so the server applies that field's own limits instead of trusting ours.
 */
export interface UploadFor {
  caseId: string
  field?: string
  material?: string
}

/** Stores one file with the files API (content-checked there); the form keeps only its id. */
export async function uploadFile(
  file: File,
  target: UploadFor,
): Promise<{ id: string; url: string; name: string }> {
  const { items } = await call(api.files.$post({ form: { files: file, ...target } }))
  const stored = items[0]!
  // The name as the server sanitised and stored it.
  return { id: stored.id, url: `/api/files/${stored.id}/content`, name: stored.name }
}

/** The part of a vue-i18n composer (`useI18n()`) used here. */
interface Translator {
  t(key: string, named: Record<string, unknown>): string
  readonly locale: { readonly value: string }
}

/** The files API's answers that refuse a file for a reason the user can fix. */
const REFUSALS = ['FILE_TOO_LARGE', 'FILE_TYPE_REJECTED', 'TOO_MANY_FILES'] as const
type Refusal = (typeof REFUSALS)[number]
const isRefusal = (code: string): code is Refusal => (REFUSALS as readonly string[]).includes(code)

/**
 * Why the server refused `name`, to show at its field: in Chinese the server's own sentence for
 * the file (it names the limit: "证明.pdf 超过 1 MB 上限"), otherwise our wording of the code.
 * Undefined when the failure is no refusal (network, session): the caller says "failed".
 */
export function refusalOf(error: unknown, i18n: Translator, name: string): string | undefined {
  if (!(error instanceof ApiError) || !isRefusal(error.code)) return undefined
  const server = error.fields['files.0'] ?? error.serverMessage
  if (i18n.locale.value === 'zh-CN' && server) return server
  return i18n.t(`upload.${error.code}`, { name })
}

/** The renderer's upload service for a case's form: names the case and the field, shows refusals at the field. */
export function uploaderFor(caseId: string, i18n: Translator): NonNullable<FormServices['uploadFile']> {
  return async (file, { field }) => {
    try {
      return await uploadFile(file, { caseId, field })
    } catch (error) {
      const refusal = refusalOf(error, i18n, file.name)
      throw refusal ? new UploadRefusedError(refusal) : error
    }
  }
}
