import { defineProject } from 'vitest/config'

// Browser tests start the built server and a real Chromium: give them room, and run files one at a time.
export default defineProject({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
