import type { MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AppEnv } from './context'

/**
 * Records where a request came from for the audit trail. `X-Forwarded-For` is believed only when
 * HALL_TRUST_PROXY says a reverse proxy sets it; otherwise anyone could forge their address.
 */
export const requestMeta: MiddlewareHandler<AppEnv> = async (c, next) => {
  const forwarded = c.get('deps').config.HALL_TRUST_PROXY ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  c.set('meta', { ip: forwarded || socketAddress(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null })
  await next()
}

function socketAddress(c: Parameters<typeof getConnInfo>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    // In-process requests (tests using app.request) have no socket.
    return null
  }
}
