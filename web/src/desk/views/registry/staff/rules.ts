import type { FormItemRule, FormRules } from 'element-plus'
import type { StaffKind } from '@/api/types'
import { check, phone, required } from '../../../utils/rules'

type Translate = (key: string) => string

/** The fields of the form the rules depend on. */
export interface StaffRuleContext {
  kind: StaffKind | undefined
  excluded: boolean
}

export const staffRules = (t: Translate, form: () => StaffRuleContext, needsOrg: boolean): FormRules => ({
  name: [required(t), { max: 50, trigger: 'blur' }],
  phone: [phone(t)],
  org_id: needsOrg ? [{ ...required(t), trigger: 'change' }] : [],
  kind: [{ ...required(t), trigger: 'change' }],
  expert_pool_level: [check(t, (value: string | null) => (form().kind === 'expert' && !value ? 'staff.rules.expertPoolLevel' : null), 'change')],
  safety_engineer_level: [
    check(t, (value: string | null) => (form().kind === 'safety_engineer' && !value ? 'staff.rules.safetyEngineerLevel' : null), 'change'),
  ],
  excluded_reason: [check(t, (value: string) => (form().excluded && !value.trim() ? 'staff.rules.excludedReason' : null))],
})

/** Rules of one row of the certificates editor (props certificates.N.name). */
export const certificateRules = (t: Translate): Record<'name', FormItemRule[]> => ({
  name: [required(t)],
})
