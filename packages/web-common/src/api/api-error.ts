/** The one error shape every API failure carries. */
export interface ApiErrorBody {
  error: { code: string; message?: string; fields?: Record<string, string> }
}

/** Codes the client invents itself, when the server's answer never arrived or was not our JSON. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpected: 'UNEXPECTED_RESPONSE',
} as const

/** A failed API call: the server's `{ error: { code, message, fields } }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Readonly<Record<string, string>>
  /** The server's own (zh-CN) message, if it sent one. */
  readonly serverMessage: string | undefined

  constructor(status: number, body: ApiErrorBody['error']) {
    super(`${status} ${body.code}${body.message ? `: ${body.message}` : ''}`)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.serverMessage = body.message
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  )
}
