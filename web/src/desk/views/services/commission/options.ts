import { getEnterprise } from '@/api/enterprises'
import { getOrganization, listOrganizations } from '@/api/organizations'
import { listPolicies } from '@/api/policies'
import { chinaDate } from '@/utils/time'
import type { OptionSource, SelectOption } from '../../../components/option-sources'

const SEARCH_LIMIT = 30

/** Agencies to commission (every agency, as the server lists them to whoever commissions). */
export const agencyOptions: OptionSource = {
  search: async (q) => (await listOrganizations({ q, type: 'agency', active: true, limit: SEARCH_LIMIT })).items.map((o) => ({ value: o.id, label: o.name })),
  resolve: (ids) => Promise.all(ids.map(async (id) => ({ value: id, label: (await getOrganization(id)).name }))),
}

/**
 * Enterprises the insurer may commission: those with one of its policies in force today (China time),
 * by enterprise name, credit code or policy number. Labels found are remembered in `names`, so the
 * form can name an enterprise in the server's errors.
 */
export function insuredEnterpriseOptions(insurerId: () => number | undefined, names: Map<number, string>): OptionSource {
  const remember = (option: SelectOption) => {
    names.set(option.value, option.label)
    return option
  }
  return {
    search: async (q) => {
      const page = await listPolicies({ q, insurer_id: insurerId(), in_force_on: chinaDate(), status: 'active', limit: SEARCH_LIMIT })
      const unique = new Map(page.items.map((p) => [p.enterprise_id, `${p.enterprise_name}（${p.enterprise_credit_code}）`]))
      return [...unique].map(([value, label]) => remember({ value, label }))
    },
    resolve: (ids) =>
      Promise.all(ids.map(async (id) => {
        const enterprise = await getEnterprise(id)
        return remember({ value: id, label: `${enterprise.name}（${enterprise.credit_code}）` })
      })),
  }
}
