import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { migrationsFolder } from './migrate'

/**
 * A freshly initialised PGlite data folder, saved once and copied for every new database.
 * PGlite's initdb runs in WebAssembly and takes 10–15 s here; loading the saved copy takes 2–4 s.
 * It holds no schema (migrations still run), only what initdb makes, so it is valid for any
 * migration state, and its name carries the PGlite version, so an upgrade never loads a stale one.
 */
const version = pgliteVersion()

function pgliteVersion(): string {
  // The package does not export its package.json: find it above its resolved entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir)
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

/** Beside the server bundle (`apps/server/dist`): built by `pnpm build`, never committed. */
export function templatePath(): string {
  return join(dirname(migrationsFolder()), 'dist', `pglite-template-${version}.tar`)
}

/** The saved template, or undefined when none has been made for this PGlite version. */
export function loadTemplate(): Blob | undefined {
  const path = templatePath()
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined
}

/** Makes the template if it is missing (build step and test setup). */
export async function ensureTemplate(): Promise<string> {
  const path = templatePath()
  if (existsSync(path)) return path
  const pg = await PGlite.create()
  try {
    const dump = await pg.dumpDataDir('none')
    mkdirSync(dirname(path), { recursive: true })
    // Written under a temporary name first: a half-written template must never be loaded.
    const partial = `${path}.${process.pid}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, path)
  } finally {
    await pg.close()
  }
  return path
}

/** A data folder that PGlite has not initialised yet. */
export const isUninitialised = (dataDir: string) => !existsSync(dataDir) || !readdirSync(dataDir).includes('PG_VERSION')
