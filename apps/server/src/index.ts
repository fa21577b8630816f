/**
 * @hall/server: the hall API, worker and CLI.
 *
 * The web apps import only the type of the API, for Hono's typed client:
 * ```ts
 * import { hc } from 'hono/client'
 * import type { AppType } from '@hall/server'
 * const api = hc<AppType>('/api')
 * const me = await api.auth.me.$get()
 * ```
 */
export type { ApiType as AppType } from './app'
export { createApp } from './app'
export type { Me } from './modules/auth/me'
