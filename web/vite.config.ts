/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

const apiTarget = process.env.RW_API ?? 'http://127.0.0.1:18080'

/** Dev server only: serve field.html for the field app's history routes under /field/. */
function fieldFallback(): Plugin {
  return {
    name: 'riskwatch-field-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/field(\/[^.]*)?$/.test(req.url.split('?')[0])) req.url = '/field.html'
        next()
      })
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [vue(), fieldFallback()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        field: fileURLToPath(new URL('./field.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
  },
})
