// Browser scenario of 在线速算 (issue 13): an agency expert on the phone fills an HJ 941 assessment and sees the
// level change live — adding 12 t of 氨气 (critical quantity 5 t) moves Q0 → Q1 and the level from 一般 to
// 较大 (the control items left unanswered score their worst: M4; no receptors given: E3) — then picks the scale
// and sees the suggested sum insured of the example table, labelled as such. Registered in run.mjs.

export function envRiskScenarios({ assert, byTest, input, signedIn, fieldSignedIn, shot, PHONE_VIEWPORT }) {
  const text = async (page, name) => ((await byTest(page, name).first().textContent()) ?? '').trim()
  const waitText = (page, name, expected) =>
    page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want),
      [`[data-test="${name}"]`, expected],
    )

  return [
    {
      name: 'field 在线速算: an expert adds 氨气 and sees Q0 → Q1 and 一般 → 较大 live, then the suggested sum insured',
      viewport: PHONE_VIEWPORT,
      async run(page) {
        await fieldSignedIn(page, 'demo-expert')
        await byTest(page, 'field-env-risk-link').click()
        await byTest(page, 'field-env-risk').waitFor()
        await waitText(page, 'env-label', '一般[一般-大气(Q0)+一般-水(Q0)]')
        assert((await text(page, 'env-level')) === '一般', `the empty form is not 一般: ${await text(page, 'env-level')}`)

        let evaluations = 0
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/v1/env-risk/evaluate') evaluations += 1
        })
        await byTest(page, 'env-add-substance').click()
        await input(page, 'env-substance-search').fill('7664-41-7')
        await page.locator('[data-test="env-substance-hit"]', { hasText: '氨气' }).first().click()
        // 4 t: Q = 0.8, still below 1 — Q0 and 一般
        await input(page, 'env-substance-quantity').fill('4')
        await waitText(page, 'env-q-air', 'Q = 0.8（Q0）')
        assert((await text(page, 'env-level')) === '一般', '4 t of 氨气 is not 一般')
        const before = evaluations
        // typed digit by digit, the form rests once: one evaluation for "12"
        await input(page, 'env-substance-quantity').fill('')
        await input(page, 'env-substance-quantity').pressSequentially('12', { delay: 30 })
        await waitText(page, 'env-label', '较大[较大-大气(Q1-M4-E3)+较大-水(Q1-M4-E3)]')
        assert((await text(page, 'env-level')) === '较大', `12 t of 氨气 is not 较大: ${await text(page, 'env-level')}`)
        assert((await text(page, 'env-q-air')).includes('Q = 2.4（Q1）'), `Q of air: ${await text(page, 'env-q-air')}`)
        assert(evaluations - before <= 2, `typing "12" made ${evaluations - before} evaluations`)
        const explanation = await text(page, 'env-explanation')
        assert(explanation.includes('氨气'), `the explanation does not name 氨气: ${explanation}`)

        // the scale: the example table's band for 较大 × 中型, labelled as the example
        await page.locator('[data-test="env-scale"] .van-radio', { hasText: '中型' }).click()
        await waitText(page, 'env-sum-insured', '500–1000 万元')
        assert((await text(page, 'env-sum-insured')).includes('示例，需保险机构确认'), 'the example is not labelled')
        await shot(page, 'env-risk-field-quick')
      },
    },
    {
      name: 'desk: the insurer sees the suggested sum insured of its enterprise from its own table version',
      async run(page) {
        await signedIn(page, 'demo-insurer')
        // demo enterprise 0: 2614 有机化学原料制造, large, 重大, insured by the insurer (src/app/demo_registry.cpp)
        const id = await page.evaluate(async () => {
          const response = await fetch('/api/v1/enterprises?limit=200', { credentials: 'same-origin' })
          const items = (await response.json()).items
          return items.find((e) => e.industry_code === '2614' && e.scale === 'large' && e.risk_level === 'major')?.id
        })
        assert(id, 'no large 2614 enterprise of 重大 risk in the demo data')
        await page.goto(`${page.url().replace(/\/[^/]*$/, '')}/enterprises/${id}`)
        await waitText(page, 'enterprise-sum-insured', '3000–8000 万元')
        const shown = await text(page, 'enterprise-sum-insured')
        assert(shown.includes('人保无锡环责险建议保额表（2026 版）'), `the table is not named: ${shown}`)
        assert(!shown.includes('示例'), `the insurer's own table is labelled an example: ${shown}`)
        await shot(page, 'env-risk-enterprise-sum-insured')
      },
    },
  ]
}
