import { checkLandline, checkMobile } from '@hall/form-schema'
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { commonErrors, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import type { Caller } from '../cases/service'
import { getConsultation, listConsultations, registerConsultation, setReferralCompleted } from './service'

const Id = z.string().min(1).max(64)
const Text = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max)
/** A mobile number by the national rules, or a landline with its area code. */
const Contact = z
  .string()
  .trim()
  .refine((value) => checkMobile(value).ok || checkLandline(value).ok, '请输入有效的11位手机号码或带区号的固定电话')
const Flag = z.enum(['true', 'false']).transform((value) => value === 'true')

const Consultation = z
  .object({
    id: z.string(), deptId: z.string(), deptName: z.string(), name: z.string(), contact: z.string(), question: z.string(),
    itemId: z.string().nullable(), referredDeptId: z.string().nullable(), referredDeptName: z.string().nullable(),
    handledBy: z.string(), handlerName: z.string(), referralCompleted: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  })
  .openapi('Consultation')

const register = createRoute({
  method: 'post', path: '/', tags: ['consultations'], summary: '首问登记: who asked what, and which window it was referred to',
  request: {
    ...jsonBody(
      z.strictObject({
        deptId: Id.optional().openapi({ description: 'The window asked first; defaults to the clerk’s own window' }),
        name: Text('咨询人姓名', 100),
        contact: Contact,
        question: Text('咨询内容', 4000),
        itemId: Id.optional(),
        referredDeptId: Id.optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse(Consultation, 'Registered'), ...commonErrors },
})
const list = createRoute({
  method: 'get', path: '/', tags: ['consultations'], summary: 'The first-ask register of my windows (heads and admins: the unit); contacts masked',
  request: {
    query: z.object({
      deptId: Id.optional(),
      referred: Flag.optional(),
      referralCompleted: Flag.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Consultation) }), 'Newest first'), ...commonErrors },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags: ['consultations'], summary: 'One consultation with the full contact',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Consultation, 'The consultation'), ...commonErrors },
})
const complete = createRoute({
  method: 'patch', path: '/{id}', tags: ['consultations'], summary: 'Mark the referral completed (the person was served where they were sent)',
  request: { params: IdParam, ...jsonBody(z.strictObject({ referralCompleted: z.boolean() })) },
  responses: { 200: jsonResponse(Consultation, 'Updated'), ...commonErrors },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** /api/consultations: the first-ask register (首问登记) of window staff. */
export const consultationRoutes = createRouter()
  .openapi(register, async (c) => {
    const row = await registerConsultation(caller(c), c.req.valid('json'))
    return c.json(await getConsultation(c.get('deps').database.db, requireActor(c), row.id), 201)
  })
  .openapi(list, async (c) => c.json({ items: await listConsultations(c.get('deps').database.db, requireActor(c), c.req.valid('query')) }, 200))
  .openapi(get, async (c) => c.json(await getConsultation(c.get('deps').database.db, requireActor(c), c.req.valid('param').id), 200))
  .openapi(complete, async (c) => c.json(await setReferralCompleted(caller(c), c.req.valid('param').id, c.req.valid('json').referralCompleted), 200))
