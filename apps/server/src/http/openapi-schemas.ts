import { z } from '@hono/zod-openapi'

/** The error shape, documented once and referenced by every route. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string().openapi({ example: '输入有误，请检查标出的字段' }),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error')

const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

/** Failure responses every authenticated route may give. */
export const commonErrors = {
  400: errorResponse('Invalid input; `fields` names each bad field'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Signed in but not allowed, or CSRF token missing'),
  404: errorResponse('No such object visible to the caller'),
  413: errorResponse('Request body too large'),
} as const

/** For writes that can clash with existing data (duplicate code, non-empty department, version). */
export const conflictError = { 409: errorResponse('Conflicts with the current data; nothing was changed') } as const

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) })
