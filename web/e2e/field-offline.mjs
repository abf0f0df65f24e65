// Browser scenario of the field app offline (issue 11): an expert downloads the coming days' visits, goes
// offline, starts a visit, fills checklists, takes a photo, records a finding, the photo consent and the
// enterprise's signature, comes back online, and everything lands on the server exactly once. Registered in
// run.mjs, which passes its helpers.

/** The moment the e2e server's clock stands at (scripts/test-all.sh), as the browser sees it. */
const NOW = new Date('2026-06-01T10:00:00+08:00')
const FINDING = '厂界东侧风机未做隔声处理'

export function fieldOfflineScenarios({ assert, byTest, input, fieldSignedIn, shot, PHONE_VIEWPORT }) {
  /** GET on the API with the page's session (what the server now holds). */
  const api = (page, path) =>
    page.evaluate(async (p) => {
      const response = await fetch(`/api/v1${p}`, { credentials: 'same-origin' })
      return { status: response.status, body: response.ok ? await response.json() : null }
    }, path)

  /** A small real JPEG, drawn and encoded by the browser, as a file for an <input type=file>. */
  async function jpeg(page) {
    const bytes = await page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 64
      canvas.height = 48
      const g = canvas.getContext('2d')
      g.fillStyle = '#2b6cb0'
      g.fillRect(0, 0, 64, 48)
      g.fillStyle = '#f6ad55'
      g.fillRect(16, 12, 32, 24)
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9))
      return Array.from(new Uint8Array(await blob.arrayBuffer()))
    })
    return { name: 'site.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(bytes) }
  }

  const toastGone = (page) => page.locator('.van-toast').waitFor({ state: 'hidden' })
  const bannerText = async (page) => (await byTest(page, 'field-sync-summary').first().textContent()) ?? ''

  /** Answers an item by its option button and waits until the card shows it chosen. */
  async function choose(page, item, option) {
    const button = page.locator(`[data-test="field-item-${item}"] [data-test="field-option-${option}"]`)
    await button.click()
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-selected') === 'true', `[data-test="field-item-${item}"] [data-test="field-option-${option}"]`)
  }

  return [
    {
      name: 'field app offline: download, go offline, start, fill 噪音 and part of 环境应急, photo, finding, consent, signature; online again everything lands once',
      viewport: PHONE_VIEWPORT,
      async run(page) {
        await page.clock.setFixedTime(NOW)
        await fieldSignedIn(page, 'demo-expert')
        // the service worker holds the app shell before the network goes
        await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, { timeout: 30_000 })

        await byTest(page, 'field-download').click()
        await page.locator('.van-toast', { hasText: '已下载' }).waitFor()
        await toastGone(page)

        // a visit that can still start: today's, or (when an earlier scenario finished it) one of the coming days
        const startable = (where) => where.locator('[data-test="field-visit"]', { has: page.locator('[data-test="field-visit-status"]', { hasText: /已与企业确认|已计划/ }) }).first()
        let target = startable(byTest(page, 'field-today'))
        if (!(await target.count())) {
          await byTest(page, 'field-tab-week').click()
          target = startable(page.locator('[data-test="field-week-day"]'))
        }
        const name = ((await target.locator('.name').textContent()) ?? '').trim()

        await page.context().setOffline(true)
        // /field/ opens with no network: the page comes from the service worker, the visits from IndexedDB
        await page.reload()
        await byTest(page, 'field-home').waitFor()
        await page.waitForFunction(() => document.querySelector('[data-test="field-sync-summary"]')?.textContent?.includes('离线'))
        if (!(await startable(byTest(page, 'field-today')).count())) await byTest(page, 'field-tab-week').click()
        await page.locator('[data-test="field-visit"]', { hasText: name }).first().click()
        await byTest(page, 'field-visit-detail').waitFor()
        assert((await byTest(page, 'field-tel-link').getAttribute('href'))?.startsWith('tel:'), 'the contact phone is not a tel: link')
        assert((await byTest(page, 'field-map-link').getAttribute('href'))?.startsWith('https://'), 'the address is not a map link')

        await byTest(page, 'field-visit-start').click()
        await page.locator('.van-dialog__confirm').click()
        await page.waitForFunction(() => document.querySelector('[data-test="field-visit-status"]')?.textContent?.includes('服务中'))
        await toastGone(page)

        // photo consent
        await byTest(page, 'field-consent-open').click()
        await input(page, 'field-consent-person').fill('王厂长')
        await byTest(page, 'field-consent-save').click()
        await page.waitForFunction(() => document.querySelector('[data-test="field-consent"]')?.textContent?.includes('王厂长'))
        await toastGone(page)

        // 噪音调查表: its one item, a finding by hand with a photo, the signature
        await byTest(page, 'field-checklist-wuxi-noise').click()
        await byTest(page, 'field-checklist').waitFor()
        await choose(page, 'noise.monitoring', 'not_installed')
        assert(((await byTest(page, 'field-section-progress').first().textContent()) ?? '').includes('1/1'), 'the section progress does not count the answer')
        await page.locator('[data-test="field-item-noise.monitoring"] [data-test="field-item-finding"]').click()
        await byTest(page, 'field-finding-sheet').waitFor()
        await page.locator('[data-test="field-finding-description"] textarea').fill(FINDING)
        await page.locator('[data-test="field-finding-photo"]').setInputFiles(await jpeg(page))
        await byTest(page, 'field-finding-sheet').locator('[data-test="field-photo"]').waitFor()
        await byTest(page, 'field-finding-save').click()
        await byTest(page, 'field-finding').waitFor()
        await toastGone(page)
        await byTest(page, 'field-sign-open').click()
        await byTest(page, 'field-sign-sheet').waitFor()
        await page.waitForTimeout(400) // the sheet slides in
        await input(page, 'field-signer').fill('王厂长')
        const pad = await byTest(page, 'field-signature-pad').boundingBox()
        await page.mouse.move(pad.x + 30, pad.y + 100)
        await page.mouse.down()
        for (const [dx, dy] of [[80, 40], [140, 110], [200, 50], [260, 120]]) await page.mouse.move(pad.x + dx, pad.y + dy, { steps: 5 })
        await page.mouse.up()
        await byTest(page, 'field-sign-save').click()
        await page.waitForFunction(() => document.querySelector('[data-test="field-checklist-status"]')?.textContent?.includes('企业已签字'))
        await toastGone(page)
        await shot(page, '60-field-offline-signed')

        // 环境应急调查表: the first five items
        await page.goBack()
        await byTest(page, 'field-checklist-wuxi-emergency').click()
        await byTest(page, 'field-checklist').waitFor()
        const emergency = ['em.major.01', 'em.major.02', 'em.major.03', 'em.major.04', 'em.major.05']
        for (const item of emergency) await choose(page, item, item === 'em.major.05' ? 'yes' : 'no')
        const pending = await bannerText(page)
        assert(/待同步 \d+ 项/.test(pending), `the banner does not say what waits: ${pending}`)
        await shot(page, '61-field-offline-pending')

        // online again: the queue goes out in order and empties
        await page.context().setOffline(false)
        await page.waitForFunction(() => document.querySelector('[data-test="field-sync-summary"]')?.textContent?.includes('全部已同步'), undefined, { timeout: 30_000 })
        assert(!((await byTest(page, 'field-sync-last').first().textContent()) ?? '').includes('尚未同步'), 'no last sync time after syncing')
        await shot(page, '62-field-synced')

        // what the server holds
        const visitId = Number(new URL(page.url()).pathname.split('/')[3])
        const list = await api(page, `/inspections?visit_id=${visitId}`)
        const byCode = Object.fromEntries(list.body.items.map((i) => [i.template.code, i.id]))
        const noise = (await api(page, `/inspections/${byCode['wuxi-noise']}`)).body
        const em = (await api(page, `/inspections/${byCode['wuxi-emergency']}`)).body
        assert(noise.status === 'signed' && noise.signer_name === '王厂长' && noise.signature_file_id, `噪音调查表 is not signed: ${noise.status} ${noise.signer_name}`)
        assert(noise.answers.length === 1 && noise.answers[0].value === 'not_installed' && noise.answers[0].version === 1, `噪音 answers: ${JSON.stringify(noise.answers)}`)
        assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(noise.answers[0].edited_at), `edited_at is not the phone's time with its zone: ${noise.answers[0].edited_at}`)
        const manual = noise.findings.filter((f) => !f.raised_by_option)
        assert(manual.length === 1 && manual[0].description === FINDING && manual[0].photos.length === 1, `findings by hand: ${JSON.stringify(manual)}`)
        assert(noise.findings.some((f) => f.raised_by_option === 'not_installed'), 'submitting raised no finding for 未安装')
        const photo = await api(page, `/files/${manual[0].photos[0]}`)
        assert(photo.status === 200 && photo.body.media_type === 'image/jpeg', `the photo on the server: ${JSON.stringify(photo)}`)
        // linked to the finding that names it, which whoever sees the inspection sees (not to the visit as well)
        assert(photo.body.links.length === 1 && photo.body.links[0].owner_kind === 'inspection_finding' && photo.body.links[0].owner_id === manual[0].id, `the photo's links: ${JSON.stringify(photo.body.links)}`)
        const signature = await api(page, `/files/${noise.signature_file_id}`)
        assert(signature.status === 200 && signature.body.media_type === 'image/png', `the signature on the server: ${JSON.stringify(signature)}`)
        assert(noise.photo_consent?.consenting_person === '王厂长', `photo consent: ${JSON.stringify(noise.photo_consent)}`)
        const emAnswers = Object.fromEntries(em.answers.map((a) => [a.item_id, a]))
        assert(em.status === 'open' && em.answers.length === emergency.length, `环境应急 answers: ${JSON.stringify(em.answers.map((a) => a.item_id))}`)
        for (const item of emergency) assert(emAnswers[item]?.version === 1 && emAnswers[item].value === (item === 'em.major.05' ? 'yes' : 'no'), `${item}: ${JSON.stringify(emAnswers[item])}`)
        const visit = (await api(page, `/visits/${visitId}`)).body
        assert(visit.status === 'in_progress', `the visit on the server: ${visit.status}`)
      },
    },
  ]
}
