import { listCommissionItems } from '@/api/commissions'
import { getEnterprise } from '@/api/enterprises'
import { getOrganization, listOrganizations } from '@/api/organizations'
import { listPolicies } from '@/api/policies'
import { i18n } from '@/i18n'
import { chinaDate } from '@/utils/time'
import { listSource, type OptionSource, type SelectOption } from '../../../components/option-sources'
import { policyPerEnterprise, type InsuredPolicy } from './insured'

/** Agencies to commission (every agency, as the server lists them to whoever commissions). */
export const agencyOptions = listSource((query) => listOrganizations({ ...query, type: 'agency', active: true }), getOrganization, (org) => org.name)

/**
 * Enterprises the insurer may commission: those with one of its policies in force today (China time),
 * by enterprise name, credit code or policy number. Labels found are remembered in `names`, so the
 * form can name an enterprise in the server's errors, and each one's policy in `policies`. An
 * enterprise already in an open commission of the insurer is marked and cannot be picked. Pages are pages of
 * policies (an enterprise with two policies in force shows once), so `total` counts policies.
 */
export function insuredEnterpriseOptions(
  insurerId: () => number | undefined,
  names: Map<number, string>,
  policies: Map<number, InsuredPolicy>,
): OptionSource {
  const remember = (option: SelectOption) => {
    names.set(option.value, option.label)
    return option
  }
  return {
    search: async (q, { limit, offset }) => {
      const insurer = insurerId()
      const page = await listPolicies({ q, insurer_id: insurer, in_force_on: chinaDate(), status: 'active', limit, offset })
      const found = policyPerEnterprise(page.items)
      const ids = [...found.keys()]
      const open = ids.length
        ? await listCommissionItems({ open: true, insurer_org_id: insurer, enterprise_ids: ids.join(','), limit })
        : { items: [] }
      const openIn = new Map(open.items.map((item) => [item.enterprise.id, item.commission_id]))
      const credit = new Map(page.items.map((p) => [p.enterprise_id, p.enterprise_credit_code]))
      const options = [...found].map(([id, policy]) => {
        policies.set(id, policy)
        const commission = openIn.get(id)
        const option = remember({ value: id, label: `${policy.enterpriseName}（${credit.get(id)}）` })
        return commission ? { ...option, disabled: true, note: i18n.global.t('commission.alreadyOpen', { id: commission }) } : option
      })
      return { options, total: page.total }
    },
    resolve: (ids) =>
      Promise.all(ids.map(async (id) => {
        const enterprise = await getEnterprise(id)
        return remember({ value: id, label: `${enterprise.name}（${enterprise.credit_code}）` })
      })),
  }
}
