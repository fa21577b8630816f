import type { FieldSchema, FormSchema } from '@hall/form-schema'

/** A value field of a form with its data path: void containers (grids, cards) add no path segment. */
export interface ValueField {
  path: string
  node: FieldSchema
}

function valueFields(schema: FormSchema): ValueField[] {
  const out: ValueField[] = []
  const walk = (node: FieldSchema, prefix: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (child.type === 'void') walk(child, prefix)
      else {
        out.push({ path: prefix + key, node: child })
        // Sub-table columns (`expenses.amount`) may read code tables too.
        if (child.items) walk(child.items, `${prefix}${key}.`)
      }
    }
  }
  walk(schema, '')
  return out
}

/** The code tables the form's selects and radios read (`x-dictionary`), each once. */
export function dictionaryIds(schema: FormSchema): string[] {
  return [
    ...new Set(
      valueFields(schema).flatMap(({ node }) =>
        node['x-dictionary'] ? [node['x-dictionary']] : [],
      ),
    ),
  ]
}

/** Which upload field carries each checklist material (`x-material` → its data path and schema). */
export function materialFields(schema: FormSchema): Map<string, ValueField> {
  return new Map(
    valueFields(schema).flatMap((field) =>
      field.node['x-material'] ? [[field.node['x-material'], field] as const] : [],
    ),
  )
}
