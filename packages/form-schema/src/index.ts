/**
 * @hall/form-schema: the form half of a published service item.
 *
 * Forms are Formily JSON Schema plus hall extensions (`x-prefill`, `x-collect`,
 * `x-dictionary`, `x-material`, `x-sensitive`, `x-computed`, declarative
 * `x-reactions`). The same functions run in the browser and on the server, so
 * both reach the same verdict; the server never trusts the browser's.
 *
 * Pure: no Vue, no Node built-ins, no I/O. Data-center and user lookups are
 * injected into `resolvePrefill`.
 *
 * @example
 * import { parseFormSchema, lint, resolvePrefill, validate, collect, maskSensitive } from '@hall/form-schema'
 *
 * const parsed = parseFormSchema(json)              // designer save / template import
 * if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'))
 * const problems = lint(parsed.schema, catalog)     // before publishing
 * const { values, failures } = await resolvePrefill(parsed.schema, { resolve })
 * const verdict = validate(parsed.schema, body, { permissions: step.fields, dictionaries, current })
 * if (verdict.ok) await writeBack(collect(parsed.schema, verdict.data))
 * const shown = maskSensitive(verdict.data, parsed.schema, viewer.canSeePersonalData)
 *
 * @packageDocumentation
 */
export type * from './schema/types'
export { parseFormSchema, MAX_DEPTH, MAX_FIELDS } from './schema/parse'
export type { ParseResult, SchemaProblem } from './schema/parse'

export { evaluateReactions } from './reactions/evaluate'
export { CONDITION_OPS } from './reactions/types'
export type {
  Condition,
  ConditionOp,
  DeclarativeReaction,
  FieldState,
  FieldStates,
  FormilyReaction,
  Reaction,
  ReactionEffect,
} from './reactions/types'

export { validate } from './validate/validate'
export type { ValidateContext, ValidationError, ValidationResult } from './validate/validate'
export { VALIDATION_CODES } from './validate/codes'
export type { ValidationCode } from './validate/codes'

export { FIELD_ACCESS } from './permissions/access'
export type { FieldAccess, FieldPermissions } from './permissions/access'
export { applyPermissions, stripHidden } from './permissions/apply'

export { resolvePrefill, PREFILL_REASONS } from './prefill/resolve'
export type {
  ExternalSource,
  PrefillFailure,
  PrefillReason,
  PrefillResult,
  PrefillSources,
} from './prefill/resolve'

export { collect, parseCollectTarget } from './collect/collect'
export type { CollectItem, CollectTarget } from './collect/collect'

export { maskSensitive, maskValue } from './mask/mask'
export type { SensitiveViewer } from './mask/mask'

export { lint } from './lint/lint'
export { feelVariables } from './expressions/feel'
export { LINT_CODES } from './lint/types'
export type { LintCatalog, LintCode, LintProblem } from './lint/types'
export { SUPPORTED_COMPONENTS } from './lint/components'
export type { SupportedComponent } from './lint/components'

export {
  FORMATS,
  LOCALES,
  toLocale,
  findFormat,
  checkIdCard,
  checkCreditCode,
  checkMobile,
  checkLandline,
  checkEmail,
  checkPostalCode,
} from './formats/index'
export type { FormatCheck, FormatDefinition, FormatName, Locale } from './formats/index'

export { toChineseAmount } from './money/chinese-amount'

export { accepts, uploadFieldOf, uploadRulesOf } from './upload/rules'
export { templateOf } from './schema/paths'
export type { UploadRules } from './upload/rules'
