import { getEnterprise, listEnterprises } from '@/api/enterprises'
import { getOrganization, listOrganizations } from '@/api/organizations'
import { getRegion, listRegions } from '@/api/regions'
import { getUser, listUsers } from '@/api/users'

export interface SelectOption {
  value: number
  label: string
  /** Shown after the label, e.g. why the option cannot be picked. */
  note?: string
  disabled?: boolean
}

/** Where a RemoteSelect finds its options: a search by text and a lookup of known ids. */
export interface OptionSource {
  search(query: string): Promise<SelectOption[]>
  resolve(ids: number[]): Promise<SelectOption[]>
}

const SEARCH_LIMIT = 30

function source<T extends { id: number }>(
  list: (q: string) => Promise<{ items: T[] }>,
  get: (id: number) => Promise<T>,
  label: (row: T) => string,
): OptionSource {
  const toOption = (row: T): SelectOption => ({ value: row.id, label: label(row) })
  return {
    search: async (query) => (await list(query)).items.map(toOption),
    resolve: (ids) => Promise.all(ids.map(async (id) => toOption(await get(id)))),
  }
}

export const organizationOptions = source(
  (q) => listOrganizations({ q, limit: SEARCH_LIMIT }),
  getOrganization,
  (org) => org.name,
)

export const regionOptions = source(
  (q) => listRegions({ q, limit: SEARCH_LIMIT }),
  getRegion,
  (region) => `${region.name}（${region.code}）`,
)

export const userOptions = source(
  (q) => listUsers({ q, limit: SEARCH_LIMIT }),
  getUser,
  (user) => `${user.display_name}（${user.username}）`,
)

export const parkOptions = source(
  (q) => listOrganizations({ q, type: 'park', limit: SEARCH_LIMIT }),
  getOrganization,
  (org) => org.name,
)

export const insurerOptions = source(
  (q) => listOrganizations({ q, type: 'insurer', limit: SEARCH_LIMIT }),
  getOrganization,
  (org) => org.name,
)

export const enterpriseOrgOptions = source(
  (q) => listOrganizations({ q, type: 'enterprise', limit: SEARCH_LIMIT }),
  getOrganization,
  (org) => org.name,
)

/** Registered enterprises the user may see, by name, credit code or address. */
export const enterpriseOptions = source(
  (q) => listEnterprises({ q, limit: SEARCH_LIMIT }),
  getEnterprise,
  (enterprise) => `${enterprise.name}（${enterprise.credit_code}）`,
)
