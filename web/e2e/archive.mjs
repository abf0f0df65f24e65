// Browser scenario of 一企一档 (issue 13): the demo enterprise's own staff open the archive tab of 我的企业, file
// a new document (a PDF uploaded through the files API) and its paper copy, and the completeness bar moves.
// Registered in run.mjs, which passes its helpers.

/** A small PDF the server accepts (sniffed by its %PDF- signature). */
const pdf = (text) => ({ name: 'audit.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`) })

async function percent(byTest) {
  const text = (await byTest('archive-percent').textContent()) ?? ''
  return Number(text.replace(/[^0-9]/g, ''))
}

export function archiveScenarios({ assert, byTest, signedIn, shot, dialogOpen }) {
  return [
    {
      name: 'the enterprise files a document and its paper copy in 一企一档 and the completeness bar moves',
      async run(page) {
        const test = (name) => byTest(page, name)
        await signedIn(page, 'demo-enterprise')
        await test('menu-enterprise').click()
        await test('enterprise-tabs').getByRole('tab', { name: '一企一档' }).click()
        await test('archive-items').locator('.el-table__row').first().waitFor()
        assert((await test('archive-list-name').textContent()) === '一企一档资料存档表', 'the list is xuzhou 表E.1')
        const before = await percent(test)
        const counts = (await test('archive-counts').textContent()) ?? ''
        // xuzhou 表E.1's 35 items, of which the demo marks 9-14 (污染痕迹照片（若有）) not applicable
        assert(counts.includes('/34 项') && counts.includes('不适用 1'), `the counts: ${counts}`)
        assert((await test('archive-electronic-5').textContent())?.includes('未归档'), 'item 5 starts missing')
        assert((await test('archive-list-reference').textContent())?.includes('第 1 版'), 'the list names its version')
        // The other capabilities' records, filed automatically, in words: the notice kind, the plan's status.
        const notices = (await test('archive-related-notices').textContent()) ?? ''
        assert(notices.includes('环境隐患（问题）整改预警提示单') && !notices.includes('warning'), `the notices: ${notices}`)
        const plans = (await test('archive-related-plans').textContent()) ?? ''
        assert(!/draft|proposed|agreed|returned/.test(plans), `the plans show no status codes: ${plans}`)

        await test('archive-upload-5').click()
        await dialogOpen(page, 'archive-version-dialog')
        await page.locator('[data-test="archive-file-input"]').setInputFiles(pdf('cleaner production audit'))
        const filed = page.waitForResponse((r) => r.url().includes('/archive/items/5/versions') && r.status() === 201)
        await test('archive-version-save').click()
        await filed
        await page.waitForFunction(() => document.querySelector('[data-test="archive-electronic-5"]')?.textContent?.includes('已归档'))

        await test('archive-state-5').click()
        await dialogOpen(page, 'archive-state-dialog')
        await test('archive-paper-yes').click()
        const saved = page.waitForResponse((r) => r.url().includes('/archive/items/5/state') && r.status() === 200)
        await test('archive-state-save').click()
        await saved
        await page.waitForFunction(
          (start) => Number((document.querySelector('[data-test="archive-percent"]')?.textContent ?? '').replace(/[^0-9]/g, '')) > start,
          before,
        )
        const after = await percent(test)
        // one more complete item of 34 adds 2 or 3 percentage points (rounded down)
        assert(after - before >= 2 && after - before <= 3, `completeness ${before}% → ${after}%`)
        await shot(page, '20-archive-filed')

        await test('archive-history-5').click()
        await test('archive-history-events').waitFor()
        const events = (await test('archive-history-events').textContent()) ?? ''
        assert(events.includes('上传') && events.includes('登记纸质档'), `the chain shows the upload and the paper copy: ${events}`)
      },
    },
  ]
}
