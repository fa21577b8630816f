import { ref, shallowRef } from 'vue'
import type { EnumOption, FormSchema, LintCatalog } from '@hall/form-schema'
import { api, call } from '@hall/web-common'

/** One pre-fill source the data center offers, with the signed-in admin's own value as a sample. */
export interface CatalogEntry {
  readonly path: string
  readonly label: string
  readonly type: string
  readonly dictionary?: string
  readonly sensitive?: string
  readonly sample: unknown
}

/** The data center's catalog, loaded once per page and shared by every picker. */
const catalog = shallowRef<readonly CatalogEntry[]>([])
const catalogError = ref<unknown>()
let loading: Promise<void> | undefined

/** The catalog (loaded on first use); `error` is set when the server could not be reached. */
export function useCatalog() {
  loading ??= call(api.datacenter.catalog.$get())
    .then(({ items }) => {
      catalog.value = items
    })
    .catch((error: unknown) => {
      catalogError.value = error
      loading = undefined
    })
  return { catalog, error: catalogError }
}

const codeTables = new Map<string, Promise<EnumOption[]>>()

/** A code table of the admin's unit as options (cached; an unknown table answers an empty list). */
export function loadCodeTable(table: string): Promise<EnumOption[]> {
  let options = codeTables.get(table)
  if (!options) {
    options = call(api.datacenter.codes[':table'].$get({ param: { table } })).then(({ items }) =>
      items.map(({ value, label }) => ({ value, label })),
    )
    options.catch(() => codeTables.delete(table))
    codeTables.set(table, options)
  }
  return options
}

/** Pre-fill of a form for the signed-in user: the server only ever pre-fills for its caller. */
export function prefillForMe(schema: FormSchema) {
  return call(api.datacenter.prefill.$post({ json: { schema } }))
}

/** What lint checks names against: the catalog's paths and the item's materials. */
export function lintCatalogOf(entries: readonly CatalogEntry[], materials: readonly string[] | undefined): LintCatalog {
  const after = (scheme: string) =>
    entries.filter((entry) => entry.path.startsWith(`${scheme}:`)).map((entry) => entry.path.slice(scheme.length + 1))
  return {
    ...(entries.length > 0 ? { dataCenterPaths: after('dc'), userAttributes: after('user') } : {}),
    ...(materials ? { materials } : {}),
  }
}
