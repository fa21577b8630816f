import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The server serves this build at "/"; in dev, Vite forwards the API to a local `hall start`.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  // @formily/element-plus's styles (via the form renderer) use Sass features Dart Sass deprecates; not ours to fix.
  css: { preprocessorOptions: { scss: { logger: { warn: () => undefined } } } },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8787' } },
})
