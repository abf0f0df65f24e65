import type { Commission, CommissionItemStatus } from '@/api/types'

/** The order statuses are shown in a commission's progress bar: done first, then open, then closed. */
export const PROGRESS_ORDER: readonly CommissionItemStatus[] = [
  'completed',
  'accepted',
  'pending',
  'cancel_requested',
  'declined',
  'cancelled',
  'withdrawn',
]

export interface ProgressSegment {
  status: CommissionItemStatus
  count: number
  /** Share of all items, 0–100, rounded to one decimal. */
  percent: number
}

export interface CommissionProgress {
  total: number
  /** Items the agency has taken on: accepted or served. */
  taken: number
  /** Items waiting for someone: the agency (pending) or the insurer (cancel_requested). */
  waiting: number
  segments: ProgressSegment[]
}

/** The counts per status of a commission as bar segments (statuses without items left out). */
export function commissionProgress(counts: Commission['item_counts']): CommissionProgress {
  const total = PROGRESS_ORDER.reduce((sum, status) => sum + (counts[status] ?? 0), 0)
  const segments = PROGRESS_ORDER.filter((status) => (counts[status] ?? 0) > 0).map((status) => ({
    status,
    count: counts[status],
    percent: Math.round((counts[status] * 1000) / total) / 10,
  }))
  return {
    total,
    taken: (counts.accepted ?? 0) + (counts.completed ?? 0),
    waiting: (counts.pending ?? 0) + (counts.cancel_requested ?? 0),
    segments,
  }
}
