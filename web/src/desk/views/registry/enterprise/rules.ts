import type { FormItemRule, FormRules } from 'element-plus'
import type { PermitType } from '@/api/types'
import { normalizeUscc, usccProblem, type UsccProblem } from '@/utils/uscc'
import { check, phone, required } from '../../../utils/rules'

type Translate = (key: string) => string

const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: 'enterprise.rules.usccLength',
  character: 'enterprise.rules.usccCharacter',
  check: 'enterprise.rules.usccCheck',
}

/**
 * While typing, a code is flagged as soon as it cannot become valid (a character outside the
 * GB 32100 set, too long, or a wrong check character once complete); a short code only on blur.
 */
export function usccWhileTyping(value: string | undefined): string | null {
  const code = normalizeUscc(value ?? '')
  const problem = usccProblem(code)
  if (!code || !problem || (problem === 'length' && code.length < 18)) return null
  return USCC_MESSAGES[problem]
}

export function usccOnBlur(value: string | undefined): string | null {
  const code = normalizeUscc(value ?? '')
  const problem = code ? usccProblem(code) : null
  return problem ? USCC_MESSAGES[problem] : null
}

/** The classification code of an enterprise is a division, group or class, not a section letter. */
export const industryProblem = (code: string | undefined) => (code && /^[A-Z]$/.test(code) ? 'enterprise.rules.industryLevel' : null)

/** The fields of the form the rules compare against each other. */
export interface EnterpriseRuleContext {
  permit_type: PermitType
  permit_valid_from: string | null
}

export const enterpriseRules = (t: Translate, form: () => EnterpriseRuleContext): FormRules => {
  const permitNumber: FormItemRule = check(t, (value: string) =>
    ['key', 'simplified'].includes(form().permit_type) && !value.trim() ? 'enterprise.rules.permitNumber' : null,
  )
  const validUntil: FormItemRule = check(t, (value: string | null) => {
    const from = form().permit_valid_from
    return value && from && value < from ? 'enterprise.rules.validUntil' : null
  })
  return {
    name: [required(t), { min: 2, max: 100, message: t('enterprise.rules.nameLength'), trigger: 'blur' }],
    credit_code: [required(t), check(t, usccWhileTyping, 'change'), check(t, usccOnBlur, 'blur')],
    region_id: [{ ...required(t), trigger: 'change' }],
    industry_code: [check(t, industryProblem, 'change')],
    permit_number: [permitNumber],
    permit_valid_until: [validUntil],
  }
}

/** Rules of one row of the contacts editor (props contacts.N.name, …). */
export const contactRules = (t: Translate): Record<'name' | 'phone', FormItemRule[]> => ({
  name: [required(t)],
  phone: [phone(t)],
})
