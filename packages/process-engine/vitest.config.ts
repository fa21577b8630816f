import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'process-engine', include: ['**/*.test.ts'], exclude: ['**/node_modules/**', '**/dist/**'] },
})
