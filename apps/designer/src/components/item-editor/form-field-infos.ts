import type { EnumItem, FieldSchema } from '@hall/form-schema'
import type { FormFieldInfo } from '../process-designer/types'

const kindOf = (type: FieldSchema['type']): FormFieldInfo['type'] => {
  if (type === 'number' || type === 'integer') return 'number'
  if (type === 'boolean') return 'boolean'
  if (type === 'date' || type === 'datetime') return 'date'
  if (type === 'object') return 'object'
  if (type === 'array' || (typeof type === 'string' && type.endsWith('[]'))) return 'array'
  return 'string'
}

const optionOf = (item: EnumItem) => (typeof item === 'object' ? { value: item.value, label: item.label ?? String(item.value) } : { value: item, label: String(item) })

/** In display order: `x-index` first where given, then as written. */
const ordered = (properties: FieldSchema['properties']) =>
  Object.entries(properties ?? {})
    .map(([name, field], position) => ({ name, field, position }))
    .sort((a, b) => (a.field['x-index'] ?? a.position) - (b.field['x-index'] ?? b.position))

/**
 * The form's value fields as the process designer offers them (conditions, permissions, `field:`
 * assignees): data paths, so fields inside layout containers (grid, tabs) keep their own names.
 */
export function formFieldInfos(schema: FieldSchema, prefix = ''): FormFieldInfo[] {
  return ordered(schema.properties).flatMap(({ name, field }) => {
    if (field.type === 'void') return formFieldInfos(field, prefix)
    const path = prefix ? `${prefix}.${name}` : name
    const info: FormFieldInfo = { path, label: field.title ?? name, type: kindOf(field.type), ...(field.enum ? { options: field.enum.map(optionOf) } : {}) }
    return field.type === 'object' ? [info, ...formFieldInfos(field, path)] : [info]
  })
}
