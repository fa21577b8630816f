import { createRoute, z } from '@hono/zod-openapi'
import { ABSENCE_KINDS } from '../../../db/schema'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { engineOf } from '../../cases/engine'
import { targetUnit } from '../access'
import { handOverTasks } from '../handovers/sweep'
import { Id, UnitQuery } from '../schemas'
import { createAbsence, deleteAbsence, listAbsences } from './service'

const Absence = z
  .object({
    id: z.string(),
    unitId: z.string(),
    userId: z.string(),
    kind: z.enum(ABSENCE_KINDS),
    startsAt: z.date(),
    endsAt: z.date(),
    reason: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .openapi('Absence')

const AbsenceInput = z.strictObject({
  userId: Id,
  kind: z.enum(ABSENCE_KINDS),
  startsAt: z.iso.datetime({ offset: true, message: '请输入带时区的时间，如 2026-10-08T08:30:00+08:00' }).transform((value) => new Date(value)),
  endsAt: z.iso.datetime({ offset: true, message: '请输入带时区的时间，如 2026-10-09T18:00:00+08:00' }).transform((value) => new Date(value)),
  reason: z.string().trim().max(500).nullable().default(null),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Absences (leave, business trips) of a unit',
  request: { query: UnitQuery.extend({ userId: Id.optional(), activeAt: z.coerce.date().optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Absence) }), 'Absences'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Record an absence (refused if a post would be left with nobody present)',
  request: { query: UnitQuery, ...jsonBody(AbsenceInput) },
  responses: { 201: jsonResponse(Absence, 'Recorded'), ...commonErrors, ...conflictError },
})
const remove = createRoute({
  method: 'delete', path: '/{id}', tags: ['org'], summary: 'Delete an absence',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})

export const absenceRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const { unitId, ...query } = c.req.valid('query')
    return c.json({ items: await listAbsences(c.get('deps').database.db, actor, targetUnit(actor, unitId), query) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    const deps = c.get('deps')
    const absence = await createAbsence(deps.database.db, actor, c.get('meta'), unitId, c.req.valid('json'))
    // An absence under way hands its holder's open tasks to the B holder at once, not at the worker's next round.
    await handOverTasks(deps.database.db, engineOf(deps), deps.now())
    return c.json(absence, 201)
  })
  .openapi(remove, async (c) => {
    const deps = c.get('deps')
    await deleteAbsence(deps.database.db, requireActor(c), c.get('meta'), c.req.valid('param').id)
    await handOverTasks(deps.database.db, engineOf(deps), deps.now())
    return c.body(null, 204)
  })
