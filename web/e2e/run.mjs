// Browser tests of the desk and field apps against a running, seeded server.
//   BASE_URL=http://127.0.0.1:18080 SCREENSHOT_DIR=/tmp/shots node e2e/run.mjs
// Prints "ok - name" / "not ok - name" per scenario and "N passed, N failed" at the end.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/$/, '')
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'riskwatch-e2e-screenshots')
const PASSWORD = 'Demo@2026'
const DESK_VIEWPORT = { width: 1440, height: 900 }
const PHONE_VIEWPORT = { width: 390, height: 844 }
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
]

if (!BASE_URL) {
  console.error('BASE_URL is required, e.g. BASE_URL=http://127.0.0.1:18080 (a running server with seed-demo data)')
  process.exit(2)
}
mkdirSync(SCREENSHOT_DIR, { recursive: true })

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** The <input> of an element marked data-test (Element Plus and Vant put the mark on a wrapper or the input). */
const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()
const byTest = (page, name) => page.locator(`[data-test="${name}"]`)

async function menuText(page) {
  return (await byTest(page, 'side-menu').textContent()) ?? ''
}

function expectMenu(text, present, absent) {
  for (const label of present) assert(text.includes(label), `menu lacks "${label}": ${text}`)
  for (const label of absent) assert(!text.includes(label), `menu shows "${label}": ${text}`)
}

async function deskLogin(page, username, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`)
  await input(page, 'login-username').fill(username)
  await input(page, 'login-password').fill(password)
  await byTest(page, 'login-submit').click()
}

async function signedIn(page, username) {
  await deskLogin(page, username)
  await byTest(page, 'side-menu').waitFor()
  await byTest(page, 'user-name').waitFor()
}

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** API answers of 400 and up, other than the expected 401 of GET /me before signing in. */
function watchApiFailures(page) {
  const failures = []
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (!pathname.startsWith('/api/') || response.status() < 400) return
    if (response.status() === 401 && pathname === '/api/v1/me') return
    failures.push(`${response.request().method()} ${pathname} → ${response.status()}`)
  })
  return failures
}

const scenarios = [
  {
    name: 'regulator sees regions and organizations but not users or audit; English labels after switching',
    async run(page) {
      await signedIn(page, 'demo-regulator')
      assert((await page.locator('html').getAttribute('lang')) === 'zh-CN', 'the desk is not Chinese by default')
      expectMenu(await menuText(page), ['工作台', '行政区划', '组织机构'], ['用户管理', '审计日志'])
      await byTest(page, 'menu-regions').click()
      await page.locator('[data-test="region-table"] .el-table__row').first().waitFor()
      await shot(page, '1-regulator-regions-zh')

      await byTest(page, 'lang-switch').click()
      await byTest(page, 'lang-en').click()
      await page.waitForFunction(() => document.querySelector('[data-test="side-menu"]')?.textContent?.includes('Regions'))
      expectMenu(await menuText(page), ['Workbench', 'Regions', 'Organizations'], ['Users', 'Audit log', '工作台'])
      await byTest(page, 'menu-home').click()
      await byTest(page, 'welcome').waitFor()
      await page.locator('[data-test="menu-home"].is-active').waitFor()
      await shot(page, '1-regulator-home-en')
    },
  },
  {
    name: 'enterprise user sees its enterprise page, not organizations or users',
    async run(page) {
      await signedIn(page, 'demo-enterprise')
      expectMenu(await menuText(page), ['工作台', '我的企业'], ['组织机构', '用户管理', '行政区划'])
      await byTest(page, 'menu-enterprise').click()
      const card = byTest(page, 'my-enterprise')
      await card.locator('.el-descriptions').waitFor()
      const orgName = ((await byTest(page, 'org-name').textContent()) ?? '').trim()
      assert(orgName && ((await card.textContent()) ?? '').includes(orgName), `the enterprise page does not show "${orgName}"`)
      await shot(page, '2-enterprise-my-enterprise')
    },
  },
  {
    name: 'a wrong password shows the server message',
    expectedApiFailures: ['POST /api/v1/auth/login → 401'],
    async run(page) {
      // demo-viewer is used by no other scenario, so repeated runs never lock out the others
      await deskLogin(page, 'demo-viewer', 'not-the-password-1')
      const error = byTest(page, 'login-error')
      await error.waitFor()
      const text = (await error.textContent()) ?? ''
      assert(text.includes('用户名或密码错误'), `unexpected login error: "${text}"`)
      assert(page.url().includes('/login'), `left the login page: ${page.url()}`)
      await shot(page, '3-login-wrong-password')
    },
  },
  {
    name: 'admin sees users and audit, and the users list shows demo-expert',
    async run(page) {
      await signedIn(page, 'demo-admin')
      expectMenu(await menuText(page), ['工作台', '行政区划', '组织机构', '用户管理', '审计日志'], [])
      await byTest(page, 'menu-users').click()
      const table = byTest(page, 'user-table')
      await table.locator('.el-table__row', { hasText: 'demo-expert' }).first().waitFor()
      await shot(page, '4-admin-users')
      await byTest(page, 'menu-audit').click()
      await byTest(page, 'audit-table').locator('.el-table__row').first().waitFor()
      await shot(page, '4-admin-audit')
    },
  },
  {
    name: 'field app: expert signs in on a phone and sees the home screen',
    viewport: PHONE_VIEWPORT,
    async run(page) {
      await page.goto(`${BASE_URL}/field/`)
      await page.waitForURL(/\/field\/login/)
      await input(page, 'field-username').fill('demo-expert')
      await input(page, 'field-password').fill(PASSWORD)
      await byTest(page, 'field-submit').click()
      await byTest(page, 'field-home').waitFor()
      assert(new URL(page.url()).pathname === '/field/', `unexpected field URL ${page.url()}`)
      const tasks = (await byTest(page, 'field-tasks').textContent()) ?? ''
      assert(tasks.includes('暂无走访任务'), `today's tasks do not say there are no visits: "${tasks}"`)
      assert(((await byTest(page, 'field-org').textContent()) ?? '').trim().length > 2, 'no organization shown')
      await shot(page, '5-field-home')
    },
  },
]

const userDataDir = mkdtempSync(join(tmpdir(), 'riskwatch-e2e-profile-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: DESK_VIEWPORT,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
})
context.setDefaultTimeout(15_000)

let passed = 0
let failed = 0
try {
  for (const scenario of scenarios) {
    // every scenario starts signed out, in the default language
    await context.clearCookies()
    const page = await context.newPage()
    const pageErrors = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const apiFailures = watchApiFailures(page)
    await page.setViewportSize(scenario.viewport ?? DESK_VIEWPORT)
    try {
      await page.goto(`${BASE_URL}/login`)
      await page.evaluate(() => localStorage.clear())
      await scenario.run(page)
      assert(pageErrors.length === 0, `errors in the page: ${pageErrors.join('; ')}`)
      const expected = scenario.expectedApiFailures ?? []
      assert(String(apiFailures) === String(expected), `API failures: [${apiFailures.join('; ')}], expected [${expected.join('; ')}]`)
      passed += 1
      console.log(`ok - ${scenario.name}`)
    } catch (error) {
      failed += 1
      console.log(`not ok - ${scenario.name}`)
      console.log(`  # ${String(error?.message ?? error).split('\n').join('\n  # ')}`)
      await shot(page, `failed-${passed + failed}`).catch(() => {})
    } finally {
      await page.close()
    }
  }
} finally {
  await context.close()
  rmSync(userDataDir, { recursive: true, force: true })
}

console.log(`# screenshots in ${SCREENSHOT_DIR}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
