import { useRoute } from 'vue-router'
import { listCommissionItems } from '@/api/commissions'
import type { CommissionItem, CommissionItemStatus } from '@/api/types'
import { usePagedList } from '../../../composables/usePagedList'
import { replaceRow } from '../../../utils/rows'
import { useItemActions } from '../commission/useItemActions'

export type OverdueFilter = 'overdue' | 'on_time' | undefined

export type InboxFilters = {
  q: string
  status: CommissionItemStatus | undefined
  overdue: OverdueFilter
  commission_id: number | undefined
}

const STATUSES: readonly string[] = ['pending', 'accepted', 'declined', 'cancel_requested', 'cancelled', 'withdrawn', 'completed']

/** The inbox's filters from its URL (?status=&commission_id=), where notifications lead; pending by default. */
export function inboxFiltersFrom(query: Record<string, unknown>): InboxFilters {
  const status = typeof query.status === 'string' && STATUSES.includes(query.status) ? (query.status as CommissionItemStatus) : 'pending'
  const commission = Number(query.commission_id)
  return { q: '', status, overdue: undefined, commission_id: Number.isInteger(commission) && commission > 0 ? commission : undefined }
}

/** 委托待办: the enterprises commissioned to the agency, to check and accept, decline or send back. */
export function useInbox() {
  const route = useRoute()
  const list = usePagedList<CommissionItem, InboxFilters>(
    ({ limit, offset, ...filters }) =>
      listCommissionItems({
        q: filters.q.trim() || undefined,
        status: filters.status,
        overdue: filters.overdue === undefined ? undefined : filters.overdue === 'overdue',
        commission_id: filters.commission_id,
        limit,
        offset,
      }),
    () => inboxFiltersFrom(route.query),
  )
  // the row stays where it is with its new status until the next search (a reload would drop it
  // from the pending list and move the next enterprise under the cursor)
  const actions = useItemActions((after) => {
    list.items = replaceRow(list.items, after)
  })

  /** Back to the plain inbox: pending items of every commission. */
  function reset(): Promise<void> {
    Object.assign(list.filters, inboxFiltersFrom({}))
    return list.search()
  }

  return { list, actions, reset }
}
