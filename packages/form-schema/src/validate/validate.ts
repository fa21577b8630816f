import { toLocale, type Locale } from '../formats/types'
import { accessOf, FIELD_ACCESS, type FieldPermissions } from '../permissions/access'
import { withLockedValues } from '../permissions/apply'
import { evaluateReactions } from '../reactions/evaluate'
import type { FieldStates } from '../reactions/types'
import { deepEqual, getAt, isEmptyValue, isRecord, joinPath } from '../schema/paths'
import { buildTree, dataChildren, type SchemaNode } from '../schema/tree'
import type { EnumItem, FieldSchema, FormValues, FormSchema } from '../schema/types'
import { keepsHiddenValue, validatorRules } from '../schema/field-flags'
import { checkRules, type Failure } from './check-rules'
import { hasType } from './check-type'
import { messageFor, typeName, VALIDATION_CODES as C, type ValidationCode } from './codes'

/** What `validate` needs besides schema and data. Everything is optional. */
export interface ValidateContext {
  /** Message language: zh-CN by default, English for any `en…` tag. */
  readonly locale?: string
  /** Code tables by id, for `x-dictionary` fields. A field whose table is missing fails with DICTIONARY_UNAVAILABLE. */
  readonly dictionaries?: Readonly<Record<string, readonly EnumItem[]>>
  /** Permissions of the current step; fields not editable here are rejected with NOT_EDITABLE. */
  readonly permissions?: FieldPermissions
  /**
   * Stored values. Locked fields take their value from here (for reactions,
   * computed values and the returned `data`); echoing one back unchanged is fine.
   */
  readonly current?: FormValues
  /** Today, for birth dates in ID numbers; the real clock when left out. */
  readonly now?: Date
  /** Zone whose calendar decides "today"; Asia/Shanghai by default. */
  readonly timeZone?: string
}

/** One problem, at a concrete path such as `expenses[1].amount`. */
export interface ValidationError {
  readonly path: string
  readonly code: ValidationCode
  readonly message: string
}

/**
 * The verdict. `data` is the record to store: submitted values of editable,
 * displayed fields, stored (`current`) values of locked fields, computed
 * values recomputed. Unknown fields and rejected writes are never in it.
 */
export interface ValidationResult {
  readonly ok: boolean
  readonly errors: readonly ValidationError[]
  readonly data: Record<string, unknown>
}

interface Run {
  readonly context: ValidateContext
  readonly locale: Locale
  readonly states: FieldStates
  readonly errors: ValidationError[]
}

function report(run: Run, node: SchemaNode | undefined, path: string, failure: Failure): void {
  const label = node?.schema.title ?? (path || 'form')
  const message =
    failure.message ?? messageFor(failure.code, { label, ...failure.params }, run.locale)
  run.errors.push({ path, code: failure.code, message })
}

function checkValue(
  run: Run,
  node: SchemaNode,
  schema: FieldSchema,
  value: unknown,
  path: string,
): boolean {
  if (!hasType(value, schema.type)) {
    report(run, node, path, {
      code: C.TYPE,
      params: { expected: typeName(schema.type ?? '', run.locale) },
    })
    return false
  }
  const failures = checkRules(schema, value, { ...run.context, locale: run.locale })
  for (const failure of failures) report(run, node, path, failure)
  return failures.length === 0
}

function validateRows(run: Run, node: SchemaNode, rows: unknown[], path: string): unknown[] {
  const { minItems, maxItems } = node.schema
  if (minItems !== undefined && rows.length < minItems)
    report(run, node, path, { code: C.MIN_ITEMS, params: { limit: minItems } })
  if (maxItems !== undefined && rows.length > maxItems)
    report(run, node, path, { code: C.MAX_ITEMS, params: { limit: maxItems } })
  const items = node.schema.items
  return rows.map((row, index) => {
    const rowPath = `${path}[${index}]`
    if (node.children.length > 0) return validateObject(run, node, row, rowPath)
    if (items) checkValue(run, node, items, row, rowPath)
    return row
  })
}

