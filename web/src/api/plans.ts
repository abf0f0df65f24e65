import { http } from './http'
import type { QueryOf, ServicePlan, ServicePlanCreate, ServicePlanPage, ServicePlanUpdate } from './types'

export type PlanQuery = QueryOf<'listServicePlans'>

export const listPlans = (query: PlanQuery) => http.get<ServicePlanPage>('/service-plans', query)
/** One plan with its status history. */
export const getPlan = (id: number) => http.get<ServicePlan>(`/service-plans/${id}`)
export const createPlan = (body: ServicePlanCreate) => http.post<ServicePlan>('/service-plans', body)
/** Only a draft or returned plan changes; items, training rows and staff are replaced as sent. */
export const updatePlan = (id: number, patch: ServicePlanUpdate) => http.patch<ServicePlan>(`/service-plans/${id}`, patch)

/** The writer sends the plan to the enterprise (draft or returned → proposed). */
export const proposePlan = (id: number) => http.post<ServicePlan>(`/service-plans/${id}/propose`)
/** The enterprise agrees (proposed → agreed). */
export const agreePlan = (id: number) => http.post<ServicePlan>(`/service-plans/${id}/agree`)
/** The enterprise returns the plan with its comments (proposed → returned). */
export const returnPlan = (id: number, reason: string) => http.post<ServicePlan>(`/service-plans/${id}/return`, { reason })
/** The writer revises an agreed plan, saying why (agreed → draft). */
export const reopenPlan = (id: number, reason: string) => http.post<ServicePlan>(`/service-plans/${id}/reopen`, { reason })
