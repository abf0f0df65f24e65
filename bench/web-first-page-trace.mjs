// One cold run of a desk page, traced: every request the page makes with its start and end (ms from navigation
// start, from the browser's Resource Timing), the moments of the navigation (DOMContentLoaded, load) and of the
// first list, and the main thread's long tasks. Shows where a slow cold first page spends its time.
//   BASE_URL=http://127.0.0.1:PORT node bench/web-first-page-trace.mjs [path] [selector]
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(fileURLToPath(new URL('../web/package.json', import.meta.url)))
const { chromium } = require('playwright-core')

const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/$/, '')
const USERNAME = process.env.BENCH_USER ?? 'demo-admin'
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Demo@2026'
const PATH = process.argv[2] ?? '/'
const SELECTOR = process.argv[3] ?? '.shortcuts .shortcut'

function watch(selector) {
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)])
  }).observe({ type: 'longtask', buffered: true })
  const seen = () => {
    if (window.__firstList === undefined && document.querySelector(selector)) window.__firstList = performance.now()
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  const signedIn = await context.request.post(`${BASE_URL}/api/v1/auth/login`, { data: { username: USERNAME, password: PASSWORD } })
  if (!signedIn.ok()) throw new Error(`sign-in: HTTP ${signedIn.status()}`)
  const tab = await context.newPage()
  await tab.addInitScript(watch, SELECTOR)
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  await tab.goto(`${BASE_URL}${PATH}`)
  await tab.waitForFunction(() => window.__firstList !== undefined, null, { timeout: 60_000 })
  const { profile } = await cdp.send('Profiler.stop')
  const trace = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      firstList: Math.round(window.__firstList),
      domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
      load: Math.round(nav.loadEventEnd),
      longTasks: window.__longTasks,
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname + new URL(r.name).search,
        start: Math.round(r.startTime),
        ttfb: Math.round(r.responseStart - r.startTime),
        end: Math.round(r.responseEnd),
        bytes: r.transferSize,
      })),
    }
  })
  console.log(`first list at ${trace.firstList} ms; DOMContentLoaded ${trace.domContentLoaded} ms; load ${trace.load} ms`)
  console.log(`long tasks (start ms, duration ms): ${JSON.stringify(trace.longTasks)}`)
  console.log(`${'start'.padStart(6)} ${'ttfb'.padStart(6)} ${'end'.padStart(6)} ${'bytes'.padStart(8)}  request`)
  for (const r of trace.resources.sort((a, b) => a.start - b.start))
    console.log(`${String(r.start).padStart(6)} ${String(r.ttfb).padStart(6)} ${String(r.end).padStart(6)} ${String(r.bytes).padStart(8)}  ${r.name}`)
  // The main thread's time by script and function (self time of the sampled profile).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const dt = profile.timeDeltas
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url ? new URL(f.url, BASE_URL).pathname : ''}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  })
  const byScript = new Map()
  for (const [key, ms] of self) {
    const script = key.split(' ').at(-1).replace(/:\d+$/, '') || key
    byScript.set(script, (byScript.get(script) ?? 0) + ms)
  }
  console.log('main thread by script (ms):')
  for (const [k, ms] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(0).padStart(8)}  ${k}`)
  console.log('main thread by function (self ms):')
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(8)}  ${k}`)
  await context.close()
} finally {
  await browser.close()
}
