const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const
/** Units of each 4-digit group, lowest first; 万亿 keeps amounts up to 10^16 readable. */
const GROUP_UNITS = ['', '万', '亿', '万亿'] as const
/** Largest amount in cents that stays exact as a JavaScript number and fits the group units. */
const MAX_CENTS = 999_999_999_999_999_99n

/**
 * Amount in cents from a number or a decimal string. Strings are read digit by
 * digit so '0.29' never becomes 28 cents through binary floating point.
 */
function toCents(amount: number | string): bigint {
  const text = typeof amount === 'number' ? numberToText(amount) : amount.trim()
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text)
  if (!match) throw new RangeError(`Expected an amount like 12345.67, but got "${String(amount)}"`)
  const [, sign, whole = '0', fraction = ''] = match
  const padded = (fraction + '000').slice(0, 3)
  // Round half up on the third decimal, the way cashiers round.
  let cents = BigInt(whole) * 100n + BigInt(padded.slice(0, 2)) + (Number(padded[2]) >= 5 ? 1n : 0n)
  if (cents > MAX_CENTS)
    throw new RangeError(`Expected an amount below 10^16 yuan, but got ${text}`)
  if (sign) cents = -cents
  return cents
}

function numberToText(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Expected a finite amount, but got ${amount}`)
  // toFixed(6) absorbs binary noise (1.005 is stored as 1.00499999…) before rounding to cents.
  return amount.toFixed(6)
}

/** Reads one 4-digit group (0–9999) with zeros collapsed inside the group. */
function readGroup(group: number): string {
  let out = ''
  let pendingZero = false
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(group / 10 ** pos) % 10
    if (digit === 0) {
      pendingZero = out !== ''
      continue
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += `${DIGITS[digit]}${SMALL_UNITS[pos] ?? ''}`
  }
  return out
}

function readYuan(yuan: bigint): string {
  const groups: number[] = []
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n))
  let out = ''
  let zeroBefore = false
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0
    if (group === 0) {
      zeroBefore = out !== ''
      continue
    }
    // A gap (an empty group or leading zeros in this group) is read as one 零: 1001 → 壹仟零壹.
    if (out !== '' && (zeroBefore || group < 1000)) out += '零'
    zeroBefore = false
    out += readGroup(group) + GROUP_UNITS[i]
  }
  return out
}

/**
 * Writes an amount in Chinese capital numerals (大写金额) as the People's Bank
 * of China settlement rules require: 整 after 元 when there are no jiao or fen,
 * 零 between 元 and 分 when jiao is zero, nothing after 分, 负 for negatives.
 *
 * @example toChineseAmount(12345.67) // '壹万贰仟叁佰肆拾伍元陆角柒分'
 * @example toChineseAmount(1001)     // '壹仟零壹元整'
 * @example toChineseAmount(0.05)     // '伍分'
 * @throws RangeError when the amount is not a finite decimal or is 10^16 yuan or more.
 */
export function toChineseAmount(amount: number | string): string {
  const cents = toCents(amount)
  const abs = cents < 0n ? -cents : cents
  const yuan = abs / 100n
  const jiao = Number((abs / 10n) % 10n)
  const fen = Number(abs % 10n)
  const sign = cents < 0n ? '负' : ''
  if (abs === 0n) return '零元整'
  let out = yuan > 0n ? readYuan(yuan) + '元' : ''
  if (jiao === 0 && fen === 0) return sign + out + '整'
  if (jiao > 0) out += DIGITS[jiao] + '角'
  else if (out !== '') out += '零'
  if (fen > 0) out += DIGITS[fen] + '分'
  return sign + out
}
