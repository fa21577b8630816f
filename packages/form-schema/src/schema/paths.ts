/**
 * Field paths. A template path names a field in the schema (`items.amount`);
 * a concrete path names one value in the data (`items[3].amount`). Permissions,
 * references and lint speak template paths; errors and field states speak
 * concrete paths, so a user sees which row is wrong.
 */

/** Joins a parent path and a key, treating '' as the root. */
export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

/** Splits `items[3].amount` into ['items', 3, 'amount']. */
export function splitPath(path: string): (string | number)[] {
  const segments: (string | number)[] = []
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) {
      segments.push(part)
      continue
    }
    if (match[1]) segments.push(match[1])
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]))
  }
  return segments
}

/** Drops row indices: `items[3].amount` → `items.amount`. */
export function templateOf(path: string): string {
  return path.replace(/\[\d+\]/g, '')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads the value at a concrete path; undefined when any step is missing. */
export function getAt(data: unknown, path: string): unknown {
  let current: unknown = data
  for (const segment of splitPath(path)) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined
    else
      current = isRecord(current) && Object.hasOwn(current, segment) ? current[segment] : undefined
    if (current === undefined) return undefined
  }
  return current
}

/**
 * Writes a value at a concrete path of a mutable copy of the data. Returns
 * false when the parent object or row does not exist (nothing is created, so a
 * computed value never invents rows).
 */
export function setAt(data: unknown, path: string, value: unknown): boolean {
  const segments = splitPath(path)
  let parent: unknown = data
  for (const segment of segments.slice(0, -1)) {
    parent =
      typeof segment === 'number'
        ? Array.isArray(parent)
          ? parent[segment]
          : undefined
        : isRecord(parent)
          ? parent[segment]
          : undefined
  }
  const last = segments.at(-1)
  if (last === undefined) return false
  if (typeof last === 'number' ? !Array.isArray(parent) : !isRecord(parent)) return false
  ;(parent as Record<string | number, unknown>)[last] = value
  return true
}

/** Writes a value at a dotted path (no row indices), creating the objects on the way. */
export function assignPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() ?? ''
  let current = target
  for (const key of keys) {
    const next = current[key]
    current = isRecord(next) ? next : (current[key] = {})
  }
  current[last] = value
}

/** Reads every value at a template path, fanning out over sub-table rows: `items.amount` → each row's amount. */
export function getAll(data: unknown, templatePath: string): unknown[] {
  let level: unknown[] = [data]
  for (const segment of splitPath(templatePath)) {
    const next: unknown[] = []
    for (const value of level) {
      const rows = Array.isArray(value) ? value : [value]
      for (const row of rows)
        if (isRecord(row) && Object.hasOwn(row, String(segment))) next.push(row[String(segment)])
    }
    level = next
  }
  return level.flatMap((value) => (Array.isArray(value) ? value : [value]))
}

/**
 * Resolves a template reference from inside a concrete location: a reference
 * into the sub-table the location sits in points to the same row, so
 * `items.type` seen from `items[2].amount` reads `items[2].type`.
 */
export function concretize(reference: string, from: string): string {
  let best = ''
  let bestTemplate = ''
  for (const match of from.matchAll(/\[\d+\]/g)) {
    const concrete = from.slice(0, (match.index ?? 0) + match[0].length)
    const template = templateOf(concrete)
    if (reference === template || reference.startsWith(template + '.')) {
      best = concrete
      bestTemplate = template
    }
  }
  return best === '' ? reference : best + reference.slice(bestTemplate.length)
}

/** Values that count as "not filled in". */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => deepEqual(v, b[i]))
    )
  }
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  )
}

export { isRecord }
