import { hash, verify } from '@node-rs/argon2'

/**
 * Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). A verify against a fixed dummy
 * hash when the user does not exist keeps the answer time the same, so timing does not reveal
 * which user names exist.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, OPTIONS)

let dummyHash: Promise<string> | undefined

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('no such user: equal-time answer')
    await verify(await dummyHash, password)
    return false
  }
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

/**
 * The password rule shown to users: at least 8 characters with letters and digits, not the user
 * name. Returns the reason it fails, in Chinese, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return '密码至少 8 位'
  if (password.length > 128) return '密码最多 128 位'
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字'
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}
