import type { CommissionItem, CommissionItemStatus } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Tag colour of each item status, shared by the commission pages and the agency's inbox. */
export const COMMISSION_ITEM_STATUS_TAG: Record<CommissionItemStatus, TagType> = {
  pending: 'warning',
  accepted: 'primary',
  completed: 'success',
  cancel_requested: 'warning',
  declined: 'danger',
  cancelled: 'info',
  withdrawn: 'info',
}

/** Bar colour of each status in a commission's progress (Element Plus palette). */
export const COMMISSION_ITEM_STATUS_COLOR: Record<CommissionItemStatus, string> = {
  completed: 'var(--el-color-success)',
  accepted: 'var(--el-color-primary)',
  pending: 'var(--el-color-warning)',
  cancel_requested: 'var(--el-color-warning-light-5)',
  declined: 'var(--el-color-danger)',
  cancelled: 'var(--el-color-info-light-5)',
  withdrawn: 'var(--el-color-info)',
}

/** What the insurer may do with an item: the status machine's insurer steps (wuxi §15(二)). */
export function insurerActions(item: Pick<CommissionItem, 'status' | 'overdue'>): ('withdraw' | 'approve_cancel' | 'reject_cancel')[] {
  if (item.status === 'pending') return ['withdraw']
  if (item.status === 'accepted') return item.overdue ? ['withdraw'] : []
  if (item.status === 'cancel_requested') return ['approve_cancel', 'reject_cancel']
  return []
}

/** What the agency may do with an item: only a pending one is accepted, declined or sent back as wrong. */
export function agencyActions(item: Pick<CommissionItem, 'status'>): ('accept' | 'decline' | 'request_cancel')[] {
  return item.status === 'pending' ? ['accept', 'decline', 'request_cancel'] : []
}
