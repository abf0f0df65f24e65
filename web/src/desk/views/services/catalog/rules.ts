import type { FormRules } from 'element-plus'
import { check, required } from '../../../utils/rules'

type Translate = (key: string) => string

/** The fields of the form the rules compare against each other. */
export interface CatalogRuleContext {
  on_site: boolean
  min_people: number
}

/** Stable ASCII codes, as the server accepts them. */
export const CODE_PATTERN = /^[a-z][a-z0-9._-]*$/

export const catalogRules = (t: Translate, form: () => CatalogRuleContext): FormRules => ({
  code: [required(t), check(t, (value: string) => (value && !CODE_PATTERN.test(value.trim()) ? 'catalog.rules.code' : null))],
  class_code: [{ ...required(t), trigger: 'change' }],
  name_zh: [required(t), { max: 100, trigger: 'blur' }],
  insurance_type: [{ ...required(t), trigger: 'change' }],
  deliverables: [
    { ...required(t), trigger: 'change' },
    check(t, (value: string[]) => (value.length === 0 ? 'catalog.rules.deliverables' : null), 'change'),
  ],
  annual_survey: [check(t, (value: boolean) => (value && !form().on_site ? 'catalog.rules.annualSurvey' : null), 'change')],
  min_people_large: [
    check(t, (value: number | undefined) => ((value ?? 0) < form().min_people ? 'catalog.rules.minPeopleLarge' : null), 'change'),
  ],
})
