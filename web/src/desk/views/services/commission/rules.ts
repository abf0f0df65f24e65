import type { FormRules } from 'element-plus'
import { check, required } from '../../../utils/rules'

type Translate = (key: string) => string

const nonEmpty = (key: string) => (value: unknown[] | undefined) => (value?.length ? null : key)

export const commissionRules = (t: Translate, needsInsurer: boolean): FormRules => ({
  insurer_org_id: needsInsurer ? [{ ...required(t), trigger: 'change' }] : [],
  agency_org_id: [{ ...required(t), trigger: 'change' }],
  enterprise_ids: [{ ...check(t, nonEmpty('commission.rules.enterprises'), 'change'), required: true }],
  service_type_ids: [{ ...check(t, nonEmpty('commission.rules.serviceTypes'), 'change'), required: true }],
  notes: [{ max: 2000, trigger: 'blur' }],
})
