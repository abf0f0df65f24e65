import type { FormRules } from 'element-plus'
import type { FundShareKind } from '@/api/types'
import { check, required } from '../../../utils/rules'

type Translate = (key: string) => string

/** The fields of the form the rules compare against each other. */
export interface PolicyRuleContext {
  starts_on: string | null
  fund_share_kind: FundShareKind
  premium?: number | null
}

/** A share of a premium of 0 sets nothing aside: the fund must then be an amount (as the server says). */
export function percentOfZeroPremium(form: Pick<PolicyRuleContext, 'fund_share_kind' | 'premium'>): string | null {
  return form.fund_share_kind === 'percent' && form.premium === 0 ? 'policy.rules.percentOfZeroPremium' : null
}

export const policyRules = (t: Translate, form: () => PolicyRuleContext, needsInsurer: boolean): FormRules => ({
  insurance_type: [{ ...required(t), trigger: 'change' }],
  policy_number: [required(t), { max: 50, trigger: 'blur' }],
  enterprise_id: [{ ...required(t), trigger: 'change' }],
  insurer_org_id: needsInsurer ? [{ ...required(t), trigger: 'change' }] : [],
  starts_on: [{ ...required(t), trigger: 'change' }],
  ends_on: [
    { ...required(t), trigger: 'change' },
    check(t, (value: string | null) => {
      const starts = form().starts_on
      return value && starts && value < starts ? 'policy.rules.endsBeforeStart' : null
    }),
  ],
  premium: [{ ...required(t), trigger: 'change' }],
  sum_insured: [{ ...required(t), trigger: 'change' }],
  fund_share_kind: [check(t, () => percentOfZeroPremium(form()), 'change')],
  fund_share_value: [
    { ...required(t), trigger: 'change' },
    check(t, (value: number | null) => (form().fund_share_kind === 'percent' && (value ?? 0) > 100 ? 'policy.rules.percentMax' : null)),
  ],
})
