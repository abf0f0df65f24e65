import { download } from './download'
import { http } from './http'
import type {
  HazardAcceptanceBody,
  HazardDeadlineBody,
  HazardDetail,
  HazardEscalationPage,
  HazardEvidenceBody,
  HazardFindingEdit,
  HazardInput,
  HazardNotifyBody,
  HazardPage,
  HazardPatch,
  HazardPlanBody,
  HazardProgressBody,
  HazardRecheckResult,
  HazardsFromFindings,
  QueryOf,
  VisitHazards,
} from './types'

/** Hazards 隐患 (chengdu Table 9) and their rectification steps; the server offers the steps in `actions`. */
export type HazardQuery = QueryOf<'listHazards'>
export type EscalationQuery = QueryOf<'listHazardEscalations'>

export const listHazards = (query: HazardQuery) => http.get<HazardPage>('/hazards', query)
export const getHazard = (id: number) => http.get<HazardDetail>(`/hazards/${id}`)
/** The agency changes what was found, until the enterprise answers with a plan. */
export const updateHazard = (id: number, patch: HazardPatch) => http.patch<HazardDetail>(`/hazards/${id}`, patch)

/** The body each step takes (POST /hazards/{id}/{step}). */
export interface HazardStepBodies {
  notify: HazardNotifyBody
  set_deadline: HazardDeadlineBody
  submit_plan: HazardPlanBody
  accept_plan: { reason?: string }
  return_plan: { reason: string }
  add_progress: HazardProgressBody
  submit_evidence: HazardEvidenceBody
  verify: HazardAcceptanceBody
  reject_evidence: { reason: string }
  comment: { reason: string }
}
export type HazardStep = keyof HazardStepBodies

/** One step of the life cycle; the route is the action's name with hyphens (submit_plan → submit-plan). */
export const takeHazardStep = <S extends HazardStep>(id: number, step: S, body: HazardStepBodies[S]) =>
  http.post<HazardDetail>(`/hazards/${id}/${step.replace(/_/g, '-')}`, body)

export const listVisitHazards = (visitId: number) => http.get<VisitHazards>(`/visits/${visitId}/hazards`)
/** A hazard recorded by hand on a started visit. */
export const createVisitHazard = (visitId: number, body: HazardInput) => http.post<HazardDetail>(`/visits/${visitId}/hazards`, body)
/** wuxi 第十五条（五）: an earlier hazard re-checked on this visit: closed, or carried over to it. */
export const recheckHazard = (visitId: number, hazardId: number, result: HazardRecheckResult, note: string) =>
  http.post<VisitHazards>(`/visits/${visitId}/hazards/${hazardId}/recheck`, { result, note })
/** Every finding of a submitted checklist becomes a hazard, with the edits given; made once. */
export const hazardsFromInspection = (inspectionId: number, edits: HazardFindingEdit[]) =>
  http.post<HazardsFromFindings>(`/inspections/${inspectionId}/hazards`, { edits })

export const listHazardEscalations = (query: EscalationQuery) => http.get<HazardEscalationPage>('/hazard-escalations', query)

export type LedgerQuery = QueryOf<'downloadHazardLedger'>
/** chengdu Table 9 隐患排查治理台账 for an enterprise, a region or an agency over a period, as .xlsx or PDF. */
export const downloadHazardLedger = (query: LedgerQuery) => download('/hazards/ledger', query, `hazard-ledger.${query.format ?? 'xlsx'}`)
