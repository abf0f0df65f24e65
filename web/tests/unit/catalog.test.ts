import type { FormItemRule } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { catalogQuery } from '@/desk/views/services/catalog/useCatalog'
import { staffingText, uploadRuleText } from '@/desk/views/services/catalog/format'
import { catalogRules } from '@/desk/views/services/catalog/rules'
import en from '@/i18n/locales/en'
import zhCN from '@/i18n/locales/zh-CN'

/** Fills a message's {placeholders} the way vue-i18n does. */
const translator =
  (messages: { catalog: object }) =>
  (key: string, values: Record<string, unknown> = {}) => {
    const text = (messages.catalog as Record<string, string>)[key.replace('catalog.', '')] ?? key
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]))
  }
const zh = translator(zhCN)
const english = translator(en)

const rules = { upload_working_days: 5, upload_from: 'service_end' as const, min_people: 2, min_people_large: 3, expert_always: false }

function validate(rule: FormItemRule, value: unknown): Promise<string | undefined> {
  return new Promise((resolve) => {
    rule.validator?.(rule, value, (error?: string | Error) => resolve(error instanceof Error ? error.message : error), {}, {})
  })
}

describe('service catalog texts', () => {
  it('states the upload deadline with what it counts from, or that the seed sets none', () => {
    expect(uploadRuleText(zh, rules, '现场服务结束后')).toBe('现场服务结束后 5 个工作日内')
    expect(uploadRuleText(english, rules, 'After the on-site service')).toBe('After the on-site service: within 5 working days')
    expect(uploadRuleText(zh, { ...rules, upload_working_days: null }, '现场服务结束后')).toBe('未规定')
    expect(uploadRuleText(zh, { ...rules, upload_working_days: 0 }, '取得备案表后')).toBe('取得备案表后 0 个工作日内')
  })

  it('states the staffing rule and whether an expert must go', () => {
    expect(staffingText(zh, rules)).toBe('至少 2 人（大型企业或特殊需求至少 3 人）')
    expect(staffingText(zh, { ...rules, expert_always: true })).toBe('至少 2 人（大型企业或特殊需求至少 3 人），须有专家')
  })
})

describe('service catalog form and filters', () => {
  const t = (key: string) => key

  it('checks the code, the yearly survey and the large-enterprise team size like the server', async () => {
    const form = { on_site: false, min_people: 3 }
    const all = catalogRules(t, () => form)
    const code = (all.code as FormItemRule[])[1]
    expect(await validate(code, 'custom.night_patrol')).toBeUndefined()
    expect(await validate(code, 'Night Patrol')).toBe('catalog.rules.code')
    const annual = (all.annual_survey as FormItemRule[])[0]
    expect(await validate(annual, true)).toBe('catalog.rules.annualSurvey')
    expect(await validate(annual, false)).toBeUndefined()
    const large = (all.min_people_large as FormItemRule[])[0]
    expect(await validate(large, 2)).toBe('catalog.rules.minPeopleLarge')
    expect(await validate(large, 3)).toBeUndefined()
  })

  it('sends the status filter as a boolean and the search trimmed', () => {
    expect(catalogQuery({ q: ' 排查 ', source: 'wuxi', class_code: undefined, insurance_type: undefined, active: 'false' })).toEqual({
      q: '排查',
      source: 'wuxi',
      class_code: undefined,
      insurance_type: undefined,
      active: false,
    })
  })
})
