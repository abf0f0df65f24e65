import type { FormItemRule } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { dayRange } from '@/desk/views/system/audit/useAudit'
import { password } from '@/desk/utils/rules'
import { passwordRules } from '@/desk/views/profile/rules'
import { DEFAULT_PASSWORD_POLICY } from '@/utils/password'
import { formatTime } from '@/utils/time'

const t = (key: string) => key

function validate(rule: FormItemRule, value: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    rule.validator?.(rule, value, (error?: string | Error) => resolve(error instanceof Error ? error.message : error), {}, {})
  })
}

describe('form rules', () => {
  it('explains which part of the deployment\'s password policy fails, with its numbers', async () => {
    const named = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`
    const policy = { min_length: 12, max_length: 64, min_classes: 3 }
    const rule = password(named, () => policy, () => ['wangfang'])
    expect(await validate(rule, 'Short#2026')).toBe('rules.passwordLength {"min":12,"max":64,"classes":3}')
    expect(await validate(rule, 'abcdefgh1234')).toBe('rules.passwordClasses {"min":12,"max":64,"classes":3}')
    expect(await validate(rule, 'WangFang#2026')).toBe('rules.passwordPersonal {"min":12,"max":64,"classes":3}')
    expect(await validate(rule, 'Riverside#2026')).toBeUndefined()
  })

  it('requires the confirmation to match the new password', async () => {
    const rules = passwordRules(t, () => 'Secret2026', () => DEFAULT_PASSWORD_POLICY, () => [])
    const confirm = (rules.confirm as FormItemRule[])[1]
    expect(await validate(confirm, 'Secret2027')).toBe('profile.passwordMismatch')
    expect(await validate(confirm, 'Secret2026')).toBeUndefined()
  })
})

describe('times', () => {
  it('shows server UTC times in Asia/Shanghai', () => {
    expect(formatTime('2026-11-22T07:13:14Z')).toBe('2026-11-22 15:13:14')
    expect(formatTime(null)).toBe('—')
  })

  it('turns picked days into inclusive UTC bounds without milliseconds', () => {
    const { from, to } = dayRange([new Date(2026, 10, 1), new Date(2026, 10, 3)])
    expect(from).toBe(new Date(2026, 10, 1, 0, 0, 0).toISOString().replace('.000Z', 'Z'))
    expect(to).toBe(new Date(2026, 10, 3, 23, 59, 59).toISOString().replace('.000Z', 'Z'))
    expect(dayRange(null)).toEqual({})
  })
})
