import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { EXTENSION_STATUSES } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import {
  commonErrors,
  conflictError,
  IdParam,
  jsonBody,
  jsonResponse,
} from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import type { Caller } from '../cases/service'
import { oversightScope } from './access'
import { complaintRoutes } from './complaint-routes'
import { BOARD_STATES, supervisionBoard } from './board'
import {
  decideExtension,
  describeExtension,
  EXTENSION_LIMIT_DAYS,
  listExtensions,
  requestExtension,
} from './extensions'

const Id = z.string().min(1).max(64)
const Paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}

const BoardRow = z
  .object({
    taskId: z.string(),
    caseId: z.string(),
    caseNo: z.string().nullable(),
    itemId: z.string(),
    itemName: z.string(),
    windowId: z.string(),
    windowName: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    step: z.string(),
    handlers: z.array(z.object({ id: z.string(), name: z.string() })),
    startedAt: z.string(),
    stepDue: z.string().nullable(),
    promiseDue: z.string().nullable(),
    state: z.enum(BOARD_STATES),
    suspended: z.boolean(),
    suspensions: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
    suspendedWorkingMs: z
      .number()
      .openapi({ description: 'Office time the case clock stood still during this step' }),
    elapsedWorkingMs: z
      .number()
      .openapi({ description: 'Office time the step has run, suspensions excluded' }),
  })
  .openapi('SupervisionBoardRow')

const Extension = z
  .object({
    id: z.string(),
    caseId: z.string(),
    taskId: z.string(),
    workingDays: z.number(),
    reason: z.string(),
    status: z.enum(EXTENSION_STATUSES),
    requestedBy: z.string(),
    createdAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .openapi('ExtensionRequest')
const ExtensionListed = Extension.extend({
  caseNo: z.string().nullable(),
  itemName: z.string(),
  promiseDue: z.string().nullable(),
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
})

const board = createRoute({
  method: 'get',
  path: '/board',
  tags: ['supervision'],
  summary:
    'Every open step of every running case I oversee (supervision office, window heads, unit admins), with its state',
  request: {
    query: z.object({
      windowId: Id.optional(),
      departmentId: Id.optional(),
      handlerId: Id.optional(),
      itemId: Id.optional(),
      state: z.enum(BOARD_STATES).optional(),
      ...Paging,
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ total: z.number(), items: z.array(BoardRow) }),
      'Steps, the most urgent due first',
    ),
    ...commonErrors,
  },
})
const listRequests = createRoute({
  method: 'get',
  path: '/extensions',
  tags: ['supervision'],
  summary: 'Extension requests (延期) I asked for or may decide',
  request: { query: z.object({ status: z.enum(EXTENSION_STATUSES).optional(), ...Paging }) },
  responses: {
    200: jsonResponse(
      z.object({ limitDays: z.number(), items: z.array(ExtensionListed) }),
      'Newest first',
    ),
    ...commonErrors,
  },
})
const createRequest = createRoute({
  method: 'post',
  path: '/extensions',
  tags: ['supervision'],
  summary: 'Ask to extend a case I am handling by n working days',
  request: jsonBody(
    z.strictObject({
      caseId: Id,
      workingDays: z.number().int().min(1).max(EXTENSION_LIMIT_DAYS),
      reason: z.string().trim().min(2, '请写明延期理由').max(1000),
    }),
  ),
  responses: {
    201: jsonResponse(Extension, 'Waiting for the window head or supervision office'),
    ...commonErrors,
    ...conflictError,
  },
})
const decide = createRoute({
  method: 'post',
  path: '/extensions/{id}/decision',
  tags: ['supervision'],
  summary: 'Approve (moves every due date) or refuse an extension request',
  request: {
    params: IdParam,
    ...jsonBody(
      z.strictObject({
        decision: z.enum(['approve', 'refuse']),
        note: z.string().trim().max(1000).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(Extension, 'Decided'), ...commonErrors, ...conflictError },
})

const caller = (c: Context<AppEnv>): Caller => ({
  deps: c.get('deps'),
  actor: requireActor(c),
  meta: c.get('meta'),
})

/** /api/supervision: the electronic supervision board (电子监察), extension requests (延期) and complaints (投诉认定). */
export const supervisionRoutes = createRouter()
  .openapi(board, async (c) => {
    const { db } = c.get('deps').database
    const scope = await oversightScope(db, requireActor(c))
    return c.json(await supervisionBoard(db, scope, c.req.valid('query'), c.get('deps').now()), 200)
  })
  .openapi(listRequests, async (c) => {
    const items = await listExtensions(
      c.get('deps').database.db,
      requireActor(c),
      c.req.valid('query'),
    )
    return c.json({ limitDays: EXTENSION_LIMIT_DAYS, items }, 200)
  })
  .openapi(createRequest, async (c) =>
    c.json(describeExtension(await requestExtension(caller(c), c.req.valid('json'))), 201),
  )
  .openapi(decide, async (c) => {
    const { decision, note } = c.req.valid('json')
    return c.json(
      describeExtension(
        await decideExtension(caller(c), c.req.valid('param').id, {
          approve: decision === 'approve',
          note,
        }),
      ),
      200,
    )
  })
  .route('/complaints', complaintRoutes)
