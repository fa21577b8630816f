import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'

/** The one JSON shape of every failure: `{ "error": { "code", "message", "fields"? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> }
}

/**
 * An error a client can act on: a stable `code` (e.g. `VERSION_CONFLICT`), a zh-CN message for
 * people and, for bad input, the message per field path.
 */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }
}

/** 404 for objects that do not exist *or* belong to someone the caller may not see: existence does not leak. */
export const notFound = (what: string, id?: string) =>
  new ApiError(404, 'NOT_FOUND', id ? `${what}不存在：${id}` : `${what}不存在`)

export const forbidden = (message = '没有权限执行此操作') => new ApiError(403, 'FORBIDDEN', message)

export const badInput = (fields: Record<string, string>, message = '输入有误，请检查标出的字段') =>
  new ApiError(400, 'VALIDATION_FAILED', message, fields)

export const conflict = (code: string, message: string, fields?: Record<string, string>) =>
  new ApiError(409, code, message, fields)

/** Turns zod issues into `{ "a.b.0": "message" }`, naming unknown keys by their own path. */
export function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不允许的字段'
      continue
    }
    const path = issue.path.join('.') || '(body)'
    fields[path] ??= issue.message
  }
  return fields
}

/** The app's single `onError`: every failure leaves in the one shape; only real faults are 500s. */
export function toErrorResponse(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return c.json(body(error.code, error.message, error.fields), error.status)
  if (error instanceof HTTPException) {
    const status = error.status
    if (status === 413) return c.json(body('PAYLOAD_TOO_LARGE', '请求内容过大'), 413)
    if (status === 400 && /JSON/i.test(error.message)) return c.json(body('MALFORMED_JSON', '请求体不是合法的 JSON'), 400)
    return c.json(body(`HTTP_${status}`, error.message || '请求无法处理'), status as ContentfulStatusCode)
  }
  const pgCode = postgresCode(error)
  // Races the service checks could not see (two admins creating the same code at once) end here.
  if (pgCode === '23505') return c.json(body('CONFLICT', '与已有数据冲突（重复），未做任何更改'), 409)
  if (pgCode === '23503') return c.json(body('CONFLICT', '引用的数据不存在或仍被引用，未做任何更改'), 409)
  c.get('log')?.error({ err: error }, 'unhandled error')
  return c.json(body('INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系管理员'), 500)
}

function body(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } }
}

/** The SQLSTATE of a database error, whichever driver raised it (drizzle wraps it in `cause`). */
function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}