function validateField(
  run: Run,
  node: SchemaNode,
  value: unknown,
  path: string,
): { keep: boolean; value?: unknown } {
  // Computed fields are derived, never typed, so a locked step still gets them recomputed below.
  const computed = node.schema['x-computed'] !== undefined
  if (!computed && accessOf(node, run.context.permissions) !== FIELD_ACCESS.editable) {
    // A step may echo a locked value back unchanged; anything else is an attempt to write it.
    const stored = getAt(run.context.current, path)
    if (value !== undefined && !deepEqual(value, stored))
      report(run, node, path, { code: C.NOT_EDITABLE })
    return { keep: stored !== undefined, value: stored }
  }
  const state = run.states[path]
  // Formily drops the value of a field that is not displayed (`none`, a reaction hiding it) and keeps
  // it for `x-display: hidden`; the server does the same. Kept values are still checked, just not required.
  if (state && !state.visible && !keepsHiddenValue(node.schema)) return { keep: false }
  let effective = value
  // Computed values and values a reaction sets are the server's to decide, not the browser's.
  if (state?.value !== undefined) {
    if (value !== undefined && !sameComputed(value, state.value)) {
      report(run, node, path, {
        code: C.COMPUTED_MISMATCH,
        params: { expected: String(state.value) },
      })
    }
    effective = state.value
  }
  if (
    Array.isArray(effective) &&
    node.kind === 'array' &&
    (effective.length > 0 || !state?.required)
  ) {
    return {
      keep: true,
      value: checkValue(run, node, node.schema, effective, path)
        ? validateRows(run, node, effective, path)
        : effective,
    }
  }
  if (isEmptyValue(effective)) {
    if (state?.required)
      report(run, node, path, { code: C.REQUIRED, ...requiredMessage(node.schema) })
    return { keep: effective !== undefined, value: effective }
  }
  if (!checkValue(run, node, node.schema, effective, path)) return { keep: true, value: effective }
  if (node.kind === 'object')
    return { keep: true, value: validateObject(run, node, effective, path) }
  return { keep: true, value: effective }
}

/** The designer's message of a `{ required: true, message }` rule, if any. */
function requiredMessage(schema: FieldSchema): { message?: string } {
  const message = validatorRules(schema).find((rule) => rule.required === true)?.message
  return message === undefined ? {} : { message }
}

/** Computed numbers are compared to the cent-and-beyond, so float noise in the browser is not an error. */
function sameComputed(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6
  return deepEqual(a, b)
}

function validateObject(
  run: Run,
  node: SchemaNode,
  value: unknown,
  path: string,
): Record<string, unknown> {
  if (!isRecord(value)) {
    report(run, node, path, { code: C.TYPE, params: { expected: typeName('object', run.locale) } })
    return {}
  }
  const children = dataChildren(node)
  const known = new Set(children.map((c) => c.key))
  for (const key of Object.keys(value))
    if (!known.has(key)) report(run, undefined, joinPath(path, key), { code: C.UNKNOWN_FIELD })
  const out: Record<string, unknown> = {}
  for (const child of children) {
    const result = validateField(run, child, value[child.key], joinPath(path, child.key))
    if (result.keep) out[child.key] = result.value
  }
  return out
}

/**
 * Validates submitted form data against the schema, with the same verdict in
 * the browser and on the server: required (after reactions), types, ranges,
 * lengths, patterns, options and code tables, national formats, sub-table rows,
 * unknown fields and fields the current step may not edit.
 *
 * @example
 * const { ok, errors, data } = validate(schema, body, { permissions: step.fields, dictionaries })
 * if (!ok) throw new HttpError(422, 'FORM_INVALID', errors)
 */
export function validate(
  schema: FormSchema,
  data: unknown,
  context: ValidateContext = {},
): ValidationResult {
  const tree = buildTree(schema)
  const submitted = isRecord(data) ? data : {}
  const seen = context.permissions
    ? withLockedValues(tree, submitted, context.current ?? {}, context.permissions)
    : submitted
  const run: Run = {
    context,
    locale: toLocale(context.locale),
    states: evaluateReactions(schema, seen),
    errors: [],
  }
  const clean = validateObject(run, tree, data, '')
  return { ok: run.errors.length === 0, errors: run.errors, data: clean }
}
