import type { PlanStatus } from '@/api/types'

/** Tag colours of the plan statuses. */
export const PLAN_STATUS_TAG: Record<PlanStatus, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  draft: 'info',
  proposed: 'warning',
  agreed: 'success',
  returned: 'danger',
}
