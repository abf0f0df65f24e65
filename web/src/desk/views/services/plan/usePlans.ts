import { listPlans } from '@/api/plans'
import type { PlanStatus, ServicePlan } from '@/api/types'
import { usePagedList } from '../../../composables/usePagedList'

export type PlanFilters = {
  q: string
  year: number | null | undefined
  status: PlanStatus | undefined
  enterprise_id: number | null | undefined
}

/** Service plans page: filters by year, status and enterprise. */
export function usePlans() {
  const list = usePagedList<ServicePlan, PlanFilters>(
    ({ limit, offset, ...f }) =>
      listPlans({
        q: f.q.trim() || undefined,
        year: f.year ?? undefined,
        status: f.status,
        enterprise_id: f.enterprise_id ?? undefined,
        limit,
        offset,
      }),
    () => ({ q: '', year: undefined, status: undefined, enterprise_id: undefined }),
  )
  return { list }
}
