import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// The build output goes straight into Maven's target/classes/static, so the
// web-ui jar carries static/index.html and Spring Boot serves it at "/".
const backend = process.env.BACKEND_URL || 'http://localhost:8080'
const proxied = ['/api', '/actuator', '/v3', '/swagger-ui']

export default defineConfig({
  plugins: [vue()],
  // Relative asset URLs: works at "/" and under a servlet context path alike
  // (routing uses the URL hash, so the document path never changes).
  base: './',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) }
  },
  build: {
    outDir: fileURLToPath(new URL('./target/classes/static', import.meta.url)),
    emptyOutDir: true,
    // Element Plus is imported whole; one ~1 MB vendor chunk is fine on an intranet.
    chunkSizeWarningLimit: 2000
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }]))
  }
})
