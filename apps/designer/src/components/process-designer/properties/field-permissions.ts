/** Reading and writing a user task's `<hall:fieldPermission path mode>` extension elements. */
import type { BusinessObject } from '../modeler/bpmn-services'

export const FIELD_MODES = ['editable', 'readonly', 'hidden'] as const
export type FieldModeName = (typeof FIELD_MODES)[number]

const PERMISSION = 'hall:FieldPermission'

/** path → mode of a task; fields not listed follow the form's own settings. */
export function readPermissions(task: BusinessObject): Map<string, FieldModeName> {
  const values = task.extensionElements?.values ?? []
  return new Map(values.filter((v) => v.$type === PERMISSION).map((v) => [v.get('path') as string, v.get('mode') as FieldModeName]))
}

/**
 * The extension values with one field's mode changed (undefined: no longer listed), keeping
 * every other extension element and the fields' order.
 */
export function withPermission(
  values: readonly BusinessObject[],
  path: string,
  mode: FieldModeName | undefined,
  create: (properties: { path: string; mode: FieldModeName }) => BusinessObject,
): BusinessObject[] {
  const index = values.findIndex((v) => v.$type === PERMISSION && v.get('path') === path)
  const next = [...values]
  if (!mode) {
    if (index >= 0) next.splice(index, 1)
    return next
  }
  const entry = create({ path, mode })
  if (index >= 0) next[index] = entry
  else next.push(entry)
  return next
}
