import { listHazards } from '@/api/hazards'
import type { Hazard, HazardDomain, HazardGrade, HazardStatus } from '@/api/types'
import { usePagedList } from '../../../composables/usePagedList'

export type HazardFilters = {
  status: HazardStatus | undefined
  grade: HazardGrade | undefined
  domain: HazardDomain | undefined
  enterprise_id: number | null | undefined
  region_id: number | null | undefined
  overdue: boolean
  escalated: boolean
}

/** The query of the filters: unset ones and unticked checkboxes are left out. */
export function hazardQuery(filters: HazardFilters) {
  return {
    status: filters.status,
    grade: filters.grade,
    domain: filters.domain,
    enterprise_id: filters.enterprise_id ?? undefined,
    region_id: filters.region_id ?? undefined,
    overdue: filters.overdue || undefined,
    escalated: filters.escalated || undefined,
  }
}

/** The hazards the user sees (the server scopes them), filtered and paged the way the other lists page. */
export function useHazards() {
  return usePagedList<Hazard, HazardFilters>(
    ({ limit, offset, ...filters }) => listHazards({ ...hazardQuery(filters), limit, offset }),
    () => ({ status: undefined, grade: undefined, domain: undefined, enterprise_id: undefined, region_id: undefined, overdue: false, escalated: false }),
  )
}
