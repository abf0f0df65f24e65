// Browser scenario of the desk's read-only checklist (issue 11): insurer A's reviewer opens the checklist the
// demo's expert filled at 恒达化工 a week ago, sees the answers by their labels, the 重大 finding with its photo,
// a photo flagged by the authenticity checks, the representative's signature, the training given on site and
// the change a reviewer made after the signature, and corrects one more answer. Registered in run.mjs, which
// passes its helpers.

/** Demo enterprise 0: agency A's visit there was done a week before the e2e clock (2026-06-01). */
const ENTERPRISE = '无锡市恒达化工有限公司'

export function inspectionScenarios({ assert, byTest, signedIn, shot, dialogOpen, BASE_URL }) {
  /** The id of the demo's done visit, as the signed-in user's API lists it. */
  async function doneVisitId(page) {
    return page.evaluate(async (name) => {
      const response = await fetch('/api/v1/visits?status=done&limit=50', { credentials: 'same-origin' })
      const body = await response.json()
      // The demo also has last year's done visit there (the hazards' re-check); the one wanted has checklists.
      for (const visit of body.items.filter((v) => v.enterprise.name === name)) {
        const inspections = await (await fetch(`/api/v1/inspections?visit_id=${visit.id}`, { credentials: 'same-origin' })).json()
        if (inspections.items.length > 0) return visit.id
      }
      return null
    }, ENTERPRISE)
  }

  const text = async (page, name) => ((await byTest(page, name).first().textContent()) ?? '').trim()

  return [
    {
      name: 'the desk shows the demo\'s signed 环境应急 checklist read-only: answers, a 重大 finding with its photo, a flagged photo, the signature, training and a reviewer\'s correction',
      async run(page) {
        await signedIn(page, 'demo-insurer')
        const visitId = await doneVisitId(page)
        assert(visitId, `insurer A does not see the done visit to ${ENTERPRISE}`)
        await page.goto(`${BASE_URL}/visits/${visitId}`)
        const list = byTest(page, 'visit-inspections')
        await list.locator('.el-table__row').first().waitFor()
        const rows = await list.locator('.el-table__row').allTextContents()
        assert(rows.some((r) => r.includes('噪音调查表') && r.includes('已提交')), `the noise checklist is not listed as submitted: ${rows.join(' | ')}`)
        assert(rows.some((r) => r.includes('环境应急调查表') && r.includes('企业已签字') && r.includes('王建国')), `the emergency checklist is not listed as signed by 王建国: ${rows.join(' | ')}`)
        await byTest(page, 'inspection-link-wuxi-emergency').click()

        await byTest(page, 'inspection-title').waitFor()
        assert((await text(page, 'inspection-title')) === '环境应急调查表', `title: ${await text(page, 'inspection-title')}`)
        assert((await text(page, 'inspection-status')) === '企业已签字', `status: ${await text(page, 'inspection-status')}`)
        // answers by their option labels, never the codes
        const major = byTest(page, 'item-em.major.05')
        assert(((await major.locator('[data-test="answer-value"]').textContent()) ?? '').trim() === '存在', 'em.major.05 does not read 存在')
        assert(((await byTest(page, 'item-em.major.01').locator('[data-test="answer-value"]').textContent()) ?? '').trim() === '不存在', 'em.major.01 does not read 不存在')
        const sectionsText = await text(page, 'inspection-sections')
        assert(!/\b(yes|no)\b/.test(sectionsText), 'an option code is shown')

        // the findings: the 重大 one with its photo
        const findings = byTest(page, 'inspection-findings')
        const majorRow = findings.locator('.el-table__row', { hasText: '未配备与自身环境风险水平相匹配的环境应急物资装备' })
        await majorRow.waitFor()
        assert(((await majorRow.locator('[data-test="finding-grade"]').textContent()) ?? '').trim() === '重大', 'the finding is not graded 重大')
        await majorRow.locator('[data-test="photo-thumb"] img').waitFor()
        const loaded = await majorRow.locator('[data-test="photo-thumb"] img').evaluate((img) => img.complete && img.naturalWidth > 0)
        assert(loaded, 'the finding photo thumbnail did not load')

        // the photo whose EXIF time is a year before the visit and whose file was also uploaded for another enterprise
        const flagged = byTest(page, 'item-em.general.03')
        await flagged.locator('[data-test="photo-flag-taken_outside_visit"]').waitFor()
        assert(((await flagged.locator('[data-test="photo-flag-taken_outside_visit"]').textContent()) ?? '').includes('拍摄时间不在本次检查期间'), 'the time flag is not explained')
        assert(await flagged.locator('[data-test="photo-flag-same_file_other_enterprise"]').count(), 'the reused-file flag is missing')

        // the original opens in the viewer
        await major.locator('[data-test="photo-thumb"]').click()
        await page.locator('.el-image-viewer__wrapper').waitFor()
        const original = await page.locator('.el-image-viewer__img').first().getAttribute('src')
        assert(/\/api\/v1\/files\/\d+\/content$/.test(original ?? ''), `the viewer does not show the original: ${original}`)
        await page.keyboard.press('Escape')
        await page.locator('.el-image-viewer__wrapper').waitFor({ state: 'hidden' })

        // the signature, the training, and the reviewer's change after signing
        assert((await text(page, 'signer-name')) === '王建国', `signer: ${await text(page, 'signer-name')}`)
        await byTest(page, 'signature-image').locator('img').waitFor()
        assert((await text(page, 'inspection-training')).includes('突发环境事件应急预案与隐患排查培训'), 'the training record is not shown')
        const amendments = byTest(page, 'inspection-amendments')
        assert(((await amendments.textContent()) ?? '').includes('复核现场照片：事故应急池未设置液位标识'), 'the demo reviewer\'s change is not shown')
        await shot(page, 'inspection-read-only')

        // insurer A reviews: it corrects an answer of the signed checklist, with a reason
        const before = await amendments.locator('.el-timeline-item').count()
        await byTest(page, 'amend-em.general.20').click()
        await dialogOpen(page, 'amend-dialog')
        const current = ((await byTest(page, 'item-em.general.20').locator('[data-test="answer-value"]').textContent()) ?? '').trim()
        const next = current === '存在' ? '不存在' : '存在'
        await byTest(page, 'amend-value').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${next}$`) }).click()
        await page.locator('textarea[data-test="amend-reason"], [data-test="amend-reason"] textarea').first().fill('复核照片后更正')
        await byTest(page, 'amend-save').click()
        await byTest(page, 'amend-dialog').waitFor({ state: 'hidden' })
        await page.waitForFunction(
          ([n, value]) =>
            document.querySelectorAll('[data-test="inspection-amendments"] .el-timeline-item').length === n &&
            document.querySelector('[data-test="item-em.general.20"] [data-test="answer-value"]')?.textContent?.trim() === value,
          [before + 1, next],
        )
      },
    },
  ]
}
