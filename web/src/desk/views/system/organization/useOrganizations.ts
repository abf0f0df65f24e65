import { listOrganizations } from '@/api/organizations'
import type { Organization, OrgType } from '@/api/types'
import { activeParam, type ActiveFilter } from '../../../components/active-filter'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

type OrganizationFilters = { type: OrgType | undefined; q: string; active: ActiveFilter }

/** Organizations page: filters by type, name and status; one dialog for create and edit. */
export function useOrganizations() {
  const list = usePagedList<Organization, OrganizationFilters>(
    ({ active, ...query }) => listOrganizations({ ...query, active: activeParam(active) }),
    () => ({ type: undefined, q: '', active: '' }),
  )
  const dialog = useEditDialog<Organization>()
  return { list, dialog }
}
