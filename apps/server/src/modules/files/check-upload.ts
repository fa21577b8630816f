import { accepts, type UploadRules } from '@hall/form-schema'
import { ApiError } from '../../http/errors'
import { sanitizeFileName } from './file-names'
import { sniffType, typeForName } from './sniff'

/** Most files one request may carry when the form field sets no `limit`. */
export const MAX_FILES_PER_UPLOAD = 10

const MB = 1024 * 1024

export const tooLargeMessage = (name: string, maxSizeMB: number) => `${name} 超过 ${maxSizeMB} MB 上限`

/** The size limit of a field: its own `maxSizeMB` within the server-wide HALL_UPLOAD_MAX_MB. */
export const sizeLimitMB = (rules: UploadRules, maxMB: number) => Math.min(rules.maxSizeMB ?? maxMB, maxMB)

/** A file that passed every check, ready to be stored. */
export interface CheckedFile {
  name: string
  mime: string
  bytes: Uint8Array
}

/**
 * Checks an upload the way the renderer does (count, size, `accept`) and then what the browser
 * cannot: the type read from the bytes, which must be allowed and match the extension. All files
 * pass or none is stored; every problem is named per file (`files.0`).
 */
export async function checkUpload(parts: readonly File[], rules: UploadRules, maxMB: number): Promise<CheckedFile[]> {
  if (parts.length === 0) throw new ApiError(400, 'FILE_MISSING', '没有收到文件', { files: '请选择要上传的文件' })
  const limit = Math.min(rules.limit ?? MAX_FILES_PER_UPLOAD, MAX_FILES_PER_UPLOAD)
  if (parts.length > limit) throw new ApiError(400, 'TOO_MANY_FILES', `一次最多上传 ${limit} 个文件`, { files: `最多 ${limit} 个文件，收到 ${parts.length} 个` })
  const maxSizeMB = sizeLimitMB(rules, maxMB)
  const tooLarge: Record<string, string> = {}
  const badType: Record<string, string> = {}
  const checked: CheckedFile[] = []
  for (const [index, part] of parts.entries()) {
    const key = `files.${index}`
    const name = sanitizeFileName(part.name)
    if (part.size > maxSizeMB * MB) {
      tooLarge[key] = tooLargeMessage(name, maxSizeMB)
      continue
    }
    const bytes = new Uint8Array(await part.arrayBuffer())
    const problem = typeProblem(name, bytes, rules.accept)
    if (typeof problem === 'string') badType[key] = problem
    else checked.push({ name, mime: problem.mime, bytes })
  }
  if (Object.keys(tooLarge).length) throw new ApiError(413, 'FILE_TOO_LARGE', `文件超过 ${maxSizeMB} MB 上限，未保存任何文件`, { ...tooLarge, ...badType })
  if (Object.keys(badType).length) throw new ApiError(415, 'FILE_TYPE_REJECTED', '文件类型不被接受，未保存任何文件', badType)
  return checked
}

/** The reason a file is refused, or its type as served (the submit re-check asks this of stored bytes too). */
export function typeProblem(name: string, bytes: Uint8Array, accept: string | undefined): string | { mime: string } {
  const detected = sniffType(bytes)
  if (!detected) return `${name} 的内容不是允许的类型（PDF、图片、Word、Excel、文本）`
  const typed = typeForName(detected, name)
  if (!typed) return `${name} 的内容是${detected.label}，与文件扩展名不符`
  if (!accepts({ name, type: typed.mime }, accept)) return `${name} 不是本栏接受的类型（${accept}）`
  return { mime: typed.mime }
}
