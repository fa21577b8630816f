import { isField, type Form } from '@formily/core'
import type { ValidationError } from '@hall/form-schema'
import { isRowPath } from '../reactions/paths'

export interface ShownErrors {
  /** One message per concrete path (several failures of a field joined). */
  readonly byPath: Readonly<Record<string, string>>
  /** Errors with no field to show them on (an unknown field, a hidden one): listed in the summary. */
  readonly unattached: readonly ValidationError[]
}

/**
 * Shows `validate`'s errors on the Formily fields they name and clears the ones
 * no longer reported. Set as `selfErrors`, which Formily's own (emptied)
 * validation never overwrites. Row paths are left to SubTable via `byPath`.
 */
export function showErrors(
  form: Form,
  errors: readonly ValidationError[],
  previous: Readonly<Record<string, string>>,
): ShownErrors {
  const byPath: Record<string, string> = {}
  for (const error of errors)
    byPath[error.path] = byPath[error.path]
      ? `${byPath[error.path]}；${error.message}`
      : error.message
  for (const path of Object.keys(previous)) {
    if (path in byPath || isRowPath(path)) continue
    const field = form.query(path).take()
    if (field && isField(field)) field.selfErrors = []
  }
  const unattached: ValidationError[] = []
  for (const error of errors) {
    if (isRowPath(error.path)) continue
    const field = form.query(error.path).take()
    if (field && isField(field) && field.display === 'visible')
      field.selfErrors = [byPath[error.path] ?? error.message]
    else unattached.push(error)
  }
  return { byPath, unattached }
}
