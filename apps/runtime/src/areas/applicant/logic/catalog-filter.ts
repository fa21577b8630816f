import type { CatalogItem } from './api'

export interface CatalogFilter {
  /** Part of the item's name (or code), case-insensitive. */
  q: string
  deptId: string
  theme: string
}

/** The items the applicant asked for: every non-empty criterion must hold. */
export function filterCatalog(items: readonly CatalogItem[], filter: CatalogFilter): CatalogItem[] {
  const q = filter.q.trim().toLowerCase()
  return items.filter(
    (item) =>
      (!q || item.name.toLowerCase().includes(q) || item.code.toLowerCase().includes(q)) &&
      (!filter.deptId || item.deptId === filter.deptId) &&
      (!filter.theme || item.guide.themes.includes(filter.theme)),
  )
}

/** The departments that offer at least one item, for the department filter. */
export function departmentsOf(items: readonly CatalogItem[]): { id: string; name: string }[] {
  const byId = new Map(items.map((item) => [item.deptId, item.deptName]))
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Every theme some guide names, for the theme filter. */
export function themesOf(items: readonly CatalogItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.guide.themes))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  )
}
