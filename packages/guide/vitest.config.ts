import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'guide',
    include: ['src/**/*.test.ts'],
  },
})
