import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from '../http/context'

/** The two built Vue apps, found by walking up to the `apps/` folder from this module (source or bundle). */
function appsFolder(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'runtime', 'package.json')) && existsSync(join(dir, 'designer', 'package.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/**
 * Serves the designer at `/designer/` and the hall portal at `/`, each with its own history
 * fallback to index.html. Apps not built yet are reported, not half-served.
 */
export function mountWebApps(app: Hono<AppEnv>, onMissing: (app: string) => void): void {
  const apps = appsFolder()
  for (const [name, prefix] of [
    ['designer', '/designer'],
    ['runtime', ''],
  ] as const) {
    const dist = apps && join(apps, name, 'dist')
    if (!dist || !existsSync(join(dist, 'index.html'))) {
      onMissing(name)
      continue
    }
    const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8')
    app.use(
      `${prefix}/*`,
      serveStatic({ root: dist, rewriteRequestPath: (path) => path.slice(prefix.length) }),
    )
    app.get(`${prefix}/*`, (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)))
    if (prefix) app.get(prefix, (c) => c.redirect(`${prefix}/`))
  }
}
