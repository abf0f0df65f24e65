import { download } from './download'
import { http } from './http'
import type { PageResult } from './page'
import type { Policy, PolicyCreate, PolicyUpdate, QueryOf } from './types'

export type PolicyQuery = QueryOf<'listPolicies'>
export type PolicyExportQuery = QueryOf<'exportPolicies'>
export type PolicySort = NonNullable<PolicyQuery['sort']>

export const listPolicies = (query: PolicyQuery) => http.get<PageResult<Policy>>('/policies', query)
export const getPolicy = (id: number) => http.get<Policy>(`/policies/${id}`)
export const createPolicy = (body: PolicyCreate) => http.post<Policy>('/policies', body)
export const updatePolicy = (id: number, patch: PolicyUpdate) => http.patch<Policy>(`/policies/${id}`, patch)
export const deletePolicy = (id: number) => http.delete(`/policies/${id}`)
/** The filtered list as an .xlsx download. */
export const exportPolicies = (query: PolicyExportQuery) => download('/policies/export', query, 'policies.xlsx')
