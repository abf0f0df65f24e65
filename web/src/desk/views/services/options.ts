import { getOrganization, listOrganizations } from '@/api/organizations'
import type { OptionSource } from '../../components/option-sources'

/** Service agencies by name: all of them for whoever commissions agencies, else those in the user's scope. */
export const agencyOptions: OptionSource = {
  search: async (q) => (await listOrganizations({ q, type: 'agency', limit: 30 })).items.map((o) => ({ value: o.id, label: o.name })),
  resolve: (ids) => Promise.all(ids.map(async (id) => ({ value: id, label: (await getOrganization(id)).name }))),
}
