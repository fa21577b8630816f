import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'server',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['test/global-setup.ts'],
    // Each suite boots PGlite (WebAssembly) and seeds the demo: give set-up room on a loaded machine.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
})
