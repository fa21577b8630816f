import { ElMessage } from 'element-plus'
import { ApiError } from '../api/api-error'

/** The part of a vue-i18n composer (`useI18n()` or `i18n.global`) these helpers use. */
export interface Translator {
  t(key: string, named: Record<string, unknown>): string
  te(key: string): boolean
  readonly locale: { readonly value: string }
}

/**
 * The sentence to show a person for a failed call.
 *
 * In zh-CN the server's own message wins: it is written for people and may carry details
 * (how long a lock lasts). In other languages our translation of the code wins, since the
 * server only speaks zh-CN; its message remains the fallback for codes we do not know.
 */
export function describeError(error: unknown, i18n: Translator): string {
  const { t, te } = i18n
  if (!(error instanceof ApiError)) return t('errors.unknown', { code: String(error) })
  const key = `errors.${error.code}`
  const translated = te(key) ? t(key, { status: error.status }) : undefined
  const preferServer = i18n.locale.value === 'zh-CN'
  const message = preferServer
    ? (error.serverMessage ?? translated)
    : (translated ?? error.serverMessage)
  return message ?? t('errors.unknown', { code: error.code })
}

/** Shows a failed call as an error toast; forms should show field errors themselves. */
export function showApiError(error: unknown, i18n: Translator): void {
  ElMessage.error({ message: describeError(error, i18n), grouping: true, showClose: true })
}
