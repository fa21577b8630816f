import type { ConnectorConfig } from '../../../db/schema'

/** What a stored secret reads back as; sending it back unchanged keeps the stored secret. */
export const MASK = '******'

function maskUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = MASK
  for (const key of [...parsed.searchParams.keys()]) if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, MASK)
  return parsed.toString().replaceAll(encodeURIComponent(MASK), MASK)
}

/** The configuration as the client sees it: database password and secret header values masked. */
export function maskConfig(config: ConnectorConfig): ConnectorConfig {
  if (config.kind === 'postgres') return { ...config, url: maskUrl(config.url) }
  return { ...config, headers: config.headers.map((h) => (h.secret ? { ...h, value: MASK } : h)) }
}

/**
 * Puts the stored secrets back where an edit sent the mask: the password of an unchanged URL
 * user and host, and the value of a secret header of the same name.
 */
export function keepSecrets(next: ConnectorConfig, stored: ConnectorConfig | undefined): ConnectorConfig {
  if (!stored || stored.kind !== next.kind) return next
  if (next.kind === 'postgres' && stored.kind === 'postgres') {
    const url = new URL(next.url)
    const old = new URL(stored.url)
    if (decodeURIComponent(url.password) === MASK && url.host === old.host && url.username === old.username) url.password = old.password
    for (const [key, value] of [...url.searchParams]) if (value === MASK && old.searchParams.has(key)) url.searchParams.set(key, old.searchParams.get(key)!)
    return { ...next, url: url.toString() }
  }
  if (next.kind === 'http' && stored.kind === 'http') {
    const previous = new Map(stored.headers.map((h) => [h.name.toLowerCase(), h.value]))
    return { ...next, headers: next.headers.map((h) => (h.value === MASK && previous.has(h.name.toLowerCase()) ? { ...h, value: previous.get(h.name.toLowerCase())! } : h)) }
  }
  return next
}

/** Whether a configuration still holds a mask where a secret belongs (nothing stored to keep). */
export function hasMask(config: ConnectorConfig): boolean {
  return config.kind === 'postgres' ? config.url.includes(MASK) || config.url.includes(encodeURIComponent(MASK)) : config.headers.some((h) => h.value === MASK)
}
