import type { FormItemRule, FormRules } from 'element-plus'
import { required } from '../../../utils/rules'

type Translate = (key: string) => string

/** Rules of the plan editor; the parties are asked only where the user chooses them. */
export const planRules = (t: Translate, choose: { agency: boolean }): FormRules => ({
  enterprise_id: [{ ...required(t), trigger: 'change' }],
  year: [{ ...required(t), trigger: 'change' }],
  agency_org_id: choose.agency ? [{ ...required(t), trigger: 'change' }] : [],
  items: [{ type: 'array', required: true, min: 1, message: t('plan.rules.items'), trigger: 'change' }],
})

/** The topic of a training row (props training_plan.N.topic). */
export const trainingTopicRule = (t: Translate): FormItemRule[] => [{ ...required(t), message: t('plan.rules.topic') }]
