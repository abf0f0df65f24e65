// Browser scenarios of the pickers over big tables (issue 10): a select over enterprises asks the server for
// one page of matches once typing pauses and keeps the chosen one's label; the industry tree opens one level
// at a time and searches on the server. Registered in run.mjs, which passes its helpers.

const PAGE_SIZE = '30' // desk/composables/useRemoteOptions.ts
const ENTERPRISE = '无锡市恒达化工有限公司'

/** The API requests of a page to `path` (GETs), as URLs, from now on. */
function apiRequests(page, path) {
  const seen = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (request.method() === 'GET' && url.pathname === `/api/v1${path}`) seen.push(url)
  })
  return seen
}

export function pickerScenarios({ assert, byTest, signedIn, shot, dialogOpen }) {
  return [
    {
      name: 'a policy\'s enterprise is picked by typing part of its name: one page of matches per pause, Enter picks',
      async run(page) {
        await signedIn(page, 'demo-insurer')
        await byTest(page, 'menu-policies').click()
        await page.locator('[data-test="policy-table"] .el-table__row').first().waitFor()
        const searches = apiRequests(page, '/enterprises')
        await byTest(page, 'policy-create').click()
        await dialogOpen(page, 'policy-dialog')
        assert(searches.length === 0, `the form listed enterprises before the picker opened: ${searches.join(' ')}`)

        const picker = byTest(page, 'policy-enterprise')
        const firstPage = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/enterprises')
        await picker.click()
        await firstPage
        const typed = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === '恒达')
        await page.keyboard.type('恒达', { delay: 50 }) // faster than the pause that sends a search
        await typed
        await page.locator('.el-select-dropdown__item:visible', { hasText: ENTERPRISE }).waitFor()
        const asked = searches.map((url) => `q=${url.searchParams.get('q') ?? ''} limit=${url.searchParams.get('limit')}`)
        assert(String(asked) === String([`q= limit=${PAGE_SIZE}`, `q=恒达 limit=${PAGE_SIZE}`]), `searches sent: ${asked.join('; ')}`)

        await page.keyboard.press('Enter') // the first match
        const shown = (await picker.textContent()) ?? ''
        assert(shown.includes(ENTERPRISE), `the picker shows "${shown}" after Enter`)
        await shot(page, '8-picker-enterprise-typed')
      },
    },
    {
      name: 'an edited policy shows its enterprise by name before any list of enterprises is loaded',
      async run(page) {
        await signedIn(page, 'demo-insurer')
        await byTest(page, 'menu-policies').click()
        const row = page.locator('[data-test="policy-table"] .el-table__row').first()
        await row.waitFor()
        const lists = apiRequests(page, '/enterprises')
        const looked = page.waitForResponse((r) => /^\/api\/v1\/enterprises\/\d+$/.test(new URL(r.url()).pathname))
        await row.getByRole('button', { name: '编辑' }).click()
        await dialogOpen(page, 'policy-dialog')
        const enterprise = await (await looked).json()
        const shown = (await byTest(page, 'policy-enterprise').textContent()) ?? ''
        assert(shown.includes(enterprise.name), `the picker shows "${shown}", not ${enterprise.name}`)
        assert(lists.length === 0, `enterprises were listed: ${lists.join(' ')}`)
      },
    },
    {
      name: 'the industry filter opens one level at a time and finds a class by name on the server',
      async run(page) {
        const asked = apiRequests(page, '/industries')
        await signedIn(page, 'demo-admin')
        await byTest(page, 'menu-enterprises').click()
        await page.locator('[data-test="enterprise-table"] .el-table__row').first().waitFor()
        // el-tree-select hands its attributes to the select and to its tree: the select is the first.
        await byTest(page, 'enterprise-industry-filter').first().click()
        const node = (text) => page.locator('.el-tree-node__content:visible', { hasText: text }).first()
        await node('C 制造业').waitFor()
        const children = page.waitForResponse((r) => new URL(r.url()).searchParams.get('parent') === 'C')
        await node('C 制造业').locator('.el-tree-node__expand-icon').click()
        await children
        await node('26 化学原料和化学制品制造业').waitFor()

        const found = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === '有机化学')
        await byTest(page, 'enterprise-industry-filter').first().locator('input').first().fill('有机化学')
        await found
        await node('2614 有机化学原料制造').click()
        const filtered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('industry') === '2614')
        await byTest(page, 'enterprise-search-submit').click()
        await filtered
        await page.waitForFunction(() => document.querySelectorAll('[data-test="enterprise-table"] .el-table__row').length > 0)
        const rows = await page.locator('[data-test="enterprise-table"] .el-table__row').allTextContents()
        assert(rows.length > 0 && rows.every((r) => r.includes('有机化学原料制造')), `rows for 2614: ${rows.join(' | ')}`)

        const whole = asked.filter((url) => !['level', 'parent', 'q'].some((key) => url.searchParams.has(key)))
        assert(whole.length === 0, `the whole classification was loaded: ${whole.join(' ')}`)
        assert(asked.some((url) => url.searchParams.get('level') === '1'), 'the top level was not asked for')
        await shot(page, '9-industry-filter')
      },
    },
  ]
}
