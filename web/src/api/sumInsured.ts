import { http } from './http'
import type {
  SumInsuredBandInput,
  SumInsuredExample,
  SumInsuredSuggestBody,
  SumInsuredSuggestion,
  SumInsuredTable,
  SumInsuredTableVersion,
} from './types'

/** Suggested sum insured 建议保额 (issue 13): an insurer's table of bands, its versions, and the band for a level. */
export const getSumInsuredTable = (orgId: number) => http.get<SumInsuredTable>(`/organizations/${orgId}/sum-insured-table`)
export const getSumInsuredVersion = (orgId: number, version: number) =>
  http.get<SumInsuredTableVersion>(`/organizations/${orgId}/sum-insured-table/versions/${version}`)
export const publishSumInsuredTable = (orgId: number, body: { name: string; note?: string; bands: SumInsuredBandInput[] }) =>
  http.post<SumInsuredTable>(`/organizations/${orgId}/sum-insured-table/versions`, body)
export const getSumInsuredExample = () => http.get<SumInsuredExample>('/sum-insured/example')
/** Silent: 速算 asks on every change and shows no band rather than an error toast. */
export const suggestSumInsured = (body: SumInsuredSuggestBody) =>
  http.post<SumInsuredSuggestion>('/sum-insured/suggest', body, { silent: true })
