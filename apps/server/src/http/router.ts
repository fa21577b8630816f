import { OpenAPIHono } from '@hono/zod-openapi'
import { ApiError, fieldsOf } from './errors'
import type { AppEnv } from './context'

/**
 * A router whose zod validation failures become `400 VALIDATION_FAILED` with the message per field,
 * so every module answers bad input the same way.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(400, 'VALIDATION_FAILED', '输入有误，请检查标出的字段', fieldsOf(result.error))
      }
    },
  })
}
