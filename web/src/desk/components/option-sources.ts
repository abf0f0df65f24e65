import { getEnterprise, listEnterprises } from '@/api/enterprises'
import { getOrganization, listOrganizations } from '@/api/organizations'
import type { PageQuery } from '@/api/page'
import { getRegion, listRegions } from '@/api/regions'
import { getUser, listUsers } from '@/api/users'

export interface SelectOption {
  value: number
  label: string
  /** Shown after the label, e.g. why the option cannot be picked. */
  note?: string
  disabled?: boolean
}

/** One page of a source's matches; `total` counts them all, so a picker knows whether more remain. */
export interface OptionPage {
  options: SelectOption[]
  total: number
}

/**
 * Where a RemoteSelect finds its options: a page of the server's matches for a text (`q=`), and the labels
 * of known ids (a value chosen earlier need not be on the first page, or on any page of the current text).
 */
export interface OptionSource {
  search(query: string, page: Required<PageQuery>): Promise<OptionPage>
  resolve(ids: number[]): Promise<SelectOption[]>
}

/** A source over a list endpoint that takes `q`, `limit` and `offset`, and the endpoint that reads one row. */
export function listSource<T extends { id: number }>(
  list: (query: { q: string } & Required<PageQuery>) => Promise<{ items: T[]; total: number }>,
  get: (id: number) => Promise<T>,
  label: (row: T) => string,
): OptionSource {
  const toOption = (row: T): SelectOption => ({ value: row.id, label: label(row) })
  return {
    search: async (q, page) => {
      const found = await list({ q, ...page })
      return { options: found.items.map(toOption), total: found.total }
    },
    resolve: (ids) => Promise.all(ids.map(async (id) => toOption(await get(id)))),
  }
}

const orgName = (org: { name: string }) => org.name
const organizationsOf = (type?: 'park' | 'insurer' | 'enterprise') =>
  listSource((query) => listOrganizations({ ...query, type }), getOrganization, orgName)

export const organizationOptions = organizationsOf()
export const parkOptions = organizationsOf('park')
export const insurerOptions = organizationsOf('insurer')
export const enterpriseOrgOptions = organizationsOf('enterprise')

export const regionOptions = listSource(listRegions, getRegion, (region) => `${region.name}（${region.code}）`)

export const userOptions = listSource(listUsers, getUser, (user) => `${user.display_name}（${user.username}）`)

/** Registered enterprises the user may see, by name, credit code or address. */
export const enterpriseOptions = listSource(listEnterprises, getEnterprise, (enterprise) => `${enterprise.name}（${enterprise.credit_code}）`)
