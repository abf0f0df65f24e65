import { useRouter } from 'vue-router'
import { listCommissions } from '@/api/commissions'
import type { Commission } from '@/api/types'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

export type CommissionFilters = {
  agency_org_id: number | null | undefined
  overdue: boolean
  pending: boolean
}

/** 委托管理: the commissions the user's organization sent (or received), and the create dialog. */
export function useCommissions() {
  const router = useRouter()
  const list = usePagedList<Commission, CommissionFilters>(
    ({ limit, offset, ...filters }) =>
      listCommissions({
        agency_org_id: filters.agency_org_id ?? undefined,
        overdue: filters.overdue || undefined,
        pending: filters.pending || undefined,
        limit,
        offset,
      }),
    () => ({ agency_org_id: undefined, overdue: false, pending: false }),
  )
  const dialog = useEditDialog<Commission>()

  /** A new commission opens at once, so the insurer sees its enterprises wait for the agency. */
  async function onCreated(commission: Commission): Promise<void> {
    await router.push({ name: 'commission-detail', params: { id: commission.id } })
  }

  return { list, dialog, onCreated }
}
