// Browser tests of the desk and field apps against a running, seeded server.
//   BASE_URL=http://127.0.0.1:18080 SCREENSHOT_DIR=/tmp/shots node e2e/run.mjs
// Prints "ok - name" / "not ok - name" per scenario and "N passed, N failed" at the end.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { archiveScenarios } from './archive.mjs'
import { commissionScenarios } from './commissions.mjs'
import { correctionScenarios } from './corrections.mjs'
import { envRiskScenarios } from './env-risk.mjs'
import { fieldOfflineScenarios } from './field-offline.mjs'
import { hazardScenarios } from './hazards.mjs'
import { inspectionScenarios } from './inspections.mjs'
import { pickerScenarios } from './pickers.mjs'
import { safetyRiskScenarios } from './safety-risk.mjs'
import { visitScenarios } from './visits.mjs'

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

/** The entries of a zip archive (an .xlsx is one) by name, read from its central directory. */
function unzip(buffer) {
  let end = buffer.length - 22
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1
  assert(end >= 0, 'not a zip archive: no end of central directory')
  const count = buffer.readUInt16LE(end + 10)
  let at = buffer.readUInt32LE(end + 16)
  const entries = new Map()
  for (let i = 0; i < count; i += 1) {
    assert(buffer.readUInt32LE(at) === 0x02014b50, 'broken zip central directory')
    const method = buffer.readUInt16LE(at + 10)
    const size = buffer.readUInt32LE(at + 20)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extraLength = buffer.readUInt16LE(at + 30)
    const commentLength = buffer.readUInt16LE(at + 32)
    const local = buffer.readUInt32LE(at + 42)
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength)
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const data = buffer.subarray(start, start + size)
    entries.set(name, () => (method === 0 ? data : inflateRawSync(data)).toString('utf8'))
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The rows of the enterprise table, as their text. */
async function tableRows(page, name) {
  return page.locator(`[data-test="${name}"] .el-table__body-wrapper .el-table__row`).allTextContents()
}

/** The number in "共 N 条" above the enterprise table. */
async function enterpriseTotal(page) {
  const text = (await byTest(page, 'enterprise-total').textContent()) ?? ''
  const match = /(\d+)/.exec(text)
  assert(match, `no total in "${text}"`)
  return Number(match[1])
}

async function openEnterprises(page) {
  await byTest(page, 'menu-enterprises').click()
  await page.locator('[data-test="enterprise-table"] .el-table__row').first().waitFor()
}

/** Signs in on the field app's login screen and waits for its home screen. */
async function fieldSignedIn(page, username) {
  await page.goto(`${BASE_URL}/field/login`)
  await input(page, 'field-username').fill(username)
  await input(page, 'field-password').fill(PASSWORD)
  await byTest(page, 'field-submit').click()
  await byTest(page, 'field-home').waitFor()
}

/** Searches the enterprise list and waits until the page shows the total of the answer to this search. */
async function searchEnterprises(page, text) {
  await input(page, 'enterprise-search').fill(text)
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url())
    return url.pathname === '/api/v1/enterprises' && r.request().method() === 'GET' && (url.searchParams.get('q') ?? '') === text
  })
  await byTest(page, 'enterprise-search-submit').click()
  const { total } = await (await answered).json()
  await page.waitForFunction(
    (expected) => /(\d[\d,]*)/.exec(document.querySelector('[data-test="enterprise-total"]')?.textContent ?? '')?.[1].replaceAll(',', '') === String(expected),
    total,
  )
}

/** Opens the page of the enterprise named `name` (found through the signed-in user's API) on its tab `tab`. */
async function openEnterpriseTab(page, name, tab) {
  const id = await page.evaluate(async (text) => {
    const body = await (await fetch(`/api/v1/enterprises?q=${encodeURIComponent(text)}`, { credentials: 'same-origin' })).json()
    return body.items[0].id
  }, name)
  await page.goto(`${BASE_URL}/enterprises/${id}`)
  await page.locator('[data-test="enterprise-tabs"] .el-tabs__item', { hasText: tab }).click()
}

