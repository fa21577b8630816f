// Bundles the server into dist/cli.mjs: our workspace packages are inlined (they ship TypeScript
// source), every npm dependency stays external and is loaded from node_modules. Then saves the
// PGlite initdb template that makes a first start seconds instead of a quarter minute.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@hall/'))

await build({
  entryPoints: ['src/cli.ts', 'src/db/pglite-template.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
})
const { ensureTemplate } = await import('./dist/pglite-template.mjs')
console.log(`PGlite template: ${await ensureTemplate()}`)
