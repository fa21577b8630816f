import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { audit } from '../../audit/record'
import { assertCanManage, targetUnit } from '../../org/access'
import { UnitQuery } from '../../org/schemas'
import { ConnectorInput, ConnectorView } from './schemas'
import { deleteConnector, listConnectors, manageableConnector, saveConnector, toView } from './service'
import { testConnector } from './test-run'

const tags = ['datacenter']

const listRoute = createRoute({
  method: 'get', path: '/', tags, summary: 'The unit\'s external connectors (unit admins), secrets masked',
  request: { query: UnitQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(ConnectorView) }), 'Connectors'), ...commonErrors },
})

const createConnectorRoute = createRoute({
  method: 'post', path: '/', tags, summary: 'Configure an external PostgreSQL query or HTTP JSON endpoint',
  request: { query: UnitQuery, ...jsonBody(ConnectorInput) },
  responses: { 201: jsonResponse(ConnectorView, 'Created'), ...commonErrors, ...conflictError },
})

const getRoute = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One connector, secrets masked',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ConnectorView, 'The connector'), ...commonErrors },
})

const replaceRoute = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Replace a connector\'s configuration (masked secrets sent back are kept)',
  request: { params: IdParam, ...jsonBody(ConnectorInput) },
  responses: { 200: jsonResponse(ConnectorView, 'Saved'), ...commonErrors, ...conflictError },
})

const deleteRoute = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Remove a connector',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...commonErrors },
})

const TestResult = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  values: z.array(z.object({ path: z.string(), label: z.string(), type: z.string(), value: z.unknown(), error: z.string().optional() })),
})

const testRoute = createRoute({
  method: 'post', path: '/{id}/test', tags, summary: 'Run a connector for a chosen user of its unit and show the values or the error',
  request: { params: IdParam, ...jsonBody(z.strictObject({ username: z.string().trim().min(1).max(64) })) },
  responses: { 200: jsonResponse(TestResult, 'What the connector gives for that user'), ...commonErrors },
})

/** `/api/datacenter/connectors`: unit admins (and platform admins) configure sources without code. */
export const connectorRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    await assertCanManage(db, actor, unitId)
    return c.json({ items: (await listConnectors(db, unitId)).map(toView) }, 200)
  })
  .openapi(createConnectorRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    await assertCanManage(db, actor, unitId)
    const row = await saveConnector(db, { actor, meta: c.get('meta') }, unitId, c.req.valid('json'))
    return c.json(toView(row), 201)
  })
  .openapi(getRoute, async (c) => {
    const row = await manageableConnector(c.get('deps').database.db, requireActor(c), c.req.valid('param').id)
    return c.json(toView(row), 200)
  })
  .openapi(replaceRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    const stored = await manageableConnector(db, actor, c.req.valid('param').id)
    const row = await saveConnector(db, { actor, meta: c.get('meta') }, stored.unitId, c.req.valid('json'), stored)
    return c.json(toView(row), 200)
  })
  .openapi(deleteRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    await deleteConnector(db, { actor, meta: c.get('meta') }, await manageableConnector(db, actor, c.req.valid('param').id))
    return c.body(null, 204)
  })
  .openapi(testRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    const row = await manageableConnector(db, actor, c.req.valid('param').id)
    const { username } = c.req.valid('json')
    const result = await testConnector(db, row, username, c.get('deps').now())
    // Running a connector reads someone's personal data: logged like a pre-fill.
    await audit(db, { actor, meta: c.get('meta') }, { action: 'datacenter.connector_tested', objectType: 'connector', objectId: row.id, unitId: row.unitId, detail: { username, ok: result.ok } })
    return c.json(result, 200)
  })
