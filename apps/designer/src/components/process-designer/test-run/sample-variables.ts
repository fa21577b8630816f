/** Sample form data for a test run, typed by field so conditions compare numbers as numbers. */
import type { FormFieldInfo } from '../types'

export type SampleValue = string | number | boolean | undefined

/** A typical starting value per field type (numbers 1, booleans false, texts empty). */
export function initialSample(field: FormFieldInfo): SampleValue {
  if (field.type === 'number') return 1
  if (field.type === 'boolean') return false
  return field.options?.[0] ? String(field.options[0].value) : ''
}

/** The variables the engine receives: dotted paths become nested objects; lists are comma-separated. */
export function toVariables(fields: readonly FormFieldInfo[], values: Record<string, SampleValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    const raw = values[field.path]
    if (raw === undefined || raw === '') continue
    const value = field.type === 'array' && typeof raw === 'string' ? raw.split(/[,，]/).map((s) => s.trim()).filter(Boolean) : raw
    const keys = field.path.split('.')
    let target = out
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>
    target[keys.at(-1)!] = value
  }
  return out
}
