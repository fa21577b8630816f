import { isRecord, joinPath } from './paths'
import type { SchemaNode } from './tree'

/**
 * One occurrence of a schema node in the data: a sub-table column occurs once
 * per row. Void nodes occur too (once per enclosing row) so reactions on a
 * layout node can hide everything inside it.
 */
export interface Instance {
  readonly node: SchemaNode
  /** Concrete data path (`items[2].amount`); for a void node, its concrete address. */
  readonly path: string
  /** Value at `path`; undefined for void nodes. */
  readonly value: unknown
  readonly parent: Instance | undefined
}

function walk(
  node: SchemaNode,
  data: unknown,
  dataPath: string,
  voidPrefix: string,
  parent: Instance,
  out: Instance[],
): void {
  for (const child of node.children) {
    if (child.kind === 'void') {
      const address = joinPath(voidPrefix === '' ? dataPath : voidPrefix, child.key)
      const instance: Instance = { node: child, path: address, value: undefined, parent }
      out.push(instance)
      walk(child, data, dataPath, address, instance, out)
      continue
    }
    const path = joinPath(dataPath, child.key)
    const value = isRecord(data) && Object.hasOwn(data, child.key) ? data[child.key] : undefined
    const instance: Instance = { node: child, path, value, parent }
    out.push(instance)
    if (child.kind === 'object') walk(child, value, path, '', instance, out)
    if (child.kind === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => walk(child, row, `${path}[${index}]`, '', instance, out))
    }
  }
}

/** Every occurrence of every node for the given data, in document order, rows in row order. */
export function instancesOf(root: SchemaNode, data: unknown): Instance[] {
  const rootInstance: Instance = { node: root, path: '', value: data, parent: undefined }
  const out: Instance[] = []
  walk(root, data, '', '', rootInstance, out)
  return out
}
