import { CONDITION_OPS } from '../reactions/types'
import { isRecord } from './paths'
import { SCHEMA_TYPES, SENSITIVE_KINDS } from './types'

/** Returns what was expected when a value is wrong, or undefined when it is fine. */
type KeyCheck = (value: unknown) => string | undefined

const isString = (v: unknown) => typeof v === 'string'
const check =
  (ok: (v: unknown) => boolean, expected: string): KeyCheck =>
  (v) =>
    ok(v) ? undefined : expected
const oneOf = (values: readonly string[]): KeyCheck =>
  check((v) => typeof v === 'string' && values.includes(v), `one of ${values.join(', ')}`)

const string = check(isString, 'a string')
const number = check((v) => typeof v === 'number' && Number.isFinite(v), 'a number')
const count = check((v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number ≥ 0')
const boolean = check((v) => typeof v === 'boolean', 'true or false')
const object = check(isRecord, 'an object')
const anything: KeyCheck = () => undefined

const TYPE_NAMES = [...SCHEMA_TYPES, 'string[]', 'number[]', 'boolean[]']
const PREFILL = /^(?:dc:.+|user:.+|now:.+|field:.+|=.+)$/s

function isEnumItem(v: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof v) || (isRecord(v) && 'value' in v)
}

function conditionProblem(c: unknown): string | undefined {
  if (!isRecord(c)) return 'a condition object'
  if ('all' in c || 'any' in c) {
    const list = c['all'] ?? c['any']
    return Array.isArray(list)
      ? list.map(conditionProblem).find(Boolean)
      : 'all/any with a list of conditions'
  }
  if (typeof c['field'] !== 'string') return 'a condition with a field path'
  if (!CONDITION_OPS.includes(c['op'] as never))
    return `a condition op among ${CONDITION_OPS.join(', ')}`
  return undefined
}

function effectProblem(e: unknown): string | undefined {
  if (!isRecord(e)) return 'an effect object'
  const bad = ['visible', 'required', 'disabled'].find((k) => k in e && typeof e[k] !== 'boolean')
  return bad ? `${bad} to be true or false` : undefined
}

function reactionProblem(r: unknown): string | undefined {
  if (typeof r === 'string') return undefined
  if (!isRecord(r)) return 'reactions as objects or strings'
  // Formily's own reactions have a string `when` or none; those are the renderer's business.
  if (!isRecord(r['when'])) return undefined
  return (
    conditionProblem(r['when']) ??
    effectProblem(r['then']) ??
    (r['otherwise'] === undefined ? undefined : effectProblem(r['otherwise']))
  )
}

/** Keys of an `x-validator` rule we act on; others (Formily's `validator`, `triggerType`…) pass through. */
const RULE_KEYS: Readonly<Record<string, KeyCheck>> = {
  required: boolean,
  format: string,
  pattern: patternProblem,
  message: string,
  min: number,
  max: number,
  minLength: count,
  maxLength: count,
  len: count,
  enum: check(Array.isArray, 'a list of options'),
}

function ruleProblem(rule: unknown): string | undefined {
  if (typeof rule === 'string') return undefined
  if (!isRecord(rule)) return 'a format name, a rule object, or a list of them'
  for (const [key, value] of Object.entries(rule)) {
    const expected = Object.hasOwn(RULE_KEYS, key) ? RULE_KEYS[key]?.(value) : undefined
    if (expected) return `rules whose ${key} is ${expected}`
  }
  return undefined
}

function validatorProblem(v: unknown): string | undefined {
  return (Array.isArray(v) ? v : [v]).map(ruleProblem).find(Boolean)
}

function computedProblem(v: unknown): string | undefined {
  if (typeof v === 'string')
    return v.startsWith('=') ? undefined : 'a FEEL expression starting with ='
  if (isRecord(v) && typeof v['sum'] === 'string') return undefined
  const days = isRecord(v) ? v['daysBetween'] : undefined
  if (Array.isArray(days) && days.length === 2 && days.every(isString)) return undefined
  return '"=FEEL", { "sum": "table.column" } or { "daysBetween": ["start", "end"] }'
}

function patternProblem(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'a regular expression string'
  try {
    new RegExp(v, 'u')
    return undefined
  } catch {
    return 'a valid regular expression'
  }
}

/**
 * The keys a form schema may carry and what each must hold. `properties` and
 * `items` are walked by the parser itself. Keys without `x-` that are not
 * listed are JSON Schema's and pass through; unknown `x-` keys are errors.
 */
export const KEY_CHECKS: Readonly<Record<string, KeyCheck>> = {
  type: oneOf(TYPE_NAMES),
  title: string,
  description: string,
  default: anything,
  required: check(
    (v) => typeof v === 'boolean' || (Array.isArray(v) && v.every(isString)),
    'true/false or a list of property names',
  ),
  enum: check(
    (v) => Array.isArray(v) && v.every(isEnumItem),
    'a list of values or { label, value } options',
  ),
  format: string,
  pattern: patternProblem,
  minimum: number,
  maximum: number,
  exclusiveMinimum: number,
  exclusiveMaximum: number,
  minLength: count,
  maxLength: count,
  minItems: count,
  maxItems: count,
  'x-component': string,
  'x-component-props': object,
  'x-decorator': string,
  'x-decorator-props': object,
  'x-validator': validatorProblem,
  'x-reactions': (v) =>
    Array.isArray(v) ? v.map(reactionProblem).find(Boolean) : reactionProblem(v),
  'x-index': number,
  'x-display': oneOf(['visible', 'hidden', 'none']),
  'x-pattern': oneOf(['editable', 'disabled', 'readOnly', 'readPretty']),
  'x-visible': boolean,
  'x-hidden': boolean,
  'x-disabled': boolean,
  'x-read-only': boolean,
  'x-read-pretty': boolean,
  'x-editable': boolean,
  'x-content': anything,
  'x-data': anything,
  'x-designable-id': string,
  'x-prefill': check(
    (v) => typeof v === 'string' && PREFILL.test(v),
    'dc:…, user:…, now:…, field:… or =FEEL',
  ),
  'x-collect': check(
    (v) => typeof v === 'string' && v !== '',
    'dc:<table>.<column> or a target name',
  ),
  'x-dictionary': string,
  'x-material': string,
  'x-sensitive': oneOf(SENSITIVE_KINDS),
  'x-computed': computedProblem,
}
