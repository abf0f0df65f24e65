import { download } from './download'
import { http } from './http'
import type { PageResult } from './page'
import type { CreditCodeCheck, Enterprise, EnterpriseCreate, EnterpriseUpdate, QueryOf } from './types'

export type EnterpriseQuery = QueryOf<'listEnterprises'>
export type EnterpriseExportQuery = QueryOf<'exportEnterprises'>
export type EnterpriseSort = NonNullable<EnterpriseQuery['sort']>

export const listEnterprises = (query: EnterpriseQuery) => http.get<PageResult<Enterprise>>('/enterprises', query)
export const getEnterprise = (id: number) => http.get<Enterprise>(`/enterprises/${id}`)
export const createEnterprise = (body: EnterpriseCreate) => http.post<Enterprise>('/enterprises', body)
export const updateEnterprise = (id: number, patch: EnterpriseUpdate) =>
  http.patch<Enterprise>(`/enterprises/${id}`, patch)
/** Soft delete: the enterprise moves to the archive and can be restored. */
export const archiveEnterprise = (id: number) => http.delete(`/enterprises/${id}`)
export const restoreEnterprise = (id: number) => http.post<Enterprise>(`/enterprises/${id}/restore`)
/** Whether a credit code is well formed and already registered; for checking while typing (silent). */
export const checkCreditCode = (code: string) =>
  http.get<CreditCodeCheck>('/enterprises/credit-code-check', { code }, { silent: true })
/** The filtered list as an .xlsx download. */
export const exportEnterprises = (query: EnterpriseExportQuery) =>
  download('/enterprises/export', query, 'enterprises.xlsx')
