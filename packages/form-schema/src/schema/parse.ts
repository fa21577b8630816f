import { isRecord, joinPath } from './paths'
import { KEY_CHECKS } from './keys'
import type { FormSchema } from './types'

/** Nesting deeper than this is a generated or hostile document, not a form. */
export const MAX_DEPTH = 32
/** More nodes than this would make the form unusable and validation slow. */
export const MAX_FIELDS = 2000

/** One reason a form JSON was rejected: where (template address, '' = root) and what. */
export interface SchemaProblem {
  readonly path: string
  readonly message: string
}

export type ParseResult =
  | { readonly ok: true; readonly schema: FormSchema }
  | { readonly ok: false; readonly problems: readonly SchemaProblem[] }

interface Walk {
  problems: SchemaProblem[]
  fields: number
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

function walkNode(node: unknown, path: string, depth: number, walk: Walk): void {
  if (depth > MAX_DEPTH) {
    walk.problems.push({
      path,
      message: `Expected nesting of at most ${MAX_DEPTH} levels, but the form goes deeper`,
    })
    return
  }
  if (!isRecord(node)) {
    walk.problems.push({
      path,
      message: `Expected a field schema object, but got ${describe(node)}`,
    })
    return
  }
  const unknown = Object.keys(node).filter(
    (key) => key.startsWith('x-') && !Object.hasOwn(KEY_CHECKS, key),
  )
  if (unknown.length > 0)
    walk.problems.push({ path, message: `Unknown extension keys: ${unknown.join(', ')}` })
  for (const [key, value] of Object.entries(node)) {
    const check = Object.hasOwn(KEY_CHECKS, key) ? KEY_CHECKS[key] : undefined
    const expected = check?.(value)
    if (expected)
      walk.problems.push({
        path,
        message: `Expected ${key} to be ${expected}, but got ${describe(value)}`,
      })
  }
  const { properties, items } = node
  if (properties !== undefined) {
    if (!isRecord(properties))
      walk.problems.push({
        path,
        message: `Expected properties to be an object, but got ${describe(properties)}`,
      })
    else walkProperties(properties, path, depth, walk)
  }
  if (items !== undefined) {
    if (!isRecord(items))
      walk.problems.push({
        path,
        message: `Expected items to be one schema object (tuples are not supported), but got ${describe(items)}`,
      })
    // Row columns share the array's path, as in permissions and references (`expenses.amount`).
    else walkNode(items, path, depth + 1, walk)
  }
}

function walkProperties(
  properties: Record<string, unknown>,
  path: string,
  depth: number,
  walk: Walk,
): void {
  for (const [key, child] of Object.entries(properties)) {
    walk.fields++
    if (walk.fields === MAX_FIELDS + 1)
      walk.problems.push({
        path: '',
        message: `Expected at most ${MAX_FIELDS} fields, but the form has more`,
      })
    if (walk.fields > MAX_FIELDS) return
    if (key === '' || key.includes('.') || /[[\]]/.test(key)) {
      walk.problems.push({
        path: joinPath(path, key),
        message: `Expected a field name without dots or brackets, but got "${key}"`,
      })
    }
    walkNode(child, joinPath(path, key), depth + 1, walk)
  }
}

/**
 * Checks untrusted form JSON (a template import, a designer save) before
 * anything else touches it, and lists every reason to reject it: not an
 * object, keys of the wrong type, nesting deeper than 32, more than 2,000
 * fields, and unknown `x-` keys by name. Accepts parsed JSON or JSON text.
 *
 * @example
 * const parsed = parseFormSchema(body.form)
 * if (!parsed.ok) return c.json({ code: 'FORM_SCHEMA_INVALID', problems: parsed.problems }, 400)
 */
export function parseFormSchema(json: unknown): ParseResult {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch (error) {
      return {
        ok: false,
        problems: [
          {
            path: '',
            message: `Expected JSON text, but it does not parse: ${(error as Error).message}`,
          },
        ],
      }
    }
  }
  if (!isRecord(value))
    return {
      ok: false,
      problems: [
        { path: '', message: `Expected a form schema object, but got ${describe(value)}` },
      ],
    }
  if (value['type'] !== undefined && value['type'] !== 'object') {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `Expected the root type to be "object", but got ${describe(value['type'])}`,
        },
      ],
    }
  }
  const walk: Walk = { problems: [], fields: 0 }
  walkNode(value, '', 0, walk)
  return walk.problems.length > 0
    ? { ok: false, problems: walk.problems }
    : { ok: true, schema: value as FormSchema }
}
