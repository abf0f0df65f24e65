import type { FormRules } from 'element-plus'
import { required } from '../../../utils/rules'

type Translate = (key: string) => string

/** Rules of the visit form; the staffing rules are the server's (checked live by the team picker). */
export const visitRules = (t: Translate, needsAgency: boolean): FormRules => ({
  agency_org_id: needsAgency ? [{ ...required(t), trigger: 'change' }] : [],
  enterprise_id: [{ ...required(t), trigger: 'change' }],
  service_type_ids: [{ type: 'array', required: true, min: 1, message: t('visit.rules.serviceTypes'), trigger: 'change' }],
  planned_on: [{ ...required(t), trigger: 'change' }],
})
