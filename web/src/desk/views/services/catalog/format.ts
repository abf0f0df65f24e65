import type { ServiceTypeVersion } from '@/api/types'

type Translate = (key: string, values?: Record<string, unknown>) => string
/** The rule fields the catalog shows, common to a type's current version and any older one. */
type Rules = Pick<ServiceTypeVersion, 'upload_working_days' | 'upload_from' | 'min_people' | 'min_people_large' | 'expert_always'>

/** "现场服务结束后 5 个工作日内", or "未规定" when the seed sets no upload deadline. */
export function uploadRuleText(t: Translate, rules: Rules, anchorLabel: string): string {
  if (rules.upload_working_days === null || rules.upload_working_days === undefined) return t('catalog.noUploadRule')
  return t('catalog.uploadRule', { anchor: anchorLabel, days: rules.upload_working_days })
}

/** "至少 2 人（大型企业或特殊需求至少 3 人），须有专家". */
export function staffingText(t: Translate, rules: Rules): string {
  const people = t('catalog.staffingRule', { people: rules.min_people, large: rules.min_people_large })
  return rules.expert_always ? `${people}${t('catalog.expertAlways')}` : people
}
