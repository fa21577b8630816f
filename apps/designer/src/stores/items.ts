import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ApiError, api, call, type OkBody } from '@hall/web-common'

type ItemsCall = typeof api.items
/** An item as the list and the item pages show it. */
export type ItemSummary = OkBody<Awaited<ReturnType<ItemsCall['$get']>>>['items'][number]
export type ItemWithDraft = OkBody<Awaited<ReturnType<ItemsCall[':id']['$get']>>>
export type ItemDraft = ItemWithDraft['draft']
export type VersionSummary = OkBody<Awaited<ReturnType<ItemsCall[':id']['versions']['$get']>>>['items'][number]
export type ItemDiff = OkBody<Awaited<ReturnType<ItemsCall[':id']['diff']['$get']>>>
export type Department = OkBody<Awaited<ReturnType<typeof api.org.departments.$get>>>['items'][number]

/** One publish problem, as the server lists them (`part` guide | form | process | binding). */
export interface PublishProblem {
  part: 'guide' | 'form' | 'process' | 'binding'
  severity: 'error' | 'warning'
  path?: string
  elementId?: string
  message: string
}

export interface ListFilter {
  deptId?: string
  status?: 'active' | 'retired'
  q?: string
}

export type DraftContent = Pick<ItemDraft, 'form' | 'bpmn'> & { guide: Record<string, unknown> }

/** What a save answers: the saved draft, or the one someone else saved first. */
export type SaveOutcome = { ok: true; draft: ItemDraft } | { ok: false; current: ItemDraft }

/** What publish answers: the new version (with warnings), every problem found, or a newer draft. */
export type PublishOutcome =
  | { ok: true; version: VersionSummary; warnings: PublishProblem[] }
  | { ok: false; problems: PublishProblem[] }
  | { ok: false; current: ItemDraft }

/** Reads a 409 or 422 answer's extra body (`current`, `problems`) that `call()` does not keep. */
async function readFailure<T>(response: Response, status: number): Promise<T | undefined> {
  if (response.status !== status) return undefined
  return (await response.clone().json()) as T
}

/**
 * Items of the signed-in administrator's unit: the list, drafts with conflict detection, publish,
 * versions and their diffs. Calls go through the typed client, so a changed route breaks the build.
 */
export const useItemsStore = defineStore('items', () => {
  const items = ref<ItemSummary[]>([])
  const departments = ref<Department[]>([])
  const loading = ref(false)

  async function load(filter: ListFilter = {}): Promise<void> {
    loading.value = true
    try {
      const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''))
      items.value = (await call(api.items.$get({ query }))).items
    } finally {
      loading.value = false
    }
  }

  async function loadDepartments(): Promise<void> {
    departments.value = (await call(api.org.departments.$get({ query: {} }))).items
  }

  async function create(input: { code: string; name: string; deptId: string }): Promise<ItemWithDraft> {
    const created = await call(api.items.$post({ query: {}, json: input }))
    items.value = [...items.value, created.item].sort((a, b) => a.code.localeCompare(b.code))
    return created
  }

  const get = (id: string) => call(api.items[':id'].$get({ param: { id } }))

  async function saveDraft(id: string, content: DraftContent, revision: number): Promise<SaveOutcome> {
    const response = await api.items[':id'].draft.$put({ param: { id }, json: { ...content, revision } })
    const conflict = await readFailure<{ current: ItemDraft }>(response, 409)
    if (conflict) return { ok: false, current: conflict.current }
    return { ok: true, draft: await call(Promise.resolve(response)) }
  }

  async function publish(id: string, input: { revision?: number; note?: string } = {}): Promise<PublishOutcome> {
    const response = await api.items[':id'].publish.$post({ param: { id }, json: input })
    const invalid = await readFailure<{ problems: PublishProblem[] }>(response, 422)
    if (invalid) return { ok: false, problems: invalid.problems }
    const conflict = await readFailure<{ current: ItemDraft }>(response, 409)
    if (conflict) return { ok: false, current: conflict.current }
    const published = await call(Promise.resolve(response))
    replace(await get(id).then((answer) => answer.item))
    return { ok: true, ...published }
  }

  const versions = async (id: string) => (await call(api.items[':id'].versions.$get({ param: { id } }))).items

  const diff = (id: string, from: number, to: number | 'draft') =>
    call(api.items[':id'].diff.$get({ param: { id }, query: { from: String(from), to: String(to) } }))

  const republish = (id: string, version: number) =>
    call(api.items[':id'].versions[':version'].republish.$post({ param: { id, version: String(version) } }))

  function replace(item: ItemSummary): void {
    items.value = items.value.map((existing) => (existing.id === item.id ? item : existing))
  }

  async function setRetired(id: string, retired: boolean): Promise<ItemSummary> {
    const param = { param: { id } }
    const item = await call(retired ? api.items[':id'].retire.$post(param) : api.items[':id'].reactivate.$post(param))
    replace(item)
    return item
  }

  return { items, departments, loading, load, loadDepartments, create, get, saveDraft, publish, versions, diff, republish, setRetired }
})

export { ApiError }
