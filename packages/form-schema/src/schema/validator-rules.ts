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
