import { FORMATS, type FormatName } from '@hall/form-schema'
import { z } from '@hono/zod-openapi'

/**
 * A zod string checked by the same national-format rules the forms use (GB 11643 ID check digit,
 * GB 32100 credit code, mainland mobile…), with the forms' zh-CN message.
 */
export function nationalFormat(name: FormatName) {
  const format = FORMATS[name]
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const verdict = format.check(value)
      if (!verdict.ok) {
        const messages = format.messages['zh-CN']
        ctx.addIssue({ code: 'custom', message: messages[verdict.reason] ?? messages.invalid ?? '格式不正确' })
      }
    })
}
