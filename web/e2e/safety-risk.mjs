// Browser scenario of the work-safety risk list and four-colour map (issue 13, chengdu App. C 3.2): the agency's
// expert opens the demo enterprise's 安全风险 tab (the demo's ten risks across four levels), sees the map's
// zones in their colours, enters a JHA record whose level shows live as L and S are chosen, draws a zone on the
// site plan by clicking its corners, links it to that risk and sees it filled red. Registered in run.mjs.

const ENTERPRISE = '无锡市恒达化工有限公司'
const RED = 'rgb(230, 0, 18)' // #E60012, 重大风险

export function safetyRiskScenarios({ assert, byTest, signedIn, shot, dialogOpen, openEnterpriseTab }) {
  const fillOf = (page, selector) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).fill)

  async function chooseOption(page, select, text) {
    await byTest(page, select).click()
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).last()
    await option.click()
    // The closing dropdown's items stay visible for its animation: the next select's same number would find them.
    await option.waitFor({ state: 'hidden' })
  }

  return [
    {
      name: 'four-colour map: the expert sees the demo zones in their colours, grades a JHA record live and draws a zone that turns red',
      async run(page) {
        await signedIn(page, 'demo-expert')
        await openEnterpriseTab(page, ENTERPRISE, '安全风险')
        await byTest(page, 'safety-risk-counts').waitFor()
        const counts = (await byTest(page, 'safety-risk-counts').textContent()) ?? ''
        assert(counts.includes('重大 2 项') && counts.includes('低 2 项'), `the counts are ${counts}`)
        await shot(page, '20-safety-risk-list')

        await page.locator('[data-test="safety-risk-tabs"] .el-tabs__item', { hasText: '四色图' }).click()
        await page.locator('[data-test="safety-risk-zone"]').first().waitFor()
        assert((await fillOf(page, '[data-test="safety-risk-zone"][data-name="储罐区"] polygon')) === RED, '储罐区 is not red')
        const blue = await fillOf(page, '[data-test="safety-risk-zone"][data-name="办公楼"] polygon')
        assert(blue === 'rgb(0, 104, 183)', `办公楼 is ${blue}, not blue`)

        // A JHA record at L 5 × S 4 = 20: 重大 while the form is still open.
        await page.locator('[data-test="safety-risk-tabs"] .el-tabs__item', { hasText: '风险评价记录' }).click()
        await byTest(page, 'safety-risk-add-assessment').click()
        await dialogOpen(page, 'safety-risk-form')
        await page.locator('[data-test="safety-risk-field-item"] input, input[data-test="safety-risk-field-item"]').first().fill('倒闸操作')
        await page.locator('[data-test="safety-risk-field-hazard"] textarea, textarea[data-test="safety-risk-field-hazard"]').first().fill('带负荷拉闸，电弧灼伤')
        await chooseOption(page, 'safety-risk-factor-l', '5')
        await chooseOption(page, 'safety-risk-factor-s', '4')
        await page.waitForFunction(() => document.querySelector('[data-test="safety-risk-live-level"]')?.textContent?.includes('重大风险'))
        const live = (await byTest(page, 'safety-risk-live-level').textContent()) ?? ''
        assert(live.includes('R = 20'), `the live grade is ${live}`)
        await byTest(page, 'safety-risk-save').click()
        await byTest(page, 'safety-risk-form').waitFor({ state: 'detached' })

        // The zone: four clicks around 配电室 (430–590 × 400–540 on the 1200 × 760 plan).
        await page.locator('[data-test="safety-risk-tabs"] .el-tabs__item', { hasText: '四色图' }).click()
        await byTest(page, 'safety-risk-draw').click()
        const box = await byTest(page, 'safety-risk-map-svg').boundingBox()
        const at = (x, y) => page.mouse.click(box.x + (x / 1200) * box.width, box.y + (y / 760) * box.height)
        for (const [x, y] of [[440, 410], [580, 410], [580, 530], [440, 530]]) await at(x, y)
        await byTest(page, 'safety-risk-finish').click()
        await dialogOpen(page, 'safety-risk-zone-form')
        await page.locator('[data-test="safety-risk-zone-name"] input, input[data-test="safety-risk-zone-name"]').first().fill('配电室')
        await byTest(page, 'safety-risk-zone-risks').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '带负荷拉闸' }).first().click()
        await byTest(page, 'safety-risk-zone-name').click()
        await byTest(page, 'safety-risk-zone-save').click()
        const drawn = '[data-test="safety-risk-zone"][data-name="配电室"]'
        await page.locator(drawn).waitFor()
        assert((await page.locator(drawn).getAttribute('data-level')) === 'major', 'the drawn zone is not 重大')
        assert((await fillOf(page, `${drawn} polygon`)) === RED, 'the drawn zone is not filled red')
        await shot(page, '20-safety-risk-map')
      },
    },
  ]
}
