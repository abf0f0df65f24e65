import { describe, expect, it } from 'vitest'
import { percentOfZeroPremium } from '@/desk/views/registry/policy/rules'

describe('a policy with premium 0', () => {
  it.each([
    ['percent', 0, 'policy.rules.percentOfZeroPremium'],
    ['amount', 0, null],
    ['percent', 0.01, null],
    ['percent', null, null],
    ['percent', undefined, null],
  ] as const)('with a %s share and premium %s → %s', (kind, premium, problem) => {
    expect(percentOfZeroPremium({ fund_share_kind: kind, premium })).toBe(problem)
  })
})