/** Waits for a dialog to finish opening (Element Plus fades it in) so screenshots show it whole. */
async function dialogOpen(page, name) {
  await byTest(page, name).waitFor()
  await page.waitForTimeout(400)
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
    name: 'enterprise search by a Chinese substring: 化工 finds 恒达化工 and no other enterprise',
    async run(page) {
      await signedIn(page, 'demo-admin')
      expectMenu(await menuText(page), ['基础档案', '企业档案', '保单管理', '服务人员'], [])
      await openEnterprises(page)
      assert((await enterpriseTotal(page)) === 20, `admin sees ${await enterpriseTotal(page)} enterprises, expected 20`)
      await searchEnterprises(page, '化工')
      const rows = await tableRows(page, 'enterprise-table')
      assert(rows.length === 1, `化工 matched ${rows.length} rows: ${rows.join(' | ')}`)
      assert(rows[0].includes('无锡市恒达化工有限公司'), `the match is not 恒达化工: ${rows[0]}`)
      assert(rows[0].includes('重大'), `恒达化工 does not show its risk level 重大: ${rows[0]}`)
      assert((await enterpriseTotal(page)) === 1, 'the total does not follow the search')
      for (const other of ['无锡市创新半导体有限公司', '无锡市安达物流有限公司', '无锡市锡能电镀有限公司']) {
        assert(!rows.some((row) => row.includes(other)), `${other} is listed for 化工`)
      }
      await shot(page, '6-enterprise-search-chemical')

      await page.locator('[data-test="enterprise-table"] a', { hasText: '无锡市恒达化工有限公司' }).click()
      await byTest(page, 'enterprise-info').waitFor()
      const info = (await byTest(page, 'enterprise-info').textContent()) ?? ''
      for (const expected of ['91320213MA1000000E', '重大', '大型']) assert(info.includes(expected), `the detail lacks ${expected}`)
      await shot(page, '6-enterprise-detail-info')
      await page.locator('[data-test="enterprise-tabs"] .el-tabs__item', { hasText: '保单' }).click()
      await page.locator('[data-test="enterprise-policies"] .el-table__row').first().waitFor()
      await shot(page, '6-enterprise-detail-policies')
      await page.locator('[data-test="enterprise-tabs"] .el-tabs__item', { hasText: '联系人' }).click()
      await page.locator('[data-test="enterprise-contacts-table"] .el-table__row').first().waitFor()

      await page.goBack()
      await page.locator('[data-test="enterprise-table"] .el-table__row').first().waitFor()
      await byTest(page, 'lang-switch').click()
      await byTest(page, 'lang-en').click()
      await page.waitForFunction(() => document.querySelector('[data-test="enterprise-table"]')?.textContent?.includes('Risk level'))
      const english = (await byTest(page, 'enterprise-table').textContent()) ?? ''
      for (const label of ['Unified social credit code', 'Production', 'Major', 'Large', 'Operating']) {
        assert(english.includes(label), `the English list lacks "${label}"`)
      }
      await shot(page, '6-enterprise-list-en')
    },
  },
  {
    name: 'an invalid credit code is flagged at its field while typing and nothing is sent or created',
    async run(page) {
      const posts = []
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/enterprises') posts.push(request.url())
      })
      await signedIn(page, 'demo-admin')
      await openEnterprises(page)
      const before = await enterpriseTotal(page)
      await byTest(page, 'enterprise-create').click()
      await input(page, 'enterprise-name').fill('无锡市校验测试有限公司')
      // 91320213MA1000000E is valid (恒达化工); the last character changed makes the check character wrong
      await input(page, 'enterprise-credit-code').fill('91320213MA1000000F')
      const error = page.locator('[data-test="enterprise-credit-code-item"] .el-form-item__error')
      await error.waitFor()
      const message = (await error.textContent()) ?? ''
      assert(message.includes('校验位'), `the credit-code field says "${message}"`)
      await byTest(page, 'enterprise-save').click()
      await page.waitForTimeout(500)
      assert(await error.isVisible(), 'the credit-code error went away on save')
      assert(posts.length === 0, `the form was sent: ${posts.join(', ')}`)
      await byTest(page, 'enterprise-credit-code-item').scrollIntoViewIfNeeded()
      await shot(page, '7-enterprise-invalid-credit-code')

      await page.keyboard.press('Escape')
      await byTest(page, 'enterprise-dialog').waitFor({ state: 'hidden' })
      await page.reload()
      await page.locator('[data-test="enterprise-table"] .el-table__row').first().waitFor()
      assert((await enterpriseTotal(page)) === before, 'the number of enterprises changed')
    },
  },
  {
    name: 'a registered credit code: warned while typing, and the server\'s 409 is shown at the field',
    expectedApiFailures: ['POST /api/v1/enterprises → 409'],
    async run(page) {
      await signedIn(page, 'demo-admin')
      await openEnterprises(page)
      await byTest(page, 'enterprise-create').click()
      await input(page, 'enterprise-name').fill('无锡市重复登记测试有限公司')
      await input(page, 'enterprise-credit-code').fill('91320213MA1000000E')
      await byTest(page, 'enterprise-credit-code-registered').waitFor()
      // region: 江苏省 › 无锡市 › 新吴区 (a district may be chosen; provinces and cities only open)
      await byTest(page, 'enterprise-region').first().click()
      // (the list's region filter has a hidden tree of its own: only the open dropdown's nodes count)
      const node = (name) => page.locator('.el-tree-node__content:visible', { hasText: name }).first()
      for (const name of ['江苏省', '无锡市']) await node(name).locator('.el-tree-node__expand-icon').click()
      await node('新吴区').locator('.el-select-dropdown__item').click()
      // the choice shows in the field before saving, so a failure below is about the answer, not the pick
      await page.waitForFunction(() => document.querySelector('[data-test="enterprise-region"]')?.textContent?.includes('新吴区'))
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/enterprises' && r.request().method() === 'POST')
      await byTest(page, 'enterprise-save').click()
      const status = (await answered).status()
      assert(status === 409, `saving a registered credit code answered ${status}`)
      const error = page.locator('[data-test="enterprise-credit-code-item"] .el-form-item__error')
      await page.waitForFunction(() => document.querySelector('[data-test="enterprise-credit-code-item"] .el-form-item__error')?.textContent?.includes('已登记'))
      assert(((await error.textContent()) ?? '').includes('已登记'), 'the 409 is not shown at the credit-code field')
      await shot(page, '7-enterprise-duplicate-credit-code')
    },
  },
  {
    name: 'import in all_or_nothing mode with 2 bad rows: both rows\' errors are reported and nothing is written',
    expectedApiFailures: ['POST /api/v1/imports/enterprises → 422'],
    async run(page) {
      await signedIn(page, 'demo-admin')
      await openEnterprises(page)
      const before = await enterpriseTotal(page)
      // line 1 is the header; line 2 is valid and new, line 3 has a wrong check character, line 4 an unknown risk level
      const csv = [
        '企业名称,统一社会信用代码,区县,街道,环境风险等级',
        '无锡市导入测试一有限公司,91320214MA1X00001T,新吴区,旺庄街道,一般',
        '无锡市导入测试二有限公司,91320214MA1X00002Y,新吴区,旺庄街道,一般',
        '无锡市导入测试三有限公司,91320214MA1X000031,新吴区,旺庄街道,极高',
      ].join('\r\n')
      await byTest(page, 'enterprise-import').click()
      await dialogOpen(page, 'import-dialog')
      assert(await page.locator('[data-test="import-mode-all"] input').isChecked(), 'all_or_nothing is not the default mode')
      const [template] = await Promise.all([page.waitForEvent('download'), byTest(page, 'import-template').click()])
      const templateFile = readFileSync(await template.path())
      assert(templateFile.subarray(0, 2).toString('latin1') === 'PK', 'the template is not an .xlsx')
      await page.locator('[data-test="import-file"] input[type=file]').setInputFiles({
        name: '企业导入.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      })
      await byTest(page, 'import-submit').click()
      await byTest(page, 'import-summary').waitFor()
      const summary = (await byTest(page, 'import-summary').textContent()) ?? ''
      assert(summary.includes('未写入任何数据'), `the summary does not say nothing was written: "${summary}"`)
      const errors = await tableRows(page, 'import-errors')
      const rowsWithErrors = new Set(errors.map((row) => /^\s*(\d+)/.exec(row)?.[1]))
      assert(String([...rowsWithErrors].sort()) === '3,4', `errors are for rows ${[...rowsWithErrors].join(', ')}, expected 3 and 4: ${errors.join(' | ')}`)
      assert(errors.some((row) => row.startsWith('3') && row.includes('统一社会信用代码')), `row 3's credit-code error is missing: ${errors.join(' | ')}`)
      assert(errors.some((row) => row.startsWith('4') && row.includes('环境风险等级')), `row 4's risk-level error is missing: ${errors.join(' | ')}`)
      const count = async (name) => ((await byTest(page, `import-count-${name}`).textContent()) ?? '').trim()
      const counts = { total: await count('total'), valid: await count('valid'), invalid: await count('invalid'), created: await count('created'), updated: await count('updated') }
      assert(JSON.stringify(counts) === JSON.stringify({ total: '3', valid: '1', invalid: '2', created: '0', updated: '0' }), `unexpected counts ${JSON.stringify(counts)}`)
      await shot(page, '8-import-refused')

      await page.keyboard.press('Escape')
      await byTest(page, 'import-dialog').waitFor({ state: 'hidden' })
      await page.reload()
      await page.locator('[data-test="enterprise-table"] .el-table__row').first().waitFor()
      assert((await enterpriseTotal(page)) === before, `the list went from ${before} to ${await enterpriseTotal(page)} enterprises`)
      await searchEnterprises(page, '导入测试')
      assert((await enterpriseTotal(page)) === 0, 'an enterprise of the refused file was created')
    },
  },
  {
    name: 'export with the current filters downloads an .xlsx holding only the matching enterprises',
    async run(page) {
      await signedIn(page, 'demo-admin')
      await openEnterprises(page)
      await searchEnterprises(page, '化工')
      const [download] = await Promise.all([page.waitForEvent('download'), byTest(page, 'enterprise-export').click()])
      const file = readFileSync(await download.path())
      assert(file.subarray(0, 2).toString('latin1') === 'PK', `the download starts with ${JSON.stringify(file.subarray(0, 4).toString('latin1'))}, not PK`)
      assert(download.suggestedFilename().endsWith('.xlsx'), `the file is named ${download.suggestedFilename()}`)
      const entries = unzip(file)
      for (const name of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']) {
        assert(entries.has(name), `the workbook lacks ${name}: ${[...entries.keys()].join(', ')}`)
      }
      const text = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].map((name) => entries.get(name)?.() ?? '').join('\n')
      assert(text.includes('统一社会信用代码'), 'the sheet has no 统一社会信用代码 header')
      assert(text.includes('无锡市恒达化工有限公司'), 'the sheet does not hold 恒达化工')
      assert(!text.includes('无锡市创新半导体有限公司'), 'the sheet ignores the search: it holds 创新半导体')
    },
  },
  {
    name: 'registry lists follow the user\'s scope: agency A sees the 9 enterprises it serves, insurer A 12, with policies and staff pages',
    async run(page) {
      await signedIn(page, 'demo-agency')
      await openEnterprises(page)
      // Commissioned 0–9 by insurer A; it declined 9.
      assert((await enterpriseTotal(page)) === 9, `agency A sees ${await enterpriseTotal(page)} enterprises, expected 9`)
      await byTest(page, 'menu-staff').click()
      await page.locator('[data-test="staff-table"] .el-table__row').first().waitFor()
      await shot(page, '9-agency-staff')
      await byTest(page, 'staff-create').click()
      await dialogOpen(page, 'staff-dialog')
      await page.locator('[data-test="staff-kind"] .el-radio', { hasText: '专家' }).click()
      await byTest(page, 'staff-expert-pool-level').waitFor()
      await shot(page, '9-agency-staff-form-expert')
      await page.keyboard.press('Escape')

      await page.context().clearCookies()
      await signedIn(page, 'demo-insurer')
      await openEnterprises(page)
      assert((await enterpriseTotal(page)) === 12, `insurer A sees ${await enterpriseTotal(page)} enterprises, expected 12`)
      await byTest(page, 'menu-policies').click()
      await page.locator('[data-test="policy-table"] .el-table__row').first().waitFor()
      // Each policy in force shows its yearly survey: enterprise 0's was done on 2026-05-25, the others have none yet.
      const surveys = (await page.locator('[data-test="policy-table"] [data-test="survey-tag"]').allTextContents()).map((s) => s.trim())
      assert(surveys.filter((s) => s === '已勘查 2026-05-25').length === 1, `survey tags: ${surveys}`)
      assert(surveys.filter((s) => s === '本期未勘查').length === 11, `survey tags: ${surveys}`)
      await shot(page, '9-insurer-policies')
      await byTest(page, 'policy-create').click()
      await dialogOpen(page, 'policy-dialog')
      await shot(page, '9-insurer-policy-form')
    },
  },
  {
    name: 'insurer creates a policy: enterprise picked by search, the fund as a share of the premium',
    async run(page) {
      await signedIn(page, 'demo-insurer')
      await byTest(page, 'menu-policies').click()
      await page.locator('[data-test="policy-table"] .el-table__row').first().waitFor()
      const number = `PICC-E2E-${Date.now()}`
      await byTest(page, 'policy-create').click()
      await dialogOpen(page, 'policy-dialog')
      await input(page, 'policy-number').fill(number)
      await byTest(page, 'policy-enterprise').click()
      await page.keyboard.type('恒达')
      await page.locator('.el-select-dropdown__item:visible', { hasText: '无锡市恒达化工有限公司' }).click()
      const dialog = byTest(page, 'policy-dialog')
      const dates = dialog.locator('.el-date-editor input')
      await dates.nth(0).fill('2026-12-01')
      await page.keyboard.press('Enter')
      await dates.nth(1).fill('2027-11-30')
      await page.keyboard.press('Enter')
      const amounts = dialog.locator('.el-input-number input')
      for (const [index, value] of ['12345.67', '1000000', '15'].entries()) {
        await amounts.nth(index).fill(value)
        await amounts.nth(index).blur()
      }
      const preview = (await dialog.locator('.preview').textContent()) ?? ''
      assert(preview.includes('1,851.85'), `15% of 12,345.67 is shown as "${preview}"`)
      const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/policies' && r.request().method() === 'POST')
      await byTest(page, 'policy-save').click()
      assert((await created).status() === 201, 'the policy was not created')
      const row = page.locator('[data-test="policy-table"] .el-table__row', { hasText: number })
      await row.waitFor()
      const text = (await row.textContent()) ?? ''
      for (const expected of ['无锡市恒达化工有限公司', '12,345.67', '1,851.85', '15%']) assert(text.includes(expected), `the new row lacks ${expected}: ${text}`)
    },
  },
  {
    name: 'an enterprise user edits only the fields it may change on its own enterprise',
    async run(page) {
      await signedIn(page, 'demo-enterprise')
      await byTest(page, 'menu-enterprise').click()
      await byTest(page, 'enterprise-info').waitFor()
      await byTest(page, 'enterprise-edit').click()
      await dialogOpen(page, 'enterprise-dialog')
      assert((await byTest(page, 'enterprise-name').count()) === 0, 'an enterprise user may edit the name')
      assert((await byTest(page, 'enterprise-credit-code').count()) === 0, 'an enterprise user may edit the credit code')
      const address = `无锡市梁溪区工业路 ${Date.now() % 1000} 号`
      await input(page, 'enterprise-business-address').fill(address)
      await shot(page, '10-enterprise-self-edit')
      const patched = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/v1\/enterprises\/\d+$/.test(new URL(r.url()).pathname))
      await byTest(page, 'enterprise-save').click()
      const body = JSON.parse((await patched).postData() ?? '{}')
      assert(String(Object.keys(body)) === 'business_address', `the update sends ${Object.keys(body).join(', ')}`)
      await byTest(page, 'enterprise-dialog').waitFor({ state: 'hidden' })
      await page.waitForFunction((text) => document.querySelector('[data-test="enterprise-info"]')?.textContent?.includes(text), address)
    },
  },
  {
    name: 'service catalog: 无锡 types with their upload deadline; the admin\'s edit makes version 2 and keeps version 1',
    async run(page) {
      await signedIn(page, 'demo-admin')
      expectMenu(await menuText(page), ['服务管理', '服务目录'], [])
      await byTest(page, 'menu-service-catalog').click()
      const table = byTest(page, 'catalog-table')
      await table.locator('.el-table__row').first().waitFor()
      const listed = () => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/service-types' && r.request().method() === 'GET')
      let answered = listed()
      await byTest(page, 'catalog-source').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '无锡环责险' }).click()
      await answered
      await page.waitForFunction(() => document.querySelector('[data-test="catalog-total"]')?.textContent?.includes('17'))
      const rows = await tableRows(page, 'catalog-table')
      assert(rows.length === 17 && rows.every((row) => row.includes('无锡环责险')), `the 无锡 filter shows: ${rows.join(' | ')}`)
      const assessment = table.locator('.el-table__row', { hasText: '环责险风险评估' })
      const text = (await assessment.textContent()) ?? ''
      for (const expected of ['排查服务类', '现场服务结束后 5 个工作日内', '至少 2 人']) assert(text.includes(expected), `环责险风险评估 lacks ${expected}: ${text}`)
      await shot(page, '11-catalog-wuxi')

      await assessment.locator('.name').click()
      const drawer = byTest(page, 'catalog-detail')
      await byTest(page, 'catalog-upload-rule').waitFor()
      const rule = (await byTest(page, 'catalog-upload-rule').textContent()) ?? ''
      assert(rule.includes('5 个工作日内'), `the drawer's upload rule is "${rule}"`)
      const details = (await drawer.textContent()) ?? ''
      for (const expected of ['服务报告', '企业签字确认', '无锡指南 第九条（一）；附件1 一（一）', '无锡指南 附件1 一（一）7：']) assert(details.includes(expected), `the drawer lacks ${expected}`)
      for (const code of ['wuxi', '§', 'att.', 'wuxi.screening']) assert(!details.includes(code), `the drawer shows the code ${code}`)
      await page.waitForTimeout(400)
      await shot(page, '11-catalog-detail')
      await page.keyboard.press('Escape')
      await drawer.locator('.el-drawer').waitFor({ state: 'hidden' })

      // 大气污染治理专项培训: one week after the visit (5 working days); the edit moves it to 4 (or back to 5 on a rerun)
      const air = table.locator('.el-table__row', { hasText: '大气污染治理专项培训' })
      const before = (await air.textContent()) ?? ''
      const version = Number(/v(\d+)/.exec(before)?.[1])
      const days = before.includes('5 个工作日内') ? '4' : '5'
      await air.locator('[data-test="catalog-edit"]').click()
      await dialogOpen(page, 'catalog-dialog')
      await input(page, 'catalog-upload-days').fill(days)
      await input(page, 'catalog-upload-days').blur()
      await shot(page, '11-catalog-edit')
      const patched = page.waitForResponse((r) => /\/api\/v1\/service-types\/\d+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PATCH')
      answered = listed()
      await byTest(page, 'catalog-save').click()
      const response = await patched
      assert(response.status() === 200, `the edit answered ${response.status()}`)
      const body = JSON.parse(response.request().postData() ?? '{}')
      assert(String(Object.keys(body)) === 'upload_working_days', `the edit sends ${Object.keys(body).join(', ')}`)
      await answered
      await page.waitForFunction(
        ([days, version]) =>
          [...document.querySelectorAll('[data-test="catalog-table"] .el-table__row')].some(
            (row) => row.textContent?.includes('大气污染治理专项培训') && row.textContent.includes(`${days} 个工作日内`) && row.textContent.includes(`v${version}`),
          ),
        [days, version + 1],
      )

      await air.locator('.name').click()
      const versions = byTest(page, 'catalog-versions')
      await page.waitForFunction((count) => document.querySelectorAll('[data-test="catalog-versions"] .el-table__row').length === count, version + 1)
      assert(((await versions.textContent()) ?? '').includes('系统预置'), 'version 1 is not listed as shipped')
      // version 1 still has the seed's one week
      await versions.locator('.el-table__row', { hasText: 'v1' }).locator('button').click()
      await byTest(page, 'catalog-older-version').waitFor()
      const first = (await byTest(page, 'catalog-upload-rule').textContent()) ?? ''
      assert(first.includes('5 个工作日内'), `version 1's upload rule is "${first}"`)
      await page.waitForTimeout(400)
      await shot(page, '11-catalog-versions')
    },
  },
  {
    name: 'working-day calendar: 2026 shows 02-14 as a 调休 working day and 02-17 off; 2026-09-30 + 5 working days is 10-13',
    async run(page) {
      await signedIn(page, 'demo-admin')
      expectMenu(await menuText(page), ['系统管理', '工作日历'], [])
      await byTest(page, 'menu-calendar').click()
      await byTest(page, 'calendar-year-2026').click()
      await page.waitForFunction(() => document.querySelector('[data-test="calendar-source"]')?.textContent?.includes('2026年'))
      const source = (await byTest(page, 'calendar-source').textContent()) ?? ''
      for (const expected of ['官方文件', '国办发明电〔2025〕7号', '全年工作日 248 天']) assert(source.includes(expected), `the source line lacks ${expected}: ${source}`)
      // 春节 2026: off Sun 02-15 … Mon 02-23, worked Sat 02-14 (调休)
      const workday = byTest(page, 'day-2026-02-14')
      assert((await workday.getAttribute('class'))?.includes('is-workday'), `02-14 is marked ${await workday.getAttribute('class')}`)
      assert(((await workday.textContent()) ?? '').includes('班'), '02-14 has no 班 mark')
      const holiday = byTest(page, 'day-2026-02-17')
      assert((await holiday.getAttribute('class'))?.includes('is-holiday'), `02-17 is marked ${await holiday.getAttribute('class')}`)
      assert(((await holiday.textContent()) ?? '').includes('休'), '02-17 has no 休 mark')
      assert((await holiday.getAttribute('title')) === '春节', `02-17 is titled ${await holiday.getAttribute('title')}`)
      await shot(page, '12-calendar-2026')

      // off Thu 10-01 … Wed 10-07: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 10-12, Tue 10-13
      await input(page, 'calc-from').fill('2026-09-30')
      await page.keyboard.press('Enter')
      await input(page, 'calc-days').fill('5')
      await input(page, 'calc-days').blur()
      const answered = page.waitForResponse((r) => {
        const url = new URL(r.url())
        return url.pathname === '/api/v1/calendar/add-working-days' && url.searchParams.get('from') === '2026-09-30' && url.searchParams.get('days') === '5'
      })
      await byTest(page, 'calc-add').click()
      await answered
      await page.waitForFunction(() => document.querySelector('[data-test="calc-add-result"]')?.textContent?.includes('2026-10-13'))
      const result = (await byTest(page, 'calc-add-result').textContent()) ?? ''
      assert(result.includes('第 5 个工作日是 2026-10-13（周二）'), `the calculator says "${result}"`)
      await byTest(page, 'calendar-calculator').scrollIntoViewIfNeeded()
      await shot(page, '12-calendar-calculator')
    },
  },
  {
    name: 'field app: expert signs in on a phone and sees the home screen',
    viewport: PHONE_VIEWPORT,
    async run(page) {
      await page.clock.setFixedTime(new Date('2026-06-01T10:00:00+08:00'))
      await page.goto(`${BASE_URL}/field/`)
      await page.waitForURL(/\/field\/login/)
      await input(page, 'field-username').fill('demo-expert')
      await input(page, 'field-password').fill(PASSWORD)
      await byTest(page, 'field-submit').click()
      await byTest(page, 'field-home').waitFor()
      assert(new URL(page.url()).pathname === '/field/', `unexpected field URL ${page.url()}`)
      // 我的服务: demo data has a visit confirmed for today with 陈专家
      await byTest(page, 'field-tasks').locator('[data-test="field-visit"]').first().waitFor()
      const tasks = (await byTest(page, 'field-tasks').textContent()) ?? ''
      assert(tasks.includes('无锡市华润印染有限公司'), `today's visits do not show 华润印染: "${tasks}"`)
      assert(((await byTest(page, 'field-org').textContent()) ?? '').trim().length > 2, 'no organization shown')
      await shot(page, '5-field-home')
    },
  },
  ...commissionScenarios({ assert, byTest, signedIn, shot, dialogOpen, tableRows, BASE_URL }),
  ...visitScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, tableRows, BASE_URL, PASSWORD, PHONE_VIEWPORT }),
  ...correctionScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, BASE_URL, PASSWORD, PHONE_VIEWPORT }),
  ...pickerScenarios({ assert, byTest, signedIn, shot, dialogOpen }),
  ...inspectionScenarios({ assert, byTest, signedIn, shot, dialogOpen, BASE_URL }),
  ...hazardScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, openEnterpriseTab, BASE_URL, PASSWORD, DESK_VIEWPORT, PHONE_VIEWPORT, SCREENSHOT_DIR }),
  ...safetyRiskScenarios({ assert, byTest, signedIn, shot, dialogOpen, openEnterpriseTab }),
  ...envRiskScenarios({ assert, byTest, input, signedIn, fieldSignedIn, shot, PHONE_VIEWPORT }),
  // last: it leaves the field app's service worker and IndexedDB in the shared browser profile
  ...archiveScenarios({ assert, byTest, signedIn, shot, dialogOpen }),
  ...fieldOfflineScenarios({ assert, byTest, input, fieldSignedIn, shot, PHONE_VIEWPORT }),
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
  // E2E_ONLY=text runs only the scenarios whose name contains it (while working on them)
  for (const scenario of scenarios.filter((s) => !process.env.E2E_ONLY || s.name.includes(process.env.E2E_ONLY))) {
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
      // what the server answered tells a slow machine's timeout from a wrong answer
      if (apiFailures.length) console.log(`  # API failures: ${apiFailures.join('; ')}`)
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
