import { ensureTemplate } from '../src/db/pglite-template'

/** Every suite opens a fresh PGlite database: make the initdb template once, before any of them. */
export default async function setup() {
  await ensureTemplate()
}
