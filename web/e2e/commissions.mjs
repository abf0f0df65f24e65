// Browser scenarios of commissions (wuxi §14(二), §15(二)): an insurer commissions enterprises to an
// agency, the agency accepts or declines each, the insurer sees the outcome; another agency sees none of it.
// Registered in run.mjs, which passes its helpers.

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')
const AGENCY_A = '无锡环科风险评估有限公司'
/** Insured by demo-insurer and in no open commission: 10 and 11 never commissioned, 9 declined before. */
const FREE = ['无锡市金属热处理有限公司', '无锡市蓝天包装印刷有限公司', '无锡市富源塑料有限公司']
const [TO_ACCEPT_1, TO_ACCEPT_2, TO_DECLINE] = FREE
const DECLINE_REASON = '本月排期已满，无法承接'

export function commissionScenarios({ assert, byTest, signedIn, shot, dialogOpen, tableRows, BASE_URL }) {
  /** The commission created by the first scenario, for the second. */
  let commissionId = null

  async function signInAs(page, username) {
    await page.context().clearCookies()
    await signedIn(page, username)
  }

  /** Picks an option of a searchable select: open it, type (replacing an earlier search), click the option. */
  async function pick(page, name, typed, option) {
    await byTest(page, name).click()
    await byTest(page, name).locator('input').first().fill(typed)
    await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
  }

  const textArea = (page, name) => page.locator(`textarea[data-test="${name}"], [data-test="${name}"] textarea`).first()

  /** A multiple select stays open after a pick; a click on the dialog's title closes it. */
  async function closeDropdown(page) {
    await byTest(page, 'commission-dialog').locator('.el-dialog__title').click()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
  }

  const inboxRow = (page, enterprise) => page.locator('[data-test="inbox-table"] .el-table__row', { has: page.locator(`[data-test="inbox-row"][data-enterprise="${enterprise}"]`) })

  /** Waits for the inbox to answer a load and show it. */
  async function inboxLoaded(page, load) {
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/commission-items' && r.request().method() === 'GET')
    await load()
    await answered
    await page.locator('[data-test="inbox-table"] .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
  }

  const itemRows = (page) => tableRows(page, 'commission-items')

  return [
    {
      name: 'an insurer commissions three enterprises to agency A, which accepts two and declines one; the insurer sees the outcome',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signInAs(page, 'demo-insurer')
        await byTest(page, 'menu-commissions').click()
        await page.locator('[data-test="commission-table"] .el-table__row').first().waitFor()

        await byTest(page, 'commission-create').click()
        await dialogOpen(page, 'commission-dialog')
        await pick(page, 'commission-agency', '环科', AGENCY_A)
        for (const name of FREE) await pick(page, 'commission-enterprises', name.slice(3, 8), name)
        await closeDropdown(page)
        await pick(page, 'commission-service-types', '风险评估', '环责险风险评估')
        await closeDropdown(page)
        await textArea(page, 'commission-notes').fill('2026 年度补充委托')
        await shot(page, '30-commission-create')
        const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/commissions' && r.request().method() === 'POST')
        await byTest(page, 'commission-save').click()
        assert((await created).status() === 201, 'the commission was not created')
        await page.waitForURL(/\/commissions\/\d+$/)
        commissionId = Number(new URL(page.url()).pathname.split('/').pop())
        await page.locator('[data-test="commission-items"] .el-table__row').nth(2).waitFor()
        let rows = await itemRows(page)
        assert(rows.length === 3 && FREE.every((name) => rows.some((row) => row.includes(name))), `the new commission lists: ${rows.join(' | ')}`)
        assert(rows.every((row) => row.includes('待确认')), `new items are not all pending: ${rows.join(' | ')}`)
        assert(((await byTest(page, 'commission-agency-name').textContent()) ?? '').includes(AGENCY_A), 'the commission is not to agency A')

        // the enterprise picker marks the enterprises now in an open commission, and they cannot be picked;
        // the service picker offers only the 环责险 services of their policies, grouped by source
        await byTest(page, 'menu-commissions').click()
        await byTest(page, 'commission-create').click()
        await dialogOpen(page, 'commission-dialog')
        await byTest(page, 'commission-enterprises').click()
        await byTest(page, 'commission-enterprises').locator('input').first().fill(TO_ACCEPT_1.slice(3, 8))
        const taken = page.locator('.el-select-dropdown__item:visible', { hasText: TO_ACCEPT_1 }).first()
        await taken.locator('[data-test="option-note"]').waitFor()
        const mark = (await taken.textContent()) ?? ''
        assert(mark.includes(`已在委托 #${commissionId} 中`), `the picker marks ${TO_ACCEPT_1} as: ${mark}`)
        assert((await taken.getAttribute('class'))?.includes('is-disabled'), `${TO_ACCEPT_1} can still be picked`)
        await byTest(page, 'commission-enterprises').locator('input').first().fill('恒达化工')
        const free = page.locator('.el-select-dropdown__item:visible', { hasText: '无锡市恒达化工有限公司' }).first()
        await free.waitFor()
        assert(!(await free.getAttribute('class'))?.includes('is-disabled'), 'a free enterprise cannot be picked')
        await shot(page, '30-commission-picker-marks')
        await free.click()
        await closeDropdown(page)
        await byTest(page, 'commission-service-types').click()
        await page.locator('.el-select-dropdown:visible .el-select-group__title').first().waitFor()
        await page.waitForTimeout(300)
        const groups = (await page.locator('.el-select-dropdown:visible .el-select-group__title').allTextContents()).map((g) => g.trim())
        assert(groups.includes('无锡环责险') && !groups.includes('成都安责险'), `the service picker offers the groups: ${groups.join(', ')}`)
        await shot(page, '30-commission-service-groups')
        await closeDropdown(page)
        await byTest(page, 'commission-dialog').locator('.el-dialog__headerbtn').click()

        // the agency checks the enterprises in its inbox (pending items by default)
        await signInAs(page, 'demo-agency')
        await inboxLoaded(page, () => byTest(page, 'menu-commission-inbox').click())
        for (const name of FREE) await inboxRow(page, name).waitFor()
        const checked = (await inboxRow(page, TO_DECLINE).textContent()) ?? ''
        for (const expected of ['91320', '地址', '规模', '风险等级', '中国人民财产保险']) assert(checked.includes(expected), `the inbox row lacks ${expected}: ${checked}`)
        await shot(page, '31-commission-inbox')

        // accepting asks first; cancelling sends nothing
        const steps = []
        page.on('request', (r) => {
          if (r.method() === 'POST' && /\/commission-items\/\d+\//.test(new URL(r.url()).pathname)) steps.push(new URL(r.url()).pathname)
        })
        const order = async () => (await tableRows(page, 'inbox-table')).map((row) => FREE.find((name) => row.includes(name)) ?? row.slice(0, 12))
        const listed = await order()
        await inboxRow(page, TO_ACCEPT_1).locator('[data-test="accept"]').click()
        const box = page.locator('.el-message-box')
        await box.waitFor()
        const question = (await box.textContent()) ?? ''
        assert(question.includes(TO_ACCEPT_1) && question.includes('接受') && question.includes('60 天'), `the confirmation reads: ${question}`)
        await shot(page, '31-commission-accept-confirm')
        await box.locator('.el-message-box__btns button', { hasText: '取消' }).click()
        await box.waitFor({ state: 'hidden' })
        assert(steps.length === 0, `cancelling the confirmation sent ${steps.join(', ')}`)

        // each step leaves the row where it is, with its new status (nothing slides under the cursor)
        const rowStatus = (name) => inboxRow(page, name).locator('[data-test="inbox-status-tag"]')
        for (const name of [TO_ACCEPT_1, TO_ACCEPT_2]) {
          await inboxRow(page, name).locator('[data-test="accept"]').click()
          await box.waitFor()
          const accepted = page.waitForResponse((r) => /\/accept$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST')
          await box.locator('.el-message-box__btns .el-button--primary').click()
          assert((await accepted).status() === 200, `accepting ${name} failed`)
          await page.waitForFunction(
            (name) => [...document.querySelectorAll('[data-test="inbox-table"] .el-table__row')].some((row) => row.querySelector(`[data-enterprise="${name}"]`) && row.textContent?.includes('已接受')),
            name,
          )
          const now = await order()
          assert(String(now) === String(listed), `the rows moved: ${listed.join(', ')} → ${now.join(', ')}`)
          assert((await inboxRow(page, name).locator('[data-test="accept"]').count()) === 0, `${name} still offers 接受`)
        }
        assert(((await rowStatus(TO_ACCEPT_1).textContent()) ?? '').includes('已接受'), 'the first acceptance is not shown')
        await inboxRow(page, TO_DECLINE).locator('[data-test="decline"]').click()
        await dialogOpen(page, 'reason-dialog')
        // a reason is required
        await byTest(page, 'confirm').click()
        await page.locator('[data-test="reason-dialog"] .el-form-item__error').waitFor()
        await textArea(page, 'reason').fill(DECLINE_REASON)
        const declined = page.waitForResponse((r) => /\/decline$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST')
        await byTest(page, 'confirm').click()
        assert((await declined).status() === 200, 'declining failed')
        await page.waitForFunction(() => document.querySelector('[data-test="inbox-table"]')?.textContent?.includes('已拒绝'))
        assert(String(await order()) === String(listed), 'the rows moved after the decline')
        await shot(page, '31-commission-inbox-after')

        // what the agency now sees of that commission, by status
        await inboxLoaded(page, () => page.goto(`${BASE_URL}/commission-inbox?commission_id=${commissionId}&status=accepted`))
        rows = await tableRows(page, 'inbox-table')
        assert(rows.length === 2 && rows.every((row) => row.includes('已接受')), `accepted: ${rows.join(' | ')}`)
        assert([TO_ACCEPT_1, TO_ACCEPT_2].every((name) => rows.some((row) => row.includes(name))), `accepted: ${rows.join(' | ')}`)
        assert(rows.every((row) => row.includes('剩余')), `accepted items show no working days left: ${rows.join(' | ')}`)
        await inboxLoaded(page, () => page.goto(`${BASE_URL}/commission-inbox?commission_id=${commissionId}&status=declined`))
        rows = await tableRows(page, 'inbox-table')
        assert(rows.length === 1 && rows[0].includes(TO_DECLINE) && rows[0].includes('已拒绝') && rows[0].includes(DECLINE_REASON), `declined: ${rows.join(' | ')}`)

        // the deadlines: 60 days for the new acceptances, and the old overdue one in red
        await byTest(page, 'menu-deadlines').click()
        const deadlines = page.locator('[data-test="deadline-table"] .el-table__row')
        await deadlines.first().waitFor()
        const fresh = (await deadlines.filter({ hasText: TO_ACCEPT_1 }).textContent()) ?? ''
        assert(fresh.includes('60 天 · 无锡指南 第十五条（二）') && fresh.includes('剩余'), `the new deadline reads: ${fresh}`)
        assert(!fresh.includes('wuxi') && !fresh.includes('§'), `the deadline shows a seed code: ${fresh}`)
        const late = (await deadlines.filter({ hasText: '无锡市江南涂料有限公司' }).textContent()) ?? ''
        assert(late.includes('逾期 6 个工作日'), `the overdue deadline reads: ${late}`)
        await shot(page, '32-deadlines')

        // the insurer hears of the decline and opens the commission from the bell
        await signInAs(page, 'demo-insurer')
        await page.waitForFunction(() => Number(document.querySelector('[data-test="notification-count"] sup')?.textContent ?? 0) > 0)
        await byTest(page, 'notification-bell').click()
        await page.locator('[data-test="notification-item"]', { hasText: `委托被拒绝：${TO_DECLINE}` }).click()
        await page.waitForURL(new RegExp(`/commissions/${commissionId}$`))
        await page.locator('[data-test="commission-items"] .el-table__row').nth(2).waitFor()
        rows = await itemRows(page)
        const count = (label) => rows.filter((row) => row.includes(label)).length
        assert(count('已接受') === 2 && count('已拒绝') === 1, `the insurer sees: ${rows.join(' | ')}`)
        assert(rows.find((row) => row.includes(TO_DECLINE))?.includes(DECLINE_REASON), `the decline reason is not shown: ${rows.join(' | ')}`)
        await shot(page, '33-commission-outcome')
      },
    },
    {
      name: 'agency B sees neither the items nor the commission agency A was sent',
      get expectedApiFailures() {
        return [`GET /api/v1/commissions/${commissionId} → 404`]
      },
      async run(page) {
        assert(commissionId, 'the commission scenario did not run')
        await page.clock.setFixedTime(NOW)
        await signInAs(page, 'qingyuan-admin')
        await inboxLoaded(page, () => byTest(page, 'menu-commission-inbox').click())
        // insurer B commissioned two of the same enterprises to agency B (commission #2): those stay; A's do not show
        const mark = `委托 #${commissionId} `
        for (const status of ['pending', 'accepted', 'declined']) {
          await inboxLoaded(page, () => page.goto(`${BASE_URL}/commission-inbox?status=${status}`))
          const rows = await tableRows(page, 'inbox-table')
          assert(!rows.some((row) => row.includes(mark)), `agency B's ${status} inbox shows: ${rows.join(' | ')}`)
          assert(!rows.some((row) => row.includes('中国人民财产保险')), `agency B's ${status} inbox shows insurer A's items: ${rows.join(' | ')}`)
        }
        await inboxLoaded(page, () => page.goto(`${BASE_URL}/commission-inbox?commission_id=${commissionId}&status=accepted`))
        assert((await tableRows(page, 'inbox-table')).length === 0, "agency B sees agency A's accepted items")
        await page.goto(`${BASE_URL}/commissions/${commissionId}`)
        await byTest(page, 'not-found').waitFor()
        await shot(page, '34-commission-other-agency')
      },
    },
  ]
}
