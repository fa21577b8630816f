import { defineProject } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineProject({
  plugins: [vue()],
  test: {
    name: 'runtime',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Loaded by Node directly, Element Plus would get a second copy of Vue: its form items then
    // never register with their form, and validation passes on empty fields.
    server: { deps: { inline: ['element-plus'] } },
  },
})
