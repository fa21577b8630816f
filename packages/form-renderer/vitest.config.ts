import { defineProject } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineProject({
  plugins: [vue()],
  test: {
    name: 'form-renderer',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Element Plus mounts slowly in happy-dom (a date picker takes ~1 s); real browsers are the benchmark.
    testTimeout: 30_000,
    // Loaded by Node directly, Element Plus and Formily would get a second copy of Vue.
    server: { deps: { inline: ['element-plus', /@formily/] } },
  },
})
