import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'form-schema',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
  },
})
