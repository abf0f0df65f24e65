import type { FormItemRule } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { regionText } from '@/desk/views/registry/enterprise/format'
import { enterpriseRules, industryProblem, usccOnBlur, usccWhileTyping } from '@/desk/views/registry/enterprise/rules'
import { certificateState, firstExpiring } from '@/desk/views/registry/staff/useStaff'
import { sortKey } from '@/desk/utils/sort'
import { changedFields } from '@/utils/diff'
import { formatYuan, preventionFund } from '@/utils/money'
import { addDays } from '@/utils/time'

const t = (key: string) => key

function validate(rule: FormItemRule, value: unknown): Promise<string | undefined> {
  return new Promise((resolve) => {
    rule.validator?.(rule, value, (error?: string | Error) => resolve(error instanceof Error ? error.message : error), {}, {})
  })
}

describe('credit code rules of the enterprise form', () => {
  it('flags while typing only what cannot become valid', () => {
    expect(usccWhileTyping('9132')).toBeNull()
    expect(usccWhileTyping('9132O')).toBe('enterprise.rules.usccCharacter')
    expect(usccWhileTyping('91320213MA1000000F')).toBe('enterprise.rules.usccCheck')
    expect(usccWhileTyping('91320213MA1000000E')).toBeNull()
    expect(usccWhileTyping('91320213ma1000000e')).toBeNull()
  })

  it('flags a short code when the field is left', () => {
    expect(usccOnBlur('9132')).toBe('enterprise.rules.usccLength')
    expect(usccOnBlur('')).toBeNull()
    expect(usccOnBlur('91320213MA1000000E')).toBeNull()
  })

  it('wants a division, group or class rather than a section letter', () => {
    expect(industryProblem('C')).toBe('enterprise.rules.industryLevel')
    expect(industryProblem('26')).toBeNull()
    expect(industryProblem('')).toBeNull()
  })

  it('requires a permit number for key and simplified management only', async () => {
    const form = { permit_type: 'key' as const, permit_valid_from: '2026-01-01' }
    const rules = enterpriseRules(t, () => form)
    const permitNumber = (rules.permit_number as FormItemRule[])[0]
    expect(await validate(permitNumber, ' ')).toBe('enterprise.rules.permitNumber')
    expect(await validate(permitNumber, 'P-1')).toBeUndefined()
    const validUntil = (rules.permit_valid_until as FormItemRule[])[0]
    expect(await validate(validUntil, '2025-12-31')).toBe('enterprise.rules.validUntil')
    expect(await validate(validUntil, '2026-01-01')).toBeUndefined()
  })
})

describe('registry helpers', () => {
  it('sends only changed fields, compared by value', () => {
    const before = { name: 'a', contacts: [{ name: 'x' }], tags: ['t'] }
    const after = { name: 'a', contacts: [{ name: 'y' }], tags: ['t'] }
    expect(changedFields(before, after)).toEqual({ contacts: [{ name: 'y' }] })
    expect(changedFields(before, { ...after, name: 'b' }, ['name'])).toEqual({ name: 'b' })
    expect(changedFields(before, { ...before })).toEqual({})
  })

  it('maps a table sort to the API sort key', () => {
    const keys = { premium: 'premium_fen' as const }
    expect(sortKey(keys, { prop: 'premium', order: 'descending' })).toBe('-premium_fen')
    expect(sortKey(keys, { prop: 'premium', order: 'ascending' })).toBe('premium_fen')
    expect(sortKey(keys, { prop: 'premium', order: null })).toBeUndefined()
    expect(sortKey(keys, { prop: 'name', order: 'ascending' })).toBeUndefined()
  })

  it('works out the prevention fund in yuan', () => {
    expect(preventionFund('percent', 15, 30000)).toBe(4500)
    expect(preventionFund('percent', 12.5, 333.33)).toBe(41.67)
    expect(preventionFund('amount', 5000, 30000)).toBe(5000)
    expect(formatYuan(1234567.5)).toBe('1,234,567.50')
    expect(formatYuan(null)).toBe('—')
  })

  it('shows district and street once each', () => {
    expect(regionText({ district_name: '新吴区', region_name: '硕放街道' })).toBe('新吴区 / 硕放街道')
    expect(regionText({ district_name: '新吴区', region_name: '新吴区' })).toBe('新吴区')
  })

  it('flags certificates that expired or expire within 90 days', () => {
    const today = '2026-11-22'
    expect(addDays(today, 90)).toBe('2027-02-20')
    expect(certificateState({ name: 'a', expires_on: '2026-11-21' }, today)).toBe('expired')
    expect(certificateState({ name: 'a', expires_on: '2026-11-22' }, today)).toBe('expiring')
    expect(certificateState({ name: 'a', expires_on: '2027-02-20' }, today)).toBe('expiring')
    expect(certificateState({ name: 'a', expires_on: '2027-02-21' }, today)).toBe('valid')
    expect(certificateState({ name: 'a', expires_on: null }, today)).toBe('valid')
    expect(firstExpiring([{ name: 'a', expires_on: '2028-01-01' }, { name: 'b' }, { name: 'c', expires_on: '2027-01-01' }])?.name).toBe('c')
  })
})
