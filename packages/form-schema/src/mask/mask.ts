import { instancesOf } from '../schema/instances'
import { setAt } from '../schema/paths'
import { buildTree } from '../schema/tree'
import type { FormValues, FormSchema, SensitiveKind } from '../schema/types'

function stars(count: number): string {
  return '*'.repeat(Math.max(count, 0))
}

/** Keeps `head` leading and `tail` trailing characters; short values keep less so something is always hidden. */
function keepEnds(chars: string[], head: number, tail: number): string {
  if (chars.length <= head + tail)
    return chars.length <= 1 ? stars(chars.length) : chars[0] + stars(chars.length - 1)
  return (
    chars.slice(0, head).join('') +
    stars(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  )
}

const MASKS: Readonly<Record<SensitiveKind, (chars: string[]) => string>> = {
  // 110105********1234: region kept for routing questions, birth date hidden.
  idCard: (c) => keepEnds(c, 6, 4),
  // 138****5678: the way carriers and banks show numbers.
  phone: (c) => keepEnds(c, 3, 4),
  // 张*, 欧阳** : the surname alone identifies nobody.
  name: (c) => (c.length === 0 ? '' : (c[0] ?? '') + stars(c.length - 1)),
  // 6222********7890: the issuing bank and the last four the holder recognises.
  bankCard: (c) => keepEnds(c, 4, 4),
  // 北京市朝阳区****: the district is enough to route, the street and door are not shown.
  address: (c) => c.slice(0, Math.min(6, Math.floor(c.length / 2))).join('') + '****',
}

/**
 * Masks one value of a sensitive kind. Text and numbers are masked; other
 * values come back unchanged (a sensitive field holds text).
 */
export function maskValue(kind: SensitiveKind, value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value
  const text = String(value)
  const chars = [...(kind === 'bankCard' ? text.replace(/\s+/g, '') : text)]
  return MASKS[kind](chars)
}

/**
 * Who may see a kind of personal data in clear: one answer for all, or per
 * kind and field (a clerk may see phones but not ID numbers).
 */
export type SensitiveViewer = boolean | ((kind: SensitiveKind, field: string) => boolean)

/**
 * Returns a copy of the data with every `x-sensitive` field masked for a
 * viewer without need (DOMAIN.md §9), sub-table rows included.
 *
 * @example maskSensitive(data, schema, false) // { idCard: '110105********002X', phone: '138****5678', name: '张*' }
 */
export function maskSensitive(
  data: FormValues,
  schema: FormSchema,
  viewerCanSeeSensitive: SensitiveViewer,
): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>
  if (viewerCanSeeSensitive === true) return copy
  for (const instance of instancesOf(buildTree(schema), copy)) {
    const kind = instance.node.schema['x-sensitive']
    if (kind === undefined || instance.value === undefined) continue
    const canSee =
      typeof viewerCanSeeSensitive === 'function' && viewerCanSeeSensitive(kind, instance.path)
    if (!canSee) setAt(copy, instance.path, maskValue(kind, instance.value))
  }
  return copy
}
