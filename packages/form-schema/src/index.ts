/**
 * @hall/form-schema: Formily JSON Schema with hall extensions.
 * @packageDocumentation
 */
export type * from './schema/types'
export type { Condition, ConditionOp, DeclarativeReaction, FieldState, FieldStates, FormilyReaction, Reaction, ReactionEffect } from './reactions/types'
export { evaluateReactions } from './reactions/evaluate'
export { validate } from './validate/validate'
export type { ValidateContext, ValidationError, ValidationResult } from './validate/validate'
export { VALIDATION_CODES } from './validate/codes'
export type { ValidationCode } from './validate/codes'
export { FIELD_ACCESS } from './permissions/access'
export type { FieldAccess, FieldPermissions } from './permissions/access'
export { applyPermissions, stripHidden } from './permissions/apply'
export { resolvePrefill, PREFILL_REASONS } from './prefill/resolve'
export type { PrefillSources, PrefillResult, PrefillFailure, PrefillReason, ExternalSource } from './prefill/resolve'
export { collect, parseCollectTarget } from './collect/collect'
export type { CollectItem, CollectTarget } from './collect/collect'
export { maskSensitive, maskValue } from './mask/mask'
export type { SensitiveViewer } from './mask/mask'
export { FORMATS, findFormat, checkIdCard, checkCreditCode, checkMobile, checkLandline, checkEmail, checkPostalCode } from './formats/index'
export type { FormatName, FormatCheck, Locale } from './formats/index'
export { toChineseAmount } from './money/chinese-amount'
