import { findFormat } from '../formats/index'
import type { FormatOptions, Locale } from '../formats/types'
import type { EnumItem, FieldSchema, ValidatorRule } from '../schema/types'
import { validatorRules } from '../schema/field-flags'
import { VALIDATION_CODES as C, type MessageParams, type ValidationCode } from './codes'

/** One broken rule of one value, before it gets a path and a message. */
export interface Failure {
  readonly code: ValidationCode
  readonly params?: Omit<MessageParams, 'label'>
  /** Message chosen by the designer (`x-validator` rule) or by a format; wins over the default. */
  readonly message?: string
}

/** What rule checks need from the caller's context. */
export interface RuleContext extends FormatOptions {
  readonly locale: Locale
  readonly dictionaries?: Readonly<Record<string, readonly EnumItem[]>>
}

/** The value of an option, whether written as a primitive or as `{ label, value }`. */
function optionValue(item: EnumItem): unknown {
  return typeof item === 'object' ? item.value : item
}

/** Counts characters the way people do: one per Chinese character or emoji, not per UTF-16 unit. */
function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string') return [...value].length
  return Array.isArray(value) ? value.length : undefined
}

/** Codes for "too small" and "too big", so a list says rows and a text says characters. */
function limitCodes(value: unknown): readonly [ValidationCode, ValidationCode] {
  if (typeof value === 'number') return [C.MINIMUM, C.MAXIMUM]
  return Array.isArray(value) ? [C.MIN_ITEMS, C.MAX_ITEMS] : [C.MIN_LENGTH, C.MAX_LENGTH]
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value)
  } catch {
    // Patterns written for non-unicode regexps (e.g. "\-") still mean what they say.
    return new RegExp(pattern).test(value)
  }
}

function checkRule(rule: ValidatorRule, value: unknown, context: RuleContext): Failure[] {
  const out: Failure[] = []
  const size = sizeOf(value)
  const push = (code: ValidationCode, params?: Failure['params'], message?: string) =>
    out.push({
      code,
      ...(params ? { params } : {}),
      ...((rule.message ?? message) !== undefined ? { message: rule.message ?? message } : {}),
    })
  // Formily's min/max compare numbers by value and text or lists by length.
  const measured = typeof value === 'number' ? value : size
  const [tooSmall, tooBig] = limitCodes(value)
  if (rule.min !== undefined && measured !== undefined && measured < rule.min)
    push(tooSmall, { limit: rule.min })
  if (rule.max !== undefined && measured !== undefined && measured > rule.max)
    push(tooBig, { limit: rule.max })
  if (rule.minLength !== undefined && size !== undefined && size < rule.minLength)
    push(tooSmall, { limit: rule.minLength })
  if (rule.maxLength !== undefined && size !== undefined && size > rule.maxLength)
    push(tooBig, { limit: rule.maxLength })
  if (rule.len !== undefined && size !== undefined && size !== rule.len)
    push(C.LENGTH, { limit: rule.len })
  if (rule.pattern !== undefined && typeof value === 'string' && !matches(rule.pattern, value))
    push(C.PATTERN)
  if (rule.enum !== undefined) {
    const allowed = rule.enum.map(optionValue)
    const values = Array.isArray(value) ? value : [value]
    if (!values.every((v) => allowed.includes(v))) push(C.ENUM)
  }
  if (rule.format !== undefined) {
    const format = findFormat(rule.format)
    if (!format) push(C.UNKNOWN_FORMAT, { format: rule.format })
    else if (typeof value !== 'string') push(C.FORMAT, { format: format.name })
    else {
      const result = format.check(value, context)
      if (!result.ok) {
        const texts = format.messages[context.locale]
        push(C.FORMAT, { format: format.name }, texts[result.reason] ?? texts['invalid'])
      }
    }
  }
  return out
}

/** The JSON Schema keywords of a field as one rule, so they go through the same checks as `x-validator`. */
function keywordRule(schema: FieldSchema): ValidatorRule {
  const { format, pattern, minLength, maxLength } = schema
  return { format, pattern, minLength, maxLength, ...(schema.enum ? { enum: schema.enum } : {}) }
}

function checkRange(schema: FieldSchema, value: unknown): Failure[] {
  if (typeof value !== 'number') return []
  const out: Failure[] = []
  if (schema.minimum !== undefined && value < schema.minimum)
    out.push({ code: C.MINIMUM, params: { limit: schema.minimum } })
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    out.push({ code: C.MINIMUM, params: { limit: schema.exclusiveMinimum } })
  if (schema.maximum !== undefined && value > schema.maximum)
    out.push({ code: C.MAXIMUM, params: { limit: schema.maximum } })
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
    out.push({ code: C.MAXIMUM, params: { limit: schema.exclusiveMaximum } })
  return out
}

function checkDictionary(schema: FieldSchema, value: unknown, context: RuleContext): Failure[] {
  const id = schema['x-dictionary']
  if (id === undefined) return []
  const options = context.dictionaries?.[id]
  // Without the code table the value cannot be vouched for: fail closed, never wave it through.
  if (!options) return [{ code: C.DICTIONARY_UNAVAILABLE, params: { dictionary: id } }]
  const allowed = options.map(optionValue)
  const values = Array.isArray(value) ? value : [value]
  return values.every((v) => allowed.includes(v))
    ? []
    : [{ code: C.DICTIONARY, params: { dictionary: id } }]
}

/**
 * Every rule a filled-in, well-typed value breaks: JSON Schema keywords,
 * `x-validator` rules (either style), and dictionary membership.
 */
export function checkRules(schema: FieldSchema, value: unknown, context: RuleContext): Failure[] {
  return [
    ...checkRule(keywordRule(schema), value, context),
    ...checkRange(schema, value),
    ...validatorRules(schema).flatMap((rule) => checkRule(rule, value, context)),
    ...checkDictionary(schema, value, context),
  ]
}
