import type { FieldSchema, FormSchema } from '@hall/form-schema'

/** One value-holding field of a form, by its template data path (`items.amount`). */
export interface FormField {
  path: string
  schema: FieldSchema
  /** Required by its own `required: true` or by the enclosing object's `required` list. */
  required: boolean
}

/**
 * Every field of a form that holds a value, by data path: void layout nodes (grids, tabs) add no
 * path segment and sub-table columns sit under their table's path, as the engine's variables and
 * `hall:fieldPermission` paths see them. Objects and tables are listed too (a permission may name them).
 */
export function formFields(form: FormSchema): FormField[] {
  const fields: FormField[] = []
  // `container` is the object whose `required` list applies: void nodes pass theirs through.
  const walk = (schema: FieldSchema, prefix: string, container: FieldSchema) => {
    const listed = Array.isArray(container.required) ? (container.required as readonly string[]) : []
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (child.type === 'void') {
        walk(child, prefix, container)
        continue
      }
      const path = prefix ? `${prefix}.${key}` : key
      fields.push({ path, schema: child, required: child.required === true || listed.includes(key) })
      const inner = child.type === 'array' && child.items ? child.items : child
      walk(inner, path, inner)
    }
  }
  walk(form, '', form)
  return fields
}
