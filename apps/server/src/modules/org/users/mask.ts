/**
 * Masks personal data for readers who do not need it (DOMAIN.md §9): 138****5678,
 * 110105********002X. Keeps enough to recognise a record, never enough to misuse it.
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber
  return idNumber.length >= 10 ? `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}` : '****'
}
