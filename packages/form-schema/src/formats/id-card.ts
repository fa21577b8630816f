import { DEFAULT_TIME_ZONE, todayNumber } from '../time/zoned'
import { fail, OK, type FormatDefinition, type FormatCheck, type FormatOptions } from './types'

/**
 * Province-level prefixes of GB/T 2260 administrative division codes, plus 81/82/83
 * used by residence permits of Hong Kong, Macao and Taiwan residents. A real ID
 * always starts with one of these, so anything else is a typo worth flagging.
 */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
])

/** GB 11643-1999 weights: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
/** ISO 7064 MOD 11-2 check characters indexed by the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432'

/** Computes the check character for the first 17 digits of a resident ID. */
export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? ''
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/**
 * Checks an 18-digit resident identity number: shape, province prefix, a real
 * birth date not after today (and not before 1900), and the check character.
 * A lowercase `x` is accepted because people type it and mean the same character.
 */
export function checkIdCard(value: string, options: FormatOptions = {}): FormatCheck {
  const id = value.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return fail('pattern')
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return fail('region')
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (year < 1900 || !isRealDate(year, month, day)) return fail('birthDate')
  // "Today" in hall time, so a browser in Beijing and a server in UTC agree at midnight.
  const today = todayNumber(options.now ?? new Date(), options.timeZone ?? DEFAULT_TIME_ZONE)
  if (year * 10000 + month * 100 + day > today) return fail('birthDate')
  if (idCardCheckChar(id) !== id[17]) return fail('checksum')
  return OK
}

export const idCard: FormatDefinition = {
  name: 'idCard',
  check: checkIdCard,
  messages: {
    'zh-CN': {
      invalid: '请输入有效的18位居民身份证号码',
      pattern: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
      region: '身份证号码的地区码不存在',
      birthDate: '身份证号码中的出生日期无效',
      checksum: '身份证号码校验位不正确，请核对是否输错',
    },
    en: {
      invalid: 'Enter a valid 18-digit resident ID number',
      pattern: 'A resident ID has 17 digits followed by a digit or X',
      region: 'The region code of the resident ID does not exist',
      birthDate: 'The birth date inside the resident ID is not valid',
      checksum: 'The check digit of the resident ID does not match; check for a typo',
    },
  },
}
