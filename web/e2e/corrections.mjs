// Browser scenarios of the corrections of issue 9 §5 that users see: no internal codes, a regulator's
// deadline board without dead links, Monday-first calendars with 休/班 marks, and the field app's
// overdue and next-seven-days lists. Registered in run.mjs (after the commission scenarios, whose
// steps fill the audit log), which passes its helpers.

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')

export function correctionScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, BASE_URL, PASSWORD, PHONE_VIEWPORT }) {
  /** The plan the measures scenario tries to propose. */
  let planId = null

  return [
    {
      name: 'the audit log names every kind of record in Chinese, never by its code',
      async run(page) {
        await signedIn(page, 'demo-admin')
        await byTest(page, 'menu-audit').click()
        await byTest(page, 'audit-table').locator('.el-table__row').first().waitFor()
        const kinds = await byTest(page, 'audit-entity').allTextContents()
        assert(kinds.length > 0, 'the audit log is empty')
        const codes = kinds.filter((kind) => /[a-z_]/.test(kind))
        assert(codes.length === 0, `the audit log shows codes: ${codes.join(', ')}`)

        // the commission scenarios accepted and declined commission items: 委托企业
        await byTest(page, 'audit-entity-filter').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '委托企业' }).click()
        const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit' && new URL(r.url()).searchParams.get('entity') === 'commission_item')
        await byTest(page, 'audit-search').click()
        await answered
        await page.waitForFunction(() => {
          const cells = [...document.querySelectorAll('[data-test="audit-entity"]')]
          return cells.length > 0 && cells.every((cell) => cell.textContent === '委托企业')
        })
        await shot(page, '40-audit-chinese-kinds')
      },
    },
    {
      name: "a regulator's deadline board links to visits and enterprises it can open, not to commissions",
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-regulator')
        await byTest(page, 'menu-deadlines').click()
        const rows = page.locator('[data-test="deadline-table"] .el-table__row')
        await rows.first().waitFor()
        const commissionRow = rows.filter({ hasText: '委托' }).first()
        await commissionRow.waitFor()
        assert((await commissionRow.locator('a[data-test="deadline-object"]').count()) === 0, 'a commission deadline links to a page the regulator cannot open')
        const text = (await rows.allTextContents()).join(' | ')
        assert(!text.includes('wuxi') && !text.includes('§'), `the board shows seed codes: ${text}`)
        await shot(page, '41-regulator-deadlines')

        // (hazards' deadlines link to their desk page too; this checks a visit's)
        const visitLink = page.locator('[data-test="deadline-table"] a[data-test="deadline-object"][href^="/visits/"]').first()
        await visitLink.waitFor()
        await visitLink.click()
        await page.waitForURL(/\/visits\/\d+$/)
        await byTest(page, 'visit-detail').waitFor()
        assert((await byTest(page, 'not-found').count()) === 0, 'the visit page is missing for the regulator')
      },
    },
    {
      name: 'calendars start on Monday and mark days off (休) and 调休 working days (班), in both languages',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-agency')
        await byTest(page, 'menu-visits').click()
        await byTest(page, 'visit-view-month').click()
        const month = byTest(page, 'visit-calendar-month')
        await month.locator('.cell[data-day="2026-06-01"]').waitFor()
        const heads = await month.locator('thead th').allTextContents()
        assert(heads[0]?.trim() === '一' && heads[6]?.trim() === '日', `the month calendar's columns: ${heads.join(' ')}`)
        // 2026-06-01 is a Monday: the first cell of the grid
        assert((await month.locator('.el-calendar-table td').first().locator('.cell').getAttribute('data-day')) === '2026-06-01', 'June 1st (a Monday) is not in the first column')
        const dragonBoat = month.locator('.cell[data-day="2026-06-19"]')
        await dragonBoat.locator('[data-test="day-mark"]').waitFor()
        assert(((await dragonBoat.textContent()) ?? '').includes('休'), '端午节 is not marked 休')
        assert((await dragonBoat.locator('.date').getAttribute('title')) === '端午节', 'the day off is not named')
        await shot(page, '42-visit-month-monday')
        await byTest(page, 'visit-calendar-prev').click()
        const labourDayWork = month.locator('.cell[data-day="2026-05-09"] [data-test="day-mark"]')
        await labourDayWork.waitFor()
        assert(((await labourDayWork.textContent()) ?? '').includes('班'), '2026-05-09 (调休) is not marked 班')

        // the visit form's date picker: Monday first, 端午 marked
        await byTest(page, 'visit-create').click()
        await dialogOpen(page, 'visit-dialog')
        await input(page, 'visit-planned-on').click()
        const panel = page.locator('.el-picker-panel:visible')
        await panel.waitFor()
        const days = await panel.locator('.el-date-table th').allTextContents()
        assert(days[0]?.trim() === '一', `the date picker's first column is ${days[0]}`)
        const picked = panel.locator('.el-date-table-cell[data-day="2026-06-19"]')
        await picked.locator('.day-mark').waitFor()
        assert(((await picked.textContent()) ?? '').includes('休') && (await picked.getAttribute('title')) === '端午节', '端午节 is not marked in the picker')
        await shot(page, '42-date-picker-monday')
        await page.keyboard.press('Escape')
        await byTest(page, 'visit-dialog').locator('.el-dialog__headerbtn').click()

        await byTest(page, 'lang-switch').click()
        await byTest(page, 'lang-en').click()
        await page.waitForFunction(() => document.querySelector('[data-test="visit-calendar-month"] thead th')?.textContent?.trim() === 'Mon')
        const english = await month.locator('thead th').allTextContents()
        assert(english[6]?.trim() === 'Sun', `the English columns: ${english.join(' ')}`)
      },
    },
    {
      name: 'a plan is not sent to the enterprise while an item has no measures: the field says so',
      get expectedApiFailures() {
        return [`POST /api/v1/service-plans/${planId}/propose → 422`]
      },
      async run(page) {
        // 恒达化工's plan, returned by the enterprise in the plan scenario, is the agency's to revise
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-agency')
        await byTest(page, 'menu-service-plans').click()
        await page.locator('[data-test="plan-table"] a', { hasText: '无锡市恒达化工有限公司' }).click()
        await byTest(page, 'plan-propose').waitFor()
        planId = Number(new URL(page.url()).pathname.split('/').pop())
        const measures = byTest(page, 'plan-item-0').locator('textarea').first()
        const before = await measures.inputValue()
        await measures.fill('')
        const refused = page.waitForResponse((r) => /\/propose$/.test(new URL(r.url()).pathname))
        await byTest(page, 'plan-propose').click()
        assert((await refused).status() === 422, 'a plan without measures was proposed')
        const error = byTest(page, 'plan-item-0').locator('.el-form-item__error')
        await error.waitFor()
        assert(((await error.textContent()) ?? '').includes('请填写每个服务项目的服务措施'), `the field error reads: ${await error.textContent()}`)
        assert(((await byTest(page, 'plan-status').textContent()) ?? '').includes('企业退回'), 'the plan left its status')
        await shot(page, '44-plan-needs-measures')

        await measures.fill(before || '查阅环保手续与台账，现场勘查风险单元')
        const proposed = page.waitForResponse((r) => /\/propose$/.test(new URL(r.url()).pathname))
        await byTest(page, 'plan-propose').click()
        assert((await proposed).status() === 200, 'the completed plan was not proposed')
      },
    },
    {
      name: 'field app: the expert sees overdue planned visits and the next 7 days',
      viewport: PHONE_VIEWPORT,
      async run(page) {
        // a week on: the visit planned for 2026-06-08 was never started, so it is overdue on the 9th
        await page.clock.setFixedTime(new Date('2026-06-09T10:00:00+08:00'))
        await page.goto(`${BASE_URL}/field/login`)
        await input(page, 'field-username').fill('demo-expert')
        await input(page, 'field-password').fill(PASSWORD)
        await byTest(page, 'field-submit').click()
        await byTest(page, 'field-home').waitFor()
        const overdue = byTest(page, 'field-overdue')
        await overdue.locator('[data-test="field-visit"]').first().waitFor()
        const late = await overdue.locator('[data-test="field-visit"]').allTextContents()
        assert(late.some((card) => card.includes('2026-06-08') && card.includes('已计划')), `the overdue list: ${late.join(' | ')}`)
        assert(late.every((card) => !card.includes('已完成') && !card.includes('服务中')), `started visits are listed as overdue: ${late.join(' | ')}`)
        assert(((await byTest(page, 'field-tasks').textContent()) ?? '').includes('逾期未开始'), 'the overdue list has no title')
        await shot(page, '43-field-overdue')

        await byTest(page, 'field-tab-week').click()
        assert(((await byTest(page, 'field-tab-week').textContent()) ?? '').includes('近 7 天'), 'the second tab is not the next 7 days')
        const titles = await page.locator('[data-test="field-week-day"] .day-title').allTextContents()
        const dates = titles.map((title) => title.split('·').pop()?.trim() ?? '')
        assert(dates.every((day) => day >= '06-09' && day <= '06-15'), `the next 7 days list: ${titles.join(', ')}`)
      },
    },
  ]
}
