import { afterEach, describe, expect, it } from 'vitest'
import { createApp, h, type App } from 'vue'
import SurveyTag from '@/desk/components/SurveyTag.vue'
import { i18n, setLocale } from '@/i18n'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  app = undefined
})

function render(surveyedOn: string | null, inForce: boolean): HTMLElement {
  app?.unmount()
  const root = document.createElement('div')
  app = createApp({ render: () => h(SurveyTag, { surveyedOn, inForce }) })
  app.use(i18n).mount(root)
  return root
}

describe('SurveyTag', () => {
  it('gives the day of the yearly survey', () => {
    setLocale('zh-CN')
    expect(render('2026-06-01', true).textContent?.trim()).toBe('已勘查 2026-06-01')
  })
  it('says a policy in force has none yet this period', () => {
    setLocale('zh-CN')
    expect(render(null, true).textContent?.trim()).toBe('本期未勘查')
    setLocale('en')
    expect(render(null, true).textContent?.trim()).toBe('Not surveyed this period')
  })
  it('shows nothing for a policy out of force without one', () => {
    setLocale('zh-CN')
    expect(render(null, false).querySelector('[data-test="survey-tag"]')).toBeNull()
  })
})
