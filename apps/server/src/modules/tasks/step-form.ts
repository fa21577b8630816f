import { applyPermissions, FIELD_ACCESS, maskSensitive, stripHidden, type FieldPermissions, type FormSchema } from '@hall/form-schema'
import type { Engine } from '@hall/process-engine'
import { stepPermissions } from '../cases/form'

/** The access a top-level field path has under a step's permissions ('*' default, else editable). */
const accessAt = (permissions: FieldPermissions, path: string) => permissions[path.split(/[.[]/)[0]!] ?? permissions[path] ?? permissions['*'] ?? FIELD_ACCESS.editable

/** The step's permissions (from its `hall:fieldPermission`s). */
export async function permissionsOf(engine: Engine, taskId: string): Promise<FieldPermissions> {
  return stepPermissions((await engine.taskForm(taskId)).fields)
}

/**
 * The case's form as this step shows it: the schema with the step's permissions applied, hidden
 * values removed from the data, and sensitive values masked unless the step lets its handler edit them.
 */
export function shapeForStep(form: FormSchema, data: Record<string, unknown>, permissions: FieldPermissions) {
  const visible = stripHidden(data, form, permissions)
  return {
    schema: applyPermissions(form, permissions),
    data: maskSensitive(visible, form, (_kind, path) => accessAt(permissions, path) === FIELD_ACCESS.editable),
    editable: Object.entries(permissions).filter(([path, access]) => path !== '*' && access === FIELD_ACCESS.editable).map(([path]) => path),
  }
}
