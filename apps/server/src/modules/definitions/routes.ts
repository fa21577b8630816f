import { createRoute, z } from '@hono/zod-openapi'
import { forbidden } from '../../http/errors'
import type { Actor } from '../../http/context'
import { commonErrors, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { Bpmn, OrgFixture, Problem, Scenario, TraceLine } from './schemas'
import { simulateDefinition, validateDefinition } from './service'
import { unitOrgFixture } from './unit-org'

const DESIGNER_ROLES = new Set(['platform_admin', 'unit_admin', 'hall_admin'])

/** Only the people who design items may run the checks (they read the unit's organisation). */
function requireDesigner(actor: Actor): void {
  if (!actor.roles.some((grant) => DESIGNER_ROLES.has(grant.role))) throw forbidden('只有管理员可以使用流程设计器')
}

const validate = createRoute({
  method: 'post', path: '/validate', tags: ['definitions'], summary: 'The engine\'s deploy check of a BPMN document, as a problem list (empty: it would deploy)',
  request: jsonBody(z.strictObject({ bpmn: Bpmn })),
  responses: { 200: jsonResponse(z.object({ problems: z.array(Problem) }), 'Every problem found'), ...commonErrors },
})

const simulateRoute = createRoute({
  method: 'post', path: '/simulate', tags: ['definitions'], summary: 'Test run: the engine\'s simulation on a virtual clock; `org: "unit"` assigns the caller\'s unit\'s real people',
  request: jsonBody(z.strictObject({ bpmn: Bpmn, scenario: Scenario, org: z.union([z.literal('unit'), OrgFixture]).optional() })),
  responses: {
    200: jsonResponse(z.object({ ok: z.boolean(), trace: z.array(TraceLine), failures: z.array(z.string()) }), 'The trace; ok when every step held'),
    ...commonErrors,
  },
})

/** Read-only checks for the process designer: nothing is stored, so nothing is audited. */
export const definitionRoutes = createRouter()
  .openapi(validate, async (c) => {
    requireDesigner(requireActor(c))
    return c.json({ problems: await validateDefinition(c.req.valid('json').bpmn) }, 200)
  })
  .openapi(simulateRoute, async (c) => {
    const actor = requireActor(c)
    requireDesigner(actor)
    const { bpmn, scenario, org } = c.req.valid('json')
    const fixture = org === 'unit' ? await unitOrgFixture(c.get('deps').database.db, actor.unitId) : org
    return c.json(await simulateDefinition(bpmn, scenario, fixture), 200)
  })
