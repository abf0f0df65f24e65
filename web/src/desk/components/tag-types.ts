import type { PolicyStatus, ProductionStatus, RiskLevel } from '@/api/types'

/** Tag colours of values shown with DictTag, so the same value looks the same on every page. */
type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const RISK_LEVEL_TAG: Record<RiskLevel, TagType> = {
  major: 'danger',
  larger: 'warning',
  general: 'success',
  unknown: 'info',
}

export const PRODUCTION_STATUS_TAG: Record<ProductionStatus, TagType> = {
  operating: 'success',
  seasonal: 'warning',
  suspended: 'warning',
  closed: 'info',
}

export const POLICY_STATUS_TAG: Record<PolicyStatus, TagType> = {
  active: 'success',
  terminated: 'info',
}
