// Browser scenarios of visits (wuxi §15(三), att.1): agency A schedules a visit and is told, while it
// picks the team and again on saving, which staffing rules a team breaks; an expert works the day's
// visits on the phone. Registered in run.mjs, which passes its helpers.

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')
/** Demo enterprise 3: commissioned by insurer A to agency A and accepted; 一般 risk, medium size. */
const ENTERPRISE = '无锡市太湖精密铸造有限公司'
const DAY = '2026-06-02'
const SERVICE = '环责险风险评估'
/** Demo enterprise 1: a visit confirmed for today with 陈专家 and 刘技术. */
const TODAYS = '无锡市华润印染有限公司'

export function visitScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, tableRows, BASE_URL, PASSWORD, PHONE_VIEWPORT }) {
  /** Picks an option of a searchable select: open it, type, click the option. */
  async function pick(page, name, typed, option) {
    await byTest(page, name).click()
    await byTest(page, name).locator('input').first().fill(typed)
    await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
  }

  /** Waits until the live team check has answered for the team as it now is. */
  async function checked(page, state) {
    await page.waitForFunction((s) => document.querySelector('[data-test="team-check"]')?.getAttribute('data-state') === s, state)
  }

  /** Vant's dialog and toast have faded out, so a screenshot shows the page. */
  async function settled(page) {
    await page.locator('.van-dialog').waitFor({ state: 'hidden' })
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
  }

  const unmet = async (page) => page.locator('[data-test="team-unmet"]').allTextContents()

  return [
    {
      name: 'agency A schedules a visit: a junior technician alone breaks the staffing rules, live and on save; 陈专家 + 刘技术 are saved and shown in the list and calendar',
      expectedApiFailures: ['POST /api/v1/visits → 422'],
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-agency')
        await byTest(page, 'menu-visits').click()
        await page.locator('[data-test="visit-table"] .el-table__row').first().waitFor()
        await byTest(page, 'visit-create').click()
        await dialogOpen(page, 'visit-dialog')
        await pick(page, 'visit-enterprise', '太湖', ENTERPRISE)
        await byTest(page, 'visit-enterprise-facts').waitFor()
        await pick(page, 'visit-service-types', '风险评估', SERVICE)
        await byTest(page, 'visit-dialog').locator('.el-dialog__title').click()
        await input(page, 'visit-planned-on').fill(DAY)
        await page.keyboard.press('Enter')
        await byTest(page, 'visit-dialog').locator('.el-dialog__title').click()

        // nobody yet: the check already says what is missing
        await checked(page, 'unmet')
        await byTest(page, 'team-pick-何初级').click()
        await page.waitForFunction(() => document.querySelector('[data-test="team-selected"]')?.textContent?.includes('何初级'))
        await checked(page, 'unmet')
        await page.waitForFunction(() => document.querySelectorAll('[data-test="team-unmet"]').length === 2)
        const live = await unmet(page)
        assert(live.some((m) => m.includes('至少需要 2 名合格服务人员同时入场')), `the live check lacks the two-people rule: ${live.join(' | ')}`)
        assert(live.some((m) => m.includes('至少需要 1 名专家或中级及以上职称的技术人员')), `the live check lacks the expert-or-technician rule: ${live.join(' | ')}`)
        await shot(page, '20-visit-team-invalid-live')

        const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/visits' && r.request().method() === 'POST')
        await byTest(page, 'visit-save').click()
        assert((await refused).status() === 422, 'the invalid team was not refused')
        await byTest(page, 'team-save-errors').waitFor()
        const saveErrors = (await byTest(page, 'team-save-errors').textContent()) ?? ''
        for (const expected of ['至少需要 2 名合格服务人员同时入场', '至少需要 1 名专家或中级及以上职称的技术人员']) {
          assert(saveErrors.includes(expected), `the 422 messages lack "${expected}": ${saveErrors}`)
        }
        const fieldError = page.locator('[data-test="visit-dialog"] .team-item .el-form-item__error')
        await fieldError.waitFor()
        await shot(page, '20-visit-team-refused')

        await byTest(page, 'team-pick-何初级').click()
        await byTest(page, 'team-pick-陈专家').click()
        await byTest(page, 'team-pick-刘技术').click()
        await checked(page, 'ok')
        assert((await byTest(page, 'team-save-errors').count()) === 0, 'the refusal is still shown for the changed team')
        const ok = (await byTest(page, 'team-ok').textContent()) ?? ''
        assert(ok.includes('符合人员配置要求'), `the satisfied team says "${ok}"`)
        assert((await page.locator('[data-test="team-unmet"]').count()) === 0, 'rules are still listed as unmet')
        const selected = (await byTest(page, 'team-selected').textContent()) ?? ''
        assert(selected.includes('陈专家（组长）') && selected.includes('刘技术') && !selected.includes('何初级'), `the team is "${selected}"`)
        await shot(page, '20-visit-team-valid')

        const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/visits' && r.request().method() === 'POST')
        await byTest(page, 'visit-save').click()
        const response = await created
        assert(response.status() === 201, `the valid visit answered ${response.status()}`)
        const visit = await response.json()
        await byTest(page, 'visit-dialog').waitFor({ state: 'hidden' })

        // the list
        await input(page, 'visit-search').fill('太湖')
        await byTest(page, 'visit-search-submit').click()
        await page.waitForFunction(
          ([name, day]) => [...document.querySelectorAll('[data-test="visit-table"] .el-table__row')].some((row) => row.textContent?.includes(name) && row.textContent.includes(day) && row.textContent.includes('陈专家')),
          [ENTERPRISE, DAY],
        )
        const rows = await tableRows(page, 'visit-table')
        assert(rows.some((row) => row.includes(DAY) && row.includes('已计划') && row.includes(SERVICE)), `the list shows: ${rows.join(' | ')}`)
        await shot(page, '20-visit-list')

        // the week and the month
        await byTest(page, 'visit-view-week').click()
        const weekDay = page.locator(`[data-test="visit-week"] [data-day="${DAY}"]`)
        await weekDay.locator('[data-test="visit-chip"]', { hasText: ENTERPRISE }).waitFor()
        const weekText = (await weekDay.textContent()) ?? ''
        assert(weekText.includes('陈专家') && weekText.includes(SERVICE), `the week column of ${DAY} shows "${weekText}"`)
        await shot(page, '20-visit-week')
        await byTest(page, 'visit-view-month').click()
        const monthDay = page.locator(`[data-test="visit-calendar-month"] .cell[data-day="${DAY}"]`)
        await monthDay.locator('[data-test="visit-chip"]', { hasText: ENTERPRISE }).waitFor()
        assert(((await byTest(page, 'visit-calendar-title').textContent()) ?? '').includes('2026 年 6 月'), 'the month calendar is not on June 2026')
        await shot(page, '20-visit-month')

        // the chip opens the visit
        await monthDay.locator('[data-test="visit-chip"]', { hasText: ENTERPRISE }).first().click()
        await page.waitForURL((url) => url.pathname === `/visits/${visit.id}`)
        await byTest(page, 'visit-team').locator('.el-table__row').first().waitFor()
        const detail = (await byTest(page, 'visit-detail').textContent()) ?? ''
        for (const expected of [ENTERPRISE, '已计划', '陈专家', '刘技术', SERVICE]) assert(detail.includes(expected), `the visit page lacks ${expected}`)
        for (const action of ['confirm', 'start', 'could_not_enter', 'cancel']) await byTest(page, `visit-action-${action}`).waitFor()
        await shot(page, '20-visit-detail')
      },
    },
    {
      name: 'field app: the expert sees today\'s visits under 我的服务, starts one and finishes it',
      viewport: PHONE_VIEWPORT,
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await page.goto(`${BASE_URL}/field/login`)
        await input(page, 'field-username').fill('demo-expert')
        await input(page, 'field-password').fill(PASSWORD)
        await byTest(page, 'field-submit').click()
        await byTest(page, 'field-home').waitFor()
        const today = byTest(page, 'field-today')
        await today.locator('[data-test="field-visit"]', { hasText: TODAYS }).waitFor()
        const card = (await today.locator('[data-test="field-visit"]', { hasText: TODAYS }).textContent()) ?? ''
        for (const expected of ['陈专家（组长）', '刘技术', SERVICE, '2026-06-01']) assert(card.includes(expected), `today's card lacks ${expected}: ${card}`)
        await shot(page, '21-field-today')

        // a visit of today (or, when an earlier run finished it, of the week) that can still start
        const startable = (where) => where.locator('[data-test="field-visit"]', { has: page.locator('[data-test="field-visit-status"]', { hasText: /已与企业确认|已计划/ }) }).first()
        let target = startable(today)
        if (!(await target.count())) {
          await byTest(page, 'field-tab-week').click()
          target = startable(page.locator('[data-test="field-week-day"]'))
        }
        const name = ((await target.locator('.name').textContent()) ?? '').trim()
        await target.click()
        await byTest(page, 'field-visit-detail').waitFor()
        await page.waitForFunction((n) => document.querySelector('[data-test="field-visit-name"]')?.textContent?.includes(n), name)

        await byTest(page, 'field-visit-start').click()
        await page.locator('.van-dialog__confirm').click()
        await page.waitForFunction(() => document.querySelector('[data-test="field-visit-status"]')?.textContent?.includes('服务中'))
        await byTest(page, 'field-visit-finish').waitFor()
        assert((await byTest(page, 'field-visit-start').count()) === 0, 'a started visit still offers 开始服务')
        await settled(page)
        await shot(page, '21-field-started')

        await byTest(page, 'field-visit-finish').click()
        await page.locator('.van-dialog__confirm').click()
        await page.waitForFunction(() => document.querySelector('[data-test="field-visit-status"]')?.textContent?.includes('已完成'))
        assert((await byTest(page, 'field-visit-actions').count()) === 0, 'a done visit still offers actions')
        await settled(page)
        await shot(page, '21-field-done')

        await page.goBack()
        await byTest(page, 'field-home').waitFor()
        await page.waitForFunction((n) => [...document.querySelectorAll('[data-test="field-visit"]')].some((c) => c.textContent?.includes(n) && c.textContent.includes('已完成')), name)
      },
    },
  ]
}
