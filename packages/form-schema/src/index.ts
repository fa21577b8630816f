/**
 * @hall/form-schema: Formily JSON Schema with hall extensions.
 * @packageDocumentation
 */
export type * from './schema/types'
export type { Condition, ConditionOp, DeclarativeReaction, FieldState, FieldStates, FormilyReaction, Reaction, ReactionEffect } from './reactions/types'
export { evaluateReactions } from './reactions/evaluate'
export { FORMATS, findFormat, checkIdCard, checkCreditCode, checkMobile, checkLandline, checkEmail, checkPostalCode } from './formats/index'
export type { FormatName, FormatCheck, Locale } from './formats/index'
export { toChineseAmount } from './money/chinese-amount'
