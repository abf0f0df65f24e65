import { http } from './http'
import type { PageResult } from './page'
import type { QueryOf, Region, RegionCreate, RegionUpdate } from './types'

export type RegionQuery = QueryOf<'listRegions'>

export const listRegions = (query: RegionQuery) => http.get<PageResult<Region>>('/regions', query)
export const getRegion = (id: number) => http.get<Region>(`/regions/${id}`)
export const createRegion = (body: RegionCreate) => http.post<Region>('/regions', body)
export const updateRegion = (id: number, patch: RegionUpdate) => http.patch<Region>(`/regions/${id}`, patch)
export const deleteRegion = (id: number) => http.delete(`/regions/${id}`)
