import type { CommissionItemStatus } from '@/api/types'

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
