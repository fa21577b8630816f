/** One step of a JSON path: an object key or an array index. */
export type JsonPathStep = string | number

/**
 * Parses a simple dotted/indexed path such as `data.items[0].name` (or `[0].name` for an answer
 * that is an array). Returns null when it is not one.
 */
export function parseJsonPath(path: string): JsonPathStep[] | null {
  if (!PATH.test(path)) return null
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index === undefined ? key! : Number(index)))
}

const PATH = /^(?:[^.[\]]+|\[\d+\])(?:\.[^.[\]]+|\[\d+\])*$/

/** The answer has another shape than the configured path expects. */
export class JsonShapeError extends Error {
  override name = 'JsonShapeError'
}

/**
 * Reads `steps` from a JSON value. A missing key or index gives undefined (no data); stepping
 * into something that is not an object or array is a shape error naming where.
 */
export function readJsonPath(document: unknown, steps: readonly JsonPathStep[]): unknown {
  let current = document
  let where = '返回内容'
  for (const step of steps) {
    if (current === null || current === undefined) return undefined
    if (typeof step === 'number') {
      if (!Array.isArray(current)) throw new JsonShapeError(`${where} 不是数组`)
      current = current[step]
      where = `${where === '返回内容' ? '' : where}[${step}]`
    } else {
      if (typeof current !== 'object' || Array.isArray(current)) throw new JsonShapeError(`${where} 不是对象`)
      current = Object.hasOwn(current, step) ? (current as Record<string, unknown>)[step] : undefined
      where = where === '返回内容' ? step : `${where}.${step}`
    }
  }
  return current
}
