import { download } from './download'
import { http } from './http'
import type { PageResult } from './page'
import type { QueryOf, Staff, StaffCreate, StaffingCheckRequest, StaffingCheckResult, StaffUpdate } from './types'

export type StaffQuery = QueryOf<'listStaff'>
export type StaffExportQuery = QueryOf<'exportStaff'>

export const listStaff = (query: StaffQuery) => http.get<PageResult<Staff>>('/staff', query)
export const getStaff = (id: number) => http.get<Staff>(`/staff/${id}`)
export const createStaff = (body: StaffCreate) => http.post<Staff>('/staff', body)
export const updateStaff = (id: number, patch: StaffUpdate) => http.patch<Staff>(`/staff/${id}`, patch)
/** The filtered list as an .xlsx download. */
export const exportStaff = (query: StaffExportQuery) => download('/staff/export', query, 'staff.xlsx')
/** Every staffing rule a team misses for an enterprise (wuxi guideline §15(三), attachment 1). */
export const checkStaffing = (body: StaffingCheckRequest) => http.post<StaffingCheckResult>('/staffing-check', body)
