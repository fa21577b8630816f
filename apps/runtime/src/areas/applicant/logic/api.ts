import type { FormSchema } from '@hall/form-schema'
import type { Guide } from '@hall/guide'
import { api, call, type OkBody } from '@hall/web-common'

/** One published item of the hall catalog, its guide typed as the server's guide contract. */
export type CatalogItem = Omit<
  OkBody<Awaited<ReturnType<typeof api.items.published.$get>>>['items'][number],
  'guide'
> & { guide: Guide }

/** A case as `GET /api/cases/{id}` answers it. */
export type CaseDetail = OkBody<Awaited<ReturnType<(typeof api.cases)[':id']['$get']>>>

/** A message the case waits for from me (销假): `GET /api/cases/{id}` lists them as `awaiting`. */
export type AwaitedMessage = CaseDetail['awaiting'][number]

/** A case as the lists show it. */
export type CaseSummary = OkBody<Awaited<ReturnType<typeof api.cases.$get>>>['items'][number]

/** The published items of my unit; the server stores each guide complete (defaults filled in). */
export async function loadCatalog(): Promise<CatalogItem[]> {
  const { items } = await call(api.items.published.$get({ query: {} }))
  return items.map((item) => ({ ...item, guide: item.guide as unknown as Guide }))
}

export const createCase = (itemId: string) => call(api.cases.$post({ json: { itemId, data: {} } }))
export const loadCase = (id: string) => call(api.cases[':id'].$get({ param: { id } }))
export const saveCase = (id: string, data: Record<string, unknown>, revision: number) =>
  call(api.cases[':id'].$patch({ param: { id }, json: { data, revision } }))
export const submitCase = (id: string, data: Record<string, unknown>, revision: number) =>
  call(api.cases[':id'].submit.$post({ param: { id }, json: { data, revision } }))
export const deliverMessage = (id: string, messageName: string, comment: string) =>
  call(
    api.cases[':id'].messages.$post({
      param: { id },
      json: { messageName, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  )
export const myCases = () => call(api.cases.$get({ query: { scope: 'mine', limit: '200' } }))

/** The data center's values for me; every field it could not fill comes back with a notice. */
export const prefillForMe = (schema: FormSchema) =>
  call(api.datacenter.prefill.$post({ json: { schema } }))

export const loadCodeTable = (table: string) =>
  call(api.datacenter.codes[':table'].$get({ param: { table } })).then(({ items }) =>
    items.map(({ value, label }) => ({ value, label })),
  )
