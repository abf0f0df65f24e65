import { http } from './http'
import type { Industry, QueryOf } from './types'

export type IndustryQuery = QueryOf<'listIndustries'>

/** GB/T 4754-2017 classes; without filters, the whole classification (sections, divisions, groups, classes). */
export const listIndustries = (query: IndustryQuery = {}) =>
  http.get<{ items: Industry[]; total: number }>('/industries', query)
