// Browser scenarios of visits (wuxi §15(三), att.1): agency A schedules a visit and is told, while it
// picks the team and again on saving, which staffing rules a team breaks; an expert works the day's
// visits on the phone. Registered in run.mjs, which passes its helpers.

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')
/** Demo enterprise 3: commissioned by insurer A to agency A and accepted; 一般 risk, medium size. */
const ENTERPRISE = '无锡市太湖精密铸造有限公司'
const DAY = '2026-06-02'
const SERVICE = '环责险风险评估'
/** Demo enterprise 0, whose user is demo-enterprise: agency A's plan for the year is agreed. */
const PLANNED = '无锡市恒达化工有限公司'
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

  /** Answers an ElMessageBox.prompt (a reason or comments) and waits for it to close. */
  async function answerPrompt(page, text) {
    const box = page.locator('.reason-prompt')
    await box.locator('textarea').fill(text)
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
  }

  const planStatus = async (page, text) =>
    page.waitForFunction((t) => document.querySelector('[data-test="plan-status"]')?.textContent?.includes(t), text)

  return [
    {
      name: 'service plan after chengdu App. C: agency A revises 恒达化工\'s agreed plan and sends it; the enterprise returns it with comments',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-agency')
        await byTest(page, 'menu-service-plans').click()
        await page.locator('[data-test="plan-table"] a', { hasText: PLANNED }).click()
        await byTest(page, 'plan-status').waitFor()
        // agreed in the demo data: revise it (a rerun finds it returned, ready to edit)
        if (await byTest(page, 'plan-reopen').count()) {
          await byTest(page, 'plan-reopen').click()
          await answerPrompt(page, '补充培训计划和应急排查项目')
          await planStatus(page, '草稿')
        }
        await byTest(page, 'plan-save').waitFor()

        // (a rerun finds the type chosen already)
        if (!((await byTest(page, 'plan-items').textContent()) ?? '').includes('突发环境事件隐患排查')) {
          await pick(page, 'plan-items', '突发环境', '突发环境事件隐患排查')
          await page.locator('[data-test="plan-editor"] h2').click()
        }
        await byTest(page, 'plan-item-1').waitFor()
        await byTest(page, 'plan-item-1').locator('textarea').first().fill('对照 16 项重大、37 项一般隐患逐项排查')
        const rowsBefore = await page.locator('[data-test="plan-training"] .el-table__body-wrapper .el-table__row').count()
        await byTest(page, 'plan-training-add').click()
        // a row without its topic is flagged at its cell, and nothing is sent
        await byTest(page, 'plan-save').click()
        const topicError = page.locator(`[data-test="plan-training"] .el-table__row:nth-child(${rowsBefore + 1}) .el-form-item__error`).first()
        await topicError.waitFor()
        assert(((await topicError.textContent()) ?? '').includes('请填写培训主题'), 'the empty topic is not flagged')
        const fill = (column, text) => input(page, `plan-training-${column}-${rowsBefore}`).fill(text)
        await fill('topic', '危险废物规范化管理')
        await fill('audience', '车间负责人、危废管理员')
        await fill('form', '现场授课')
        await fill('kind', '专项培训')
        await fill('materials', '培训课件、签到表')
        await fill('time', '第三季度')
        await shot(page, '22-plan-editor')

        const patched = page.waitForResponse((r) => /\/api\/v1\/service-plans\/\d+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PATCH')
        const proposed = page.waitForResponse((r) => /\/propose$/.test(new URL(r.url()).pathname))
        await byTest(page, 'plan-propose').click()
        const body = JSON.parse((await patched).request().postData() ?? '{}')
        assert(body.items.length === 2 && body.training_plan.at(-1).topic === '危险废物规范化管理', `the plan sent is ${JSON.stringify(body)}`)
        assert((await proposed).status() === 200, 'the plan was not sent to the enterprise')
        await planStatus(page, '待企业确认')
        assert((await byTest(page, 'plan-save').count()) === 0, 'a proposed plan is still editable')

        await page.context().clearCookies()
        await signedIn(page, 'demo-enterprise')
        await byTest(page, 'menu-service-plans').click()
        await page.locator('[data-test="plan-table"] a', { hasText: PLANNED }).click()
        await planStatus(page, '待企业确认')
        const editor = (await byTest(page, 'plan-editor').textContent()) ?? ''
        for (const expected of ['一、投保单位基本情况', '三、服务措施与预期成果', '对照 16 项重大', '四、培训计划', '危险废物规范化管理', '第三季度', '突发环境事件隐患排查']) {
          assert(editor.includes(expected), `the enterprise's view lacks ${expected}`)
        }
        await byTest(page, 'plan-agree').waitFor()
        await byTest(page, 'plan-return').click()
        await answerPrompt(page, '请将培训时间调整到第二季度')
        await planStatus(page, '企业退回')
        const comments = (await byTest(page, 'plan-return-comments').textContent()) ?? ''
        assert(comments.includes('请将培训时间调整到第二季度'), `the return comments show "${comments}"`)
        const history = (await byTest(page, 'status-history').textContent()) ?? ''
        for (const expected of ['企业退回', '请将培训时间调整到第二季度', '提交企业确认']) assert(history.includes(expected), `the history lacks ${expected}`)
        await shot(page, '22-plan-returned')
      },
    },
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
        const chip = (where) => page.locator(`${where} [data-test="visit-chip"][data-visit="${visit.id}"]`)
        await chip(`[data-test="visit-week"] [data-day="${DAY}"]`).waitFor()
        const weekText = (await chip(`[data-test="visit-week"] [data-day="${DAY}"]`).textContent()) ?? ''
        for (const expected of [ENTERPRISE, '已计划', '陈专家（组长）', SERVICE]) assert(weekText.includes(expected), `the week's card lacks ${expected}: "${weekText}"`)
        await shot(page, '20-visit-week')
        await byTest(page, 'visit-view-month').click()
        await chip(`[data-test="visit-calendar-month"] .cell[data-day="${DAY}"]`).waitFor()
        assert(((await byTest(page, 'visit-calendar-title').textContent()) ?? '').includes('2026 年 6 月'), 'the month calendar is not on June 2026')
        await shot(page, '20-visit-month')

        // the chip opens the visit
        await chip(`[data-test="visit-calendar-month"] .cell[data-day="${DAY}"]`).click()
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
        const fromWeek = !(await target.count())
        if (fromWeek) {
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
        if (fromWeek) await byTest(page, 'field-tab-week').click()
        await page.waitForFunction((n) => [...document.querySelectorAll('[data-test="field-visit"]')].some((c) => c.textContent?.includes(n) && c.textContent.includes('已完成')), name)
      },
    },
  ]
}
