import { download } from './download'
import { http } from './http'
import type { SafetyRisk, SafetyRiskGrade, SafetyRiskRecord, SafetyRiskRecordBody, SafetySitePlan } from './types'

/** An enterprise's work-safety risk identification (chengdu App. C 3.2): lists, JHA/SCL records, the risk list and its four-colour map. */
export type SafetyRiskKind = 'activities' | 'equipment' | 'assessments' | 'zones'

const base = (enterpriseId: number) => `/enterprises/${enterpriseId}/safety-risk`

export const getSafetyRisk = (enterpriseId: number) => http.get<SafetyRisk>(base(enterpriseId))
export const createSafetyRiskRecord = (enterpriseId: number, kind: SafetyRiskKind, body: SafetyRiskRecordBody) =>
  http.post<SafetyRiskRecord>(`${base(enterpriseId)}/${kind}`, body)
export const updateSafetyRiskRecord = (enterpriseId: number, kind: SafetyRiskKind, id: number, body: SafetyRiskRecordBody) =>
  http.put<SafetyRiskRecord>(`${base(enterpriseId)}/${kind}/${id}`, body)
export const deleteSafetyRiskRecord = (enterpriseId: number, kind: SafetyRiskKind, id: number) =>
  http.delete(`${base(enterpriseId)}/${kind}/${id}`)
export const setSitePlan = (enterpriseId: number, fileId: number) =>
  http.put<SafetySitePlan>(`${base(enterpriseId)}/site-plan`, { file_id: fileId })
/** The level and colour of L·S or L·E·C under the caller's organization's grading, stored nowhere. */
export const evaluateSafetyRisk = (body: { scoring: 'ls' | 'lec'; l?: number; s?: number; e?: number; c?: number }) =>
  http.post<SafetyRiskGrade>('/safety-risk/evaluate', body, { silent: true })

export const downloadRiskMap = (enterpriseId: number, format: 'svg' | 'png') =>
  download(`${base(enterpriseId)}/map`, { format }, `safety-risk-map.${format}`)
export const downloadRiskList = (enterpriseId: number, format: 'xlsx' | 'pdf') =>
  download(`${base(enterpriseId)}/list`, { format }, `safety-risk-list.${format}`)
