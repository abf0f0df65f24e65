// Browser scenarios of hazards to closure (issue 12): the expert records a 重大 hazard on the demo's done visit to
// 恒达化工 and issues a numbered warning notice listing it (its PDF downloaded through the page, read back with
// pdftotext and its first page saved as PNG), the enterprise's user signs the receipt and submits a plan and
// evidence with photos on a phone, the expert accepts the plan and verifies and closes the hazard, the regulator comments and sees its count
// of closed hazards grow; the regulator's escalation list shows the demo's overdue 重大 hazard. Registered in
// run.mjs, which passes its helpers.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')
/** Demo enterprise 0, whose user is demo-enterprise; agency A's visit there was done a week before NOW. */
const ENTERPRISE = '无锡市恒达化工有限公司'

export function hazardScenarios({ assert, byTest, input, signedIn, shot, dialogOpen, openEnterpriseTab, BASE_URL, PASSWORD, DESK_VIEWPORT, PHONE_VIEWPORT, SCREENSHOT_DIR }) {
  /** Signs the current user out (the session cookie) and signs another in. */
  async function switchUser(page, username) {
    await page.context().clearCookies()
    await signedIn(page, username)
  }

  /** The same on a phone, where the side menu waits in a drawer behind the top bar's button. */
  async function switchUserOnPhone(page, username) {
    await page.context().clearCookies()
    await page.goto(`${BASE_URL}/login`)
    await input(page, 'login-username').fill(username)
    await input(page, 'login-password').fill(PASSWORD)
    await byTest(page, 'login-submit').click()
    await byTest(page, 'menu-open').waitFor()
    await byTest(page, 'user-name').waitFor()
  }

  /** The id of the demo's done visit to the enterprise with checklists, as the signed-in user's API lists it. */
  async function doneVisitId(page) {
    return page.evaluate(async (name) => {
      const body = await (await fetch('/api/v1/visits?status=done&limit=50', { credentials: 'same-origin' })).json()
      for (const visit of body.items.filter((v) => v.enterprise.name === name)) {
        const inspections = await (await fetch(`/api/v1/inspections?visit_id=${visit.id}`, { credentials: 'same-origin' })).json()
        if (inspections.items.length > 0) return visit.id
      }
      return null
    }, ENTERPRISE)
  }

  /** A small JPEG drawn in the page, its colours from `seed` so each photo is a file of its own. */
  async function jpeg(page, seed) {
    const bytes = await page.evaluate(async (s) => {
      const canvas = document.createElement('canvas')
      canvas.width = 96
      canvas.height = 72
      const g = canvas.getContext('2d')
      g.fillStyle = `hsl(${(s * 47) % 360} 60% 45%)`
      g.fillRect(0, 0, 96, 72)
      g.fillStyle = `hsl(${(s * 47 + 180) % 360} 70% 60%)`
      g.fillRect(20 + (s % 30), 14, 40, 30)
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9))
      return Array.from(new Uint8Array(await blob.arrayBuffer()))
    }, seed)
    return { name: `photo-${seed}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) }
  }

  /** Adds a photo to a PhotoUpload and waits until it is uploaded and shown. */
  async function addPhoto(page, testId, seed) {
    const shown = await page.locator(`[data-test="${testId}"] [data-test="uploaded-photo"]`).count()
    await page.locator(`[data-test="${testId}-input"]`).setInputFiles(await jpeg(page, seed))
    await page.waitForFunction(([id, n]) => document.querySelectorAll(`[data-test="${id}"] [data-test="uploaded-photo"]`).length === n, [testId, shown + 1])
  }


  /** Answers the confirmation box (ElMessageBox.confirm) with yes. */
  async function confirmBox(page) {
    const box = page.locator('.el-message-box')
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
  }

  /** Draws a signature on a SignaturePad with the mouse (or a finger). */
  async function sign(page, testId) {
    const pad = byTest(page, testId)
    await pad.scrollIntoViewIfNeeded()
    const box = await pad.boundingBox()
    await page.mouse.move(box.x + 20, box.y + box.height * 0.6)
    await page.mouse.down()
    for (const [x, y] of [[0.3, 0.3], [0.45, 0.7], [0.6, 0.35], [0.8, 0.6]]) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 5 })
    await page.mouse.up()
  }

  /**
   * The agency drafts a warning notice (yueqing att.2) from the visit's hazards listing only the one given, issues
   * it (the number is taken, the hazard is told with 10 working days), downloads its PDF through the page and checks
   * it is a PDF with the enterprise's name; its first page is saved as PNG. Answers the notice's id and number.
   */
  async function issueWarning(page, description) {
    await byTest(page, 'visit-notice-draft').click()
    await dialogOpen(page, 'visit-notice-dialog')
    const boxes = byTest(page, 'visit-notice-hazards').locator('.el-checkbox')
    const count = await boxes.count()
    assert(count > 0, 'the notice dialog lists no hazards')
    for (let i = 0; i < count; i += 1) {
      const box = boxes.nth(i)
      const mine = ((await box.textContent()) ?? '').includes(description)
      const checked = ((await box.getAttribute('class')) ?? '').includes('is-checked')
      if (mine !== checked && !((await box.getAttribute('class')) ?? '').includes('is-disabled')) await box.click()
    }
    await input(page, 'visit-notice-deadline').fill('10')
    await input(page, 'visit-notice-deadline').blur()
    const drafted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/visits\/\d+\/notices$/.test(new URL(r.url()).pathname))
    await byTest(page, 'visit-notice-create').click()
    assert((await drafted).status() === 201, `drafting answered ${(await drafted).status()}`)
    await byTest(page, 'notice-issue').waitFor()
    assert(((await textOf(page, 'notice-hazard-table')) ?? '').includes(description), 'the draft does not list the hazard')
    await byTest(page, 'notice-issue').click()
    await confirmBox(page)
    await byTest(page, 'notice-number').waitFor()
    const number = await textOf(page, 'notice-number')
    assert(/^锡环科预警〔2026〕\d{4}号$/.test(number), `the notice's number is "${number}"`)
    assert((await textOf(page, 'notice-status')) === '已发出', `the notice is ${await textOf(page, 'notice-status')}`)
    await shot(page, 'notice-issued')

    const downloaded = page.waitForEvent('download')
    await byTest(page, 'notice-pdf').click()
    const download = await downloaded
    assert(download.suggestedFilename().endsWith('.pdf') && download.suggestedFilename().includes('预警'), `the PDF is named ${download.suggestedFilename()}`)
    const pdf = join(SCREENSHOT_DIR, 'notice-warning.pdf')
    await download.saveAs(pdf)
    assert(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const expected of [ENTERPRISE, number, description.slice(0, 12)]) assert(text.includes(expected), `the PDF's text lacks ${expected}`)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, 'notice-warning-page1')])
    assert(readFileSync(join(SCREENSHOT_DIR, 'notice-warning-page1.png')).length > 1000, 'the PDF\'s first page did not render')
    return { id: Number(/\/notices\/(\d+)/.exec(page.url())?.[1]), number }
  }

  const textOf = async (page, name) => ((await byTest(page, name).first().textContent()) ?? '').trim()
  const statusIs = (page, text) => page.waitForFunction((t) => document.querySelector('[data-test="hazard-status"]')?.textContent?.trim() === t, text)
  const fillText = (page, name, text) => page.locator(`textarea[data-test="${name}"], [data-test="${name}"] textarea`).first().fill(text)

  /** Takes a step through its button and dialog; `fill` fills the dialog's form. */
  async function step(page, action, fill) {
    await byTest(page, `hazard-action-${action}`).click()
    await dialogOpen(page, 'hazard-step-dialog')
    await fill()
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${action.replace(/_/g, '-')}`))
    await byTest(page, 'hazard-step-save').click()
    assert((await answered).status() === 200, `${action} answered ${(await answered).status()}`)
    await byTest(page, 'hazard-step-dialog').waitFor({ state: 'hidden' })
  }

  /** The regulator's number of hazards verified and closed, read from the hazard list filtered by that status. */
  async function closedCount(page) {
    await page.goto(`${BASE_URL}/hazards`)
    await byTest(page, 'hazard-table').waitFor()
    await byTest(page, 'hazard-status-filter').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '已验收销号' }).click()
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/hazards' && new URL(r.url()).searchParams.get('status') === 'verified_closed')
    await byTest(page, 'hazard-search').click()
    await answered
    await page.locator('[data-test="hazard-table"] .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
    const match = /(\d+)/.exec(await textOf(page, 'hazard-total'))
    assert(match, 'no total on the hazard list')
    return Number(match[1])
  }

  return [
    {
      name: 'hazards to closure: the expert records a 重大 hazard and issues a warning notice (PDF), the enterprise signs, plans and rectifies on a phone, the expert verifies and closes, the regulator\'s count grows',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        const description = `雨水排口应急切断阀无法关闭（浏览器测试 ${Date.now() % 100000}）`

        await signedIn(page, 'demo-regulator')
        const closedBefore = await closedCount(page)

        // the expert records the hazard on the visit's hazards card
        await switchUser(page, 'demo-expert')
        const visitId = await doneVisitId(page)
        assert(visitId, `the expert does not see the done visit to ${ENTERPRISE}`)
        await page.goto(`${BASE_URL}/visits/${visitId}`)
        const card = byTest(page, 'visit-hazards')
        await card.locator('[data-test="visit-hazard-table"] .el-table__row').first().waitFor()
        await byTest(page, 'hazard-create').click()
        await dialogOpen(page, 'hazard-dialog')
        await byTest(page, 'hazard-category').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '环境应急防控措施类' }).click()
        await byTest(page, 'hazard-sub-category').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '突发水环境事件风险防控措施' }).click()
        await byTest(page, 'hazard-grade-major').click()
        await fillText(page, 'hazard-description', description)
        await input(page, 'hazard-location').fill('厂区雨水总排口')
        await fillText(page, 'hazard-basis', '无锡环境应急调查表 重大隐患 11')
        await fillText(page, 'hazard-suggestion', '更换切断阀并每月试验启闭')
        await addPhoto(page, 'hazard-photos', 1)
        await shot(page, 'hazard-record-dialog')
        const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/visits/${visitId}/hazards`)
        await byTest(page, 'hazard-save').click()
        assert((await created).status() === 201, `recording answered ${(await created).status()}`)
        const row = card.locator('.el-table__row', { hasText: description })
        await row.waitFor()
        assert(((await row.textContent()) ?? '').includes('重大') && ((await row.textContent()) ?? '').includes('已发现'), `the new row: ${await row.textContent()}`)
        await shot(page, 'hazard-visit-tab')
        // the agency issues a warning notice listing it: the hazard is told with the notice's 10 working days
        const notice = await issueWarning(page, description)
        await page.locator('[data-test="notice-hazard-table"] a', { hasText: description }).click()
        await statusIs(page, '已告知企业')
        const hazardId = Number(/\/hazards\/(\d+)/.exec(page.url())?.[1])
        assert(hazardId > 0, `not on a hazard page: ${page.url()}`)
        assert((await textOf(page, 'hazard-grade')) === '重大', 'the hazard is not 重大')
        await page.locator('[data-test="hazard-detail"] [data-test="photo-thumb"] img').first().waitFor()
        const due = await textOf(page, 'hazard-due-tag')
        assert(due === '剩余 10 个工作日', `the deadline reads "${due}"`)
        await shot(page, 'hazard-notified')

        // the enterprise's user, on a phone: its hazards with their deadlines, then the plan
        await page.setViewportSize(PHONE_VIEWPORT)
        await switchUserOnPhone(page, 'demo-enterprise')
        await byTest(page, 'menu-open').click()
        await byTest(page, 'menu-hazards').click()
        const mine = byTest(page, 'hazard-card').filter({ hasText: description })
        await mine.waitFor()
        await page.locator('[data-test="menu-drawer"]').waitFor({ state: 'hidden' })
        assert(((await mine.textContent()) ?? '').includes('剩余 10 个工作日'), `the card lacks the deadline: ${await mine.textContent()}`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert(overflow <= 0, `the phone list is ${overflow}px wider than the screen`)
        await shot(page, 'hazard-enterprise-phone-list')
        // it signs the notice's receipt with a finger, and downloads the notice
        await page.goto(`${BASE_URL}/notices/${notice.id}`)
        await byTest(page, 'notice-receive').click()
        await dialogOpen(page, 'receipt-dialog')
        await sign(page, 'receipt-signature-pad')
        const received = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/notices/${notice.id}/receipt`)
        await byTest(page, 'receipt-save').click()
        assert((await received).status() === 200, `the receipt answered ${(await received).status()}`)
        await page.waitForFunction(() => document.querySelector('[data-test="notice-status"]')?.textContent?.trim() === '已签收')
        assert((await textOf(page, 'notice-signed-by')) === '钱安环', `signed by ${await textOf(page, 'notice-signed-by')}`)
        await byTest(page, 'notice-receipt-image').locator('img').waitFor()
        const docx = page.waitForEvent('download')
        await byTest(page, 'notice-docx').click()
        assert((await docx).suggestedFilename().endsWith('.docx'), `the Word file is named ${(await docx).suggestedFilename()}`)
        await shot(page, 'notice-enterprise-phone-received')
        await page.goto(`${BASE_URL}/hazards`)
        await mine.click()
        await statusIs(page, '已告知企业')
        await step(page, 'submit_plan', async () => {
          await fillText(page, 'step-measures', '更换雨水排口应急切断阀，建立每月启闭试验记录')
          await input(page, 'step-responsible').fill('钱安环')
          await input(page, 'step-funds').fill('12000')
          await input(page, 'step-funds').blur()
          await shot(page, 'hazard-enterprise-phone-plan')
        })
        await statusIs(page, '整改方案已提交')
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert(wide <= 0, `the phone hazard page is ${wide}px wider than the screen`)
        assert((await textOf(page, 'hazard-plan')).includes('12,000.00'), 'the plan does not show its funds')

        // the agency accepts the plan
        await page.setViewportSize(DESK_VIEWPORT)
        await switchUser(page, 'demo-expert')
        await page.goto(`${BASE_URL}/hazards/${hazardId}`)
        await statusIs(page, '整改方案已提交')
        await step(page, 'accept_plan', async () => {})
        await statusIs(page, '整改中')

        // the enterprise notes progress and submits its evidence with a photo, on the phone
        await page.setViewportSize(PHONE_VIEWPORT)
        await switchUserOnPhone(page, 'demo-enterprise')
        await page.goto(`${BASE_URL}/hazards/${hazardId}`)
        await statusIs(page, '整改中')
        await step(page, 'add_progress', async () => fillText(page, 'step-text', '新阀门已到货，安排周三停水安装'))
        await step(page, 'submit_evidence', async () => {
          await fillText(page, 'step-text', '已更换切断阀并完成启闭试验，附现场照片')
          await addPhoto(page, 'step-photos', 2)
        })
        await statusIs(page, '整改材料已提交')
        await byTest(page, 'hazard-evidence').locator('[data-test="photo-thumb"] img').first().waitFor()
        await shot(page, 'hazard-enterprise-phone-evidence')

        // the expert verifies and closes
        await page.setViewportSize(DESK_VIEWPORT)
        await switchUser(page, 'demo-expert')
        await page.goto(`${BASE_URL}/hazards/${hazardId}`)
        await statusIs(page, '整改材料已提交')
        await step(page, 'verify', async () => {
          await fillText(page, 'step-text', '现场核查阀门启闭正常，同意销号')
          await addPhoto(page, 'step-photos', 3)
        })
        await statusIs(page, '已验收销号')
        assert((await textOf(page, 'hazard-acceptance')).includes('现场核查阀门启闭正常'), 'the acceptance is not shown')
        const history = await textOf(page, 'status-history')
        for (const expected of ['告知企业', '提交整改方案', '同意整改方案', '记录整改进展', '提交整改材料', '验收销号', '陈专家', '钱安环']) {
          assert(history.includes(expected), `the history lacks ${expected}`)
        }
        await shot(page, 'hazard-closed')

        // the regulator comments, and its count of closed hazards has grown by this one
        await switchUser(page, 'demo-regulator')
        await page.goto(`${BASE_URL}/hazards/${hazardId}`)
        await statusIs(page, '已验收销号')
        await step(page, 'comment', async () => fillText(page, 'step-text', '请企业举一反三，排查其他排口'))
        await page.waitForFunction(() => document.querySelector('[data-test="status-history"]')?.textContent?.includes('举一反三'))
        const closedAfter = await closedCount(page)
        assert(closedAfter === closedBefore + 1, `the regulator's closed hazards went from ${closedBefore} to ${closedAfter}`)
        await shot(page, 'hazard-regulator-closed-list')
      },
    },
    {
      name: 'the regulator\'s escalation list shows the demo\'s overdue 重大 hazard, which opens with its escalation',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-regulator')
        await byTest(page, 'menu-hazard-escalations').click()
        const row = page.locator('[data-test="escalation-table"] .el-table__row', { hasText: '雨水排口未设置截流措施' })
        await row.waitFor()
        const text = (await row.textContent()) ?? ''
        for (const expected of [ENTERPRISE, '重大', '重大隐患逾期未整改', '已告知企业']) assert(text.includes(expected), `the escalation row lacks ${expected}: ${text}`)
        await shot(page, 'hazard-escalations')
        await row.locator('a').click()
        await byTest(page, 'hazard-escalated').waitFor()
        assert((await textOf(page, 'hazard-due-tag')).startsWith('逾期'), `the escalated hazard's deadline reads ${await textOf(page, 'hazard-due-tag')}`)
      },
    },
    {
      name: 'the visit\'s report: the demo\'s 环责险风险评估报告, returned once and submitted again, is approved by the insurer; the enterprise downloads the approved PDF and its hazard ledger on a phone',
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await signedIn(page, 'demo-expert')
        const visitId = await doneVisitId(page)
        await page.goto(`${BASE_URL}/visits/${visitId}`)
        const card = byTest(page, 'visit-report')
        await card.locator('[data-test="report-versions"] .el-table__row').first().waitFor()
        assert((await textOf(page, 'report-status')) === '待审核', `the demo's report is ${await textOf(page, 'report-status')}`)
        const submitted = await card.locator('[data-test="report-versions"] .el-table__row').allTextContents()
        assert(submitted.length === 2 && submitted.some((r) => r.includes('已退回')), `the demo's report versions: ${submitted.join(' | ')}`)
        assert((await byTest(page, 'visit-action-submit_report').count()) === 0, 'a report awaiting review can be submitted again')
        await shot(page, 'report-submitted')

        await switchUser(page, 'demo-insurer')
        await page.goto(`${BASE_URL}/visits/${visitId}`)
        await byTest(page, 'visit-action-approve_report').click()
        await confirmBox(page)
        await page.waitForFunction(() => document.querySelector('[data-test="report-status"]')?.textContent?.trim() === '已审核通过')
        await shot(page, 'report-approved')
        // The enterprise page: this year's assessment, printed by the approved report, is reviewed with it.
        await openEnterpriseTab(page, ENTERPRISE, '环境风险评估')
        const newest = byTest(page, 'env-risk-assessments').locator('.el-table__row').first()
        await newest.locator('[data-test="assessment-report-status"]').waitFor()
        const row = (await newest.textContent()) ?? ''
        for (const expected of ['2026-05-25', '重大[重大-大气(Q2-M3-E2)+较大-水(Q2-M2-E3)]', '已审核', '陈专家', '李保险', '已审核通过', '第 2 版']) assert(row.includes(expected), `the newest assessment row lacks ${expected}: ${row}`)
        assert((await byTest(page, 'env-risk-assessments').locator('.el-table__row').count()) === 2, 'the enterprise has two assessments')
        await shot(page, 'enterprise-env-risk-assessments')

        await page.setViewportSize(PHONE_VIEWPORT)
        await switchUserOnPhone(page, 'demo-enterprise')
        await page.goto(`${BASE_URL}/visits/${visitId}`)
        const versions = byTest(page, 'report-versions').locator('.el-table__row')
        await versions.first().waitFor()
        assert((await versions.count()) === 1 || (await versions.allTextContents()).every((r) => r.includes('已审核通过')), 'the enterprise sees a version not approved')
        assert((await byTest(page, 'report-preview-pdf').count()) === 0, 'the enterprise may render the report as the visit now is')
        const downloaded = page.waitForEvent('download')
        await versions.last().locator('a').click()
        const pdf = join(SCREENSHOT_DIR, 'report-approved.pdf')
        await (await downloaded).saveAs(pdf)
        assert(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'the approved report is not a PDF')
        assert(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).includes(ENTERPRISE), 'the report does not name the enterprise')

        await page.goto(`${BASE_URL}/hazards`)
        await byTest(page, 'hazard-card').first().waitFor()
        const ledger = page.waitForEvent('download')
        await byTest(page, 'hazard-ledger-xlsx').click()
        const xlsx = await ledger
        assert(xlsx.suggestedFilename().endsWith('.xlsx'), `the ledger is named ${xlsx.suggestedFilename()}`)
        const path = join(SCREENSHOT_DIR, 'hazard-ledger.xlsx')
        await xlsx.saveAs(path)
        assert(readFileSync(path).subarray(0, 2).toString() === 'PK', 'the ledger is not an .xlsx')
        await shot(page, 'report-enterprise-phone')
      },
    },
  ]
}
