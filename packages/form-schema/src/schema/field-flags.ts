import type { FieldSchema, ValidatorRule } from './types'

/**
 * `x-validator` normalised to a list of rules: a bare string is a format name
 * (`"idCard"` ≡ `{ format: "idCard" }`), Formily's usual shorthand.
 */
export function validatorRules(schema: FieldSchema): ValidatorRule[] {
  const raw = schema['x-validator']
  if (raw === undefined) return []
  const list = Array.isArray(raw) ? raw : [raw]
  return list.map((rule: string | ValidatorRule) =>
    typeof rule === 'string' ? { format: rule } : rule,
  )
}

/** Whether the schema itself (not a reaction) marks the field required. */
export function isSchemaRequired(schema: FieldSchema, listedRequired: boolean): boolean {
  return (
    schema.required === true ||
    listedRequired ||
    validatorRules(schema).some((rule) => rule.required === true)
  )
}

/** Hidden by the schema itself (before reactions): Formily's display, hidden and visible switches. */
export function isStaticallyHidden(schema: FieldSchema): boolean {
  const display = schema['x-display']
  return (
    display === 'none' ||
    display === 'hidden' ||
    schema['x-hidden'] === true ||
    schema['x-visible'] === false
  )
}

/** Formily keeps the value of a field hidden with `x-display: hidden` (or `x-hidden`) and drops it for `none`. */
export function keepsHiddenValue(schema: FieldSchema): boolean {
  return schema['x-display'] === 'hidden' || schema['x-hidden'] === true
}
