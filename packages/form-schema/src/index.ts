/**
 * @hall/form-schema: Formily JSON Schema with hall extensions.
 * @packageDocumentation
 */
export { FORMATS, findFormat, checkIdCard, checkCreditCode, checkMobile, checkLandline, checkEmail, checkPostalCode } from './formats/index'
export type { FormatName, FormatCheck, Locale } from './formats/index'
