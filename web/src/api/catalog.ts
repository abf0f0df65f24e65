import { http } from './http'
import type { PageResult } from './page'
import type {
  QueryOf,
  ServiceClass,
  ServiceType,
  ServiceTypeCreate,
  ServiceTypeDetail,
  ServiceTypeUpdate,
  ServiceTypeVersion,
} from './types'

export type ServiceClassQuery = QueryOf<'listServiceClasses'>
export type ServiceTypeQuery = QueryOf<'listServiceTypes'>

export const listServiceClasses = (query: ServiceClassQuery = {}) => http.get<{ items: ServiceClass[] }>('/service-classes', query)
export const listServiceTypes = (query: ServiceTypeQuery) => http.get<PageResult<ServiceType>>('/service-types', query)
/** The current version with the list of all versions. */
export const getServiceType = (id: number) => http.get<ServiceTypeDetail>(`/service-types/${id}`)
/** The rules of one version, as services made with it keep them. */
export const getServiceTypeVersion = (id: number, version: number) =>
  http.get<ServiceTypeVersion>(`/service-types/${id}/versions/${version}`)
export const createServiceType = (body: ServiceTypeCreate) => http.post<ServiceTypeDetail>('/service-types', body)
/** A change of any rule adds a version; active and class_code change in place. */
export const updateServiceType = (id: number, patch: ServiceTypeUpdate) =>
  http.patch<ServiceTypeDetail>(`/service-types/${id}`, patch)
