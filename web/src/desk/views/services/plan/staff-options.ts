import { getStaff, listStaff } from '@/api/staff'
import type { StaffRef } from '@/api/types'
import type { OptionSource, SelectOption } from '../../../components/option-sources'

/**
 * The staff a plan may name: the agency's active staff not excluded from service, found by name a page at a
 * time (an agency's staff is not loaded whole). The plan's own members keep their labels without a look-up,
 * also once excluded or when the user may not list staff (then they are all there is to pick).
 */
export function planStaffOptions(
  agency: number | undefined,
  members: readonly StaffRef[],
  label: (staff: StaffRef) => string,
  mayList: boolean,
): OptionSource {
  const known = new Map(members.map((s) => [s.id, s]))
  const option = (staff: StaffRef): SelectOption => ({ value: staff.id, label: label(staff) })
  return {
    search: async (q, page) => {
      if (!agency || !mayList) return { options: members.map(option), total: members.length }
      const found = await listStaff({ q, org_id: agency, active: true, excluded: false, ...page })
      return { options: found.items.map(option), total: found.total }
    },
    resolve: (ids) => Promise.all(ids.map(async (id) => option(known.get(id) ?? (await getStaff(id))))),
  }
}
