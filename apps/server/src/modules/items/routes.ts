import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { targetUnit } from '../org/access'
import { UnitQuery } from '../org/schemas'
import { publishItem, republishVersion } from './publish'
import {
  CatalogEntry, DiffQuery, Draft, DraftConflictBody, DraftSave, Item, ItemCreate, ItemDiff, ItemListQuery, ItemWithDraft,
  PublishInput, PublishInvalidBody, Published, Version, VersionParam, VersionSummary,
} from './schemas'
import { createItem, getItem, listItems, saveDraft, setItemStatus } from './service'
import { diffVersions, getVersion, listVersions, publishedCatalog } from './versions'

const tags = ['items']
const conflictBody = { 409: jsonResponse(DraftConflictBody, 'Someone saved the draft since this revision; nothing was changed') }

const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Items of a unit (filter by department, status, code or name)',
  request: { query: ItemListQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(Item) }), 'Items'), ...commonErrors },
})
const published = createRoute({
  method: 'get', path: '/published', tags, summary: 'The hall catalog: active items with their latest version\'s guide',
  request: { query: UnitQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(CatalogEntry) }), 'Published items'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Create an item with its first draft',
  request: { query: UnitQuery, ...jsonBody(ItemCreate) },
  responses: { 201: jsonResponse(ItemWithDraft, 'Created'), ...commonErrors, ...conflictError },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'An item and its draft',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ItemWithDraft, 'The item'), ...commonErrors },
})
const save = createRoute({
  method: 'put', path: '/{id}/draft', tags, summary: 'Save the draft (structural checks only); a stale revision gets 409 with the current draft',
  request: { params: IdParam, ...jsonBody(DraftSave) },
  responses: { 200: jsonResponse(Draft, 'Saved'), ...commonErrors, ...conflictBody },
})
const publish = createRoute({
  method: 'post', path: '/{id}/publish', tags, summary: 'Check guide, form, process and bindings, then freeze the draft as version n+1',
  request: { params: IdParam, ...jsonBody(PublishInput) },
  responses: {
    201: jsonResponse(Published, 'Published; warnings did not block it'),
    ...commonErrors,
    ...conflictBody,
    422: jsonResponse(PublishInvalidBody, 'Every problem found; nothing was published'),
  },
})
const versions = createRoute({
  method: 'get', path: '/{id}/versions', tags, summary: 'Published versions, newest first',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(VersionSummary) }), 'Versions'), ...commonErrors },
})
const version = createRoute({
  method: 'get', path: '/{id}/versions/{version}', tags, summary: 'One published version with its content',
  request: { params: VersionParam },
  responses: { 200: jsonResponse(Version, 'The version'), ...commonErrors },
})
const diff = createRoute({
  method: 'get', path: '/{id}/diff', tags, summary: 'Readable difference of two versions, or a version and the draft',
  request: { params: IdParam, query: DiffQuery },
  responses: { 200: jsonResponse(ItemDiff, 'Guide fields, form fields and BPMN elements that differ'), ...commonErrors },
})
const republish = createRoute({
  method: 'post', path: '/{id}/versions/{version}/republish', tags, summary: 'Publish an old version again as version n+1 and reset the draft to it',
  request: { params: VersionParam },
  responses: { 201: jsonResponse(VersionSummary, 'The new version'), ...commonErrors, 422: jsonResponse(PublishInvalidBody, 'The old process no longer deploys') },
})
const statusRoute = <P extends string>(path: P, summary: string) =>
  createRoute({ method: 'post', path, tags, summary, request: { params: IdParam }, responses: { 200: jsonResponse(Item, 'The item'), ...commonErrors } })
const retire = statusRoute('/{id}/retire', 'Retire: no new cases; running cases go on')
const reactivate = statusRoute('/{id}/reactivate', 'Accept new cases again')

/** Service items: drafts with conflict detection, publish checks, immutable versions, diffs, retirement. */
export const itemRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const { unitId, ...filter } = c.req.valid('query')
    return c.json({ items: await listItems(c.get('deps').database.db, actor, targetUnit(actor, unitId), filter) }, 200)
  })
  .openapi(published, async (c) => {
    const actor = requireActor(c)
    return c.json({ items: await publishedCatalog(c.get('deps').database.db, actor, targetUnit(actor, c.req.valid('query').unitId)) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    return c.json(await createItem(c.get('deps').database.db, actor, c.get('meta'), unitId, c.req.valid('json')), 201)
  })
  .openapi(get, async (c) => c.json(await getItem(c.get('deps').database.db, requireActor(c), c.req.valid('param').id), 200))
  .openapi(save, async (c) => {
    const { database, now } = c.get('deps')
    const result = await saveDraft(database.db, requireActor(c), c.get('meta'), now(), c.req.valid('param').id, c.req.valid('json'))
    if (result.ok) return c.json(result.draft, 200)
    const by = result.current.updatedBy?.name ?? '他人'
    return c.json({ error: { code: 'VERSION_CONFLICT', message: `草稿已被${by}修改（第 ${result.current.revision} 版），请选择保留我的、采用对方的或对比后合并` }, current: result.current }, 409)
  })
  .openapi(publish, async (c) => {
    const { database, now } = c.get('deps')
    const result = await publishItem(database.db, requireActor(c), c.get('meta'), now, c.req.valid('param').id, c.req.valid('json'))
    if (result.ok) return c.json({ version: result.version, warnings: result.warnings }, 201)
    if ('stale' in result) {
      return c.json({ error: { code: 'VERSION_CONFLICT', message: '草稿在你打开之后已被修改，请先查看最新草稿再发布' }, current: result.stale }, 409)
    }
    const errors = result.problems.filter((p) => p.severity === 'error').length
    return c.json({ error: { code: 'PUBLISH_INVALID', message: `发布前须解决 ${errors} 个问题，本次未发布` }, problems: result.problems }, 422)
  })
  .openapi(versions, async (c) => c.json({ items: await listVersions(c.get('deps').database.db, requireActor(c), c.req.valid('param').id) }, 200))
  .openapi(version, async (c) => {
    const { id, version: number } = c.req.valid('param')
    return c.json(await getVersion(c.get('deps').database.db, requireActor(c), id, number), 200)
  })
  .openapi(diff, async (c) => {
    const { from, to } = c.req.valid('query')
    return c.json(await diffVersions(c.get('deps').database.db, requireActor(c), c.req.valid('param').id, from, to), 200)
  })
  .openapi(republish, async (c) => {
    const { database, now } = c.get('deps')
    const { id, version: number } = c.req.valid('param')
    return c.json(await republishVersion(database.db, requireActor(c), c.get('meta'), now, id, number), 201)
  })
  .openapi(retire, async (c) => c.json(await setItemStatus(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id, 'retired'), 200))
  .openapi(reactivate, async (c) => c.json(await setItemStatus(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id, 'active'), 200))
