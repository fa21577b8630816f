import { defineConfig } from 'vitest/config'

/** One test run for the whole workspace: every package and app brings its own project config. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests'],
  },
})
