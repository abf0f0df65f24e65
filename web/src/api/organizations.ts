import { http } from './http'
import type { PageResult } from './page'
import type { Organization, OrganizationCreate, OrganizationUpdate, QueryOf } from './types'

export type OrganizationQuery = QueryOf<'listOrganizations'>

export const listOrganizations = (query: OrganizationQuery) =>
  http.get<PageResult<Organization>>('/organizations', query)
export const getOrganization = (id: number) => http.get<Organization>(`/organizations/${id}`)
export const createOrganization = (body: OrganizationCreate) => http.post<Organization>('/organizations', body)
export const updateOrganization = (id: number, patch: OrganizationUpdate) =>
  http.patch<Organization>(`/organizations/${id}`, patch)
