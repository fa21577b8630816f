import { z } from '@hono/zod-openapi'

/** Query parameter naming the unit for platform admins; everyone else acts on their own unit. */
export const UnitQuery = z.object({ unitId: z.string().min(1).max(64).optional() })

export const Id = z.string().min(1).max(64)
export const Code = z.string().trim().min(1, '请输入编码').max(64).regex(/^[A-Za-z0-9_.-]+$/, '编码只能包含字母、数字、点、下划线和连字符')
export const Name = z.string().trim().min(1, '请输入名称').max(100)
