import { http } from './http'
import type {
  EnvRiskAssessmentPage,
  EnvRiskEvaluation,
  EnvRiskInputs,
  EnvRiskMedium,
  EnvRiskSubstance,
  EnvRiskSubstanceSearch,
  EnvRiskTable,
} from './types'

/** HJ 941-2018 environmental risk (issue 13): the substance table, 在线速算 and the enterprises' assessments. */
export type EnvSubstance = EnvRiskSubstance
export type EvaluateBody = EnvRiskInputs
export type EvaluationResult = EnvRiskEvaluation
export type MediumResult = EnvRiskMedium

/** The water receptor answers of E (risk-methods.md), in the order the forms ask them. */
export const WATER_RECEPTORS = [
  'drinking_water_zone_10km',
  'national_border_24h',
  'sensitive_area_10km',
  'provincial_border_24h',
  'karst_or_flood_area',
] as const
export type WaterReceptor = (typeof WATER_RECEPTORS)[number]

export const getEnvRiskTable = () => http.get<EnvRiskTable>('/env-risk/tables/current')
export const searchSubstances = (q: string) => http.get<EnvRiskSubstanceSearch>('/env-risk/substances', { q })
/** Silent: 速算 calls it on every change; a half-typed form shows its field errors, not a toast. */
export const evaluateEnvRisk = (body: EvaluateBody) => http.post<EvaluationResult>('/env-risk/evaluate', body, { silent: true })
export const createEnvRiskAssessment = (enterpriseId: number, body: EvaluateBody) =>
  http.post<{ id: number }>(`/enterprises/${enterpriseId}/env-risk-assessments`, body)
/** The enterprise's assessments, newest first, each with the 环责险风险评估报告 that printed it. */
export const listEnterpriseAssessments = (enterpriseId: number, offset = 0, limit = 20) =>
  http.get<EnvRiskAssessmentPage>(`/enterprises/${enterpriseId}/env-risk-assessments`, { offset, limit })
