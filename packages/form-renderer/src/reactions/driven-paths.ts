import type { FieldSchema, FormSchema } from '@hall/form-schema'

function hasDeclarativeReaction(schema: FieldSchema): boolean {
  const raw = schema['x-reactions']
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  return list.some((r) => typeof r === 'object' && r !== null && 'when' in r && 'then' in r)
}

/**
 * Keys (as `evaluateReactions` names them: data path, or address for void
 * nodes) of the nodes our declarative reactions drive. Only these get
 * visibility and disabled pushed into Formily, so a Formily `{{…}}` reaction on
 * another field is not overwritten by the static state.
 */
export function drivenPaths(schema: FormSchema): ReadonlySet<string> {
  const out = new Set<string>()
  const walk = (node: FieldSchema, dataPath: string, address: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childAddress = address ? `${address}.${key}` : key
      const childPath = child.type === 'void' ? dataPath : dataPath ? `${dataPath}.${key}` : key
      if (hasDeclarativeReaction(child)) out.add(child.type === 'void' ? childAddress : childPath)
      walk(child, childPath, childAddress)
    }
  }
  walk(schema, '', '')
  return out
}
