/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

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

/** The files the field app loads (its entry, every chunk it imports or may import, their CSS and assets). */
const fieldFiles = new Set<string>()

/** Build only: collects the field app's files from the bundle, so its service worker precaches them and not the desk's. */
function fieldChunks(): Plugin {
  return {
    name: 'riskwatch-field-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      fieldFiles.clear()
      const visit = (name: string): void => {
        const chunk = bundle[name]
        if (!chunk || fieldFiles.has(name)) return
        fieldFiles.add(name)
        if (chunk.type !== 'chunk') return
        for (const css of chunk.viteMetadata?.importedCss ?? []) fieldFiles.add(css)
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) fieldFiles.add(asset)
        chunk.imports.forEach(visit)
        chunk.dynamicImports.forEach(visit)
      }
      for (const [name, chunk] of Object.entries(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId?.endsWith('/field.html')) visit(name)
    },
  }
}

/**
 * The field app's service worker (dist/field-sw.js, registered by src/field/main.ts with scope /field/):
 * precaches field.html and the field app's files so /field/ opens without a network, and answers every
 * /field/ page with field.html. API requests pass through; the desk at / is outside its scope.
 */
const fieldServiceWorker = VitePWA({
  filename: 'field-sw.js',
  scope: '/field/',
  injectRegister: false,
  manifest: false,
  registerType: 'autoUpdate',
  workbox: {
    globPatterns: ['field.html', 'assets/**/*.{js,css,woff,woff2,ttf,png,svg}'],
    manifestTransforms: [(entries) => Promise.resolve({ manifest: entries.filter((e) => e.url === 'field.html' || fieldFiles.has(e.url)), warnings: [] })],
    navigateFallback: '/field.html',
    navigateFallbackAllowlist: [/^\/field(\/|$)/],
    inlineWorkboxRuntime: true,
    // a new version takes over the open app at once (its pages are kept on the phone, nothing is half-loaded)
    clientsClaim: true,
    skipWaiting: true,
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
})

export default defineConfig({
  base: '/',
  plugins: [vue(), fieldFallback(), fieldChunks(), fieldServiceWorker],
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
      // Chunks under 20 kB join a chunk that loads with them, where their side effects allow: the enterprise list's
      // cold first page fetched 52 files instead of 77, six at a time, and showed its first row in 914-1,019 ms
      // where it took 991-1,034 (bench/README, thirty-first round).
      output: { experimentalMinChunkSize: 20000 },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
  },
})
