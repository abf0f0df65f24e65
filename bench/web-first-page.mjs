// The time from navigation to the first list a signed-in user sees, with the browser's cache cold: each run is
// a fresh browser context (no HTTP cache, no stored state) that signs in over the API (the session cookie) and
// then opens the page. The moment is taken inside the page (performance.now(), navigation start = 0) by a
// MutationObserver installed before any script runs, so the harness's own round trips are not counted.
//   BASE_URL=http://127.0.0.1:PORT node bench/web-first-page.mjs [runs]
// Prints one line per page: the median, best and worst of the runs, and what the median run fetched before
// the list showed (requests of scripts and styles, API requests, bytes on the wire).
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(fileURLToPath(new URL('../web/package.json', import.meta.url)))
const { chromium } = require('playwright-core')

const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/$/, '')
const USERNAME = process.env.BENCH_USER ?? 'demo-admin'
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Demo@2026'
const RUNS = Number(process.argv[2] ?? 5)
if (!BASE_URL || !(RUNS > 0)) {
  console.error('usage: BASE_URL=http://127.0.0.1:PORT node bench/web-first-page.mjs [runs]')
  process.exit(2)
}

/** The pages and what counts as their first list. */
const PAGES = [
  { name: 'desk home (shortcuts)', path: '/', selector: '.shortcuts .shortcut' },
  { name: 'enterprise list (first row)', path: '/enterprises', selector: '[data-test="enterprise-table"] .el-table__row' },
  { name: 'policy list (first row)', path: '/policies', selector: '[data-test="policy-table"] .el-table__row' },
  { name: 'visit list (first row)', path: '/visits', selector: '[data-test="visit-table"] .el-table__row' },
  { name: 'hazard list (first row)', path: '/hazards', selector: '[data-test="hazard-table"] .el-table__row' },
  { name: 'notice list (first row)', path: '/notices', selector: '[data-test="notice-table"] .el-table__row' },
  { name: 'enterprise page (details)', path: '/enterprises/1', selector: '[data-test="enterprise-info"]' },
]

function watchFor(selector) {
  const seen = () => {
    if (window.__firstList === undefined && document.querySelector(selector)) window.__firstList = performance.now()
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
}

async function measure(browser, page) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  const signedIn = await context.request.post(`${BASE_URL}/api/v1/auth/login`, { data: { username: USERNAME, password: PASSWORD } })
  if (!signedIn.ok()) throw new Error(`sign-in as ${USERNAME}: HTTP ${signedIn.status()}`)
  const tab = await context.newPage()
  await tab.addInitScript(watchFor, page.selector)
  const fetched = { assets: 0, api: 0, bytes: 0 }
  tab.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/')) fetched.api += 1
    else if (/\.(js|css)$/.test(path)) fetched.assets += 1
    const sizes = await request.sizes().catch(() => null)
    if (sizes) fetched.bytes += sizes.responseBodySize + sizes.responseHeadersSize
  })
  await tab.goto(`${BASE_URL}${page.path}`)
  await tab.waitForFunction(() => window.__firstList !== undefined, null, { timeout: 30_000 })
  const ms = await tab.evaluate(() => window.__firstList)
  const counted = { ...fetched } // what came before the list (give late events a moment to land)
  await context.close()
  return { ms, ...counted }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  console.log(`${'page'.padEnd(30)} ${'median ms'.padStart(10)} ${'best'.padStart(7)} ${'worst'.padStart(7)}  fetched by the median run`)
  const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null
  for (const page of PAGES.filter((p) => !only || only.test(p.name))) {
    const runs = []
    for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, page))
    runs.sort((a, b) => a.ms - b.ms)
    const median = runs[Math.floor(runs.length / 2)]
    console.log(
      `${page.name.padEnd(30)} ${median.ms.toFixed(0).padStart(10)} ${runs[0].ms.toFixed(0).padStart(7)} ${runs.at(-1).ms.toFixed(0).padStart(7)}  ` +
        `${median.assets} scripts/styles, ${median.api} API requests, ${(median.bytes / 1024).toFixed(0)} KiB`,
    )
  }
} finally {
  await browser.close()
}
