import { http } from './http'

/**
 * HJ 941-2018 environmental risk (issue 13; engineer h1's server). Typed by hand from the contract in the issue
 * and h1's evaluation_io.cpp until its paths are in api/openapi.json; then these become schema types.
 */
export type EnvLevel = '一般' | '较大' | '重大'
export type EnvLevelCode = 'general' | 'larger' | 'major'

export interface EnvSubstance {
  id: number
  name: string
  cas: string
  critical_t: number
  part: string
  physical_state: string
  air: boolean
  water: boolean
}

export interface ControlOption {
  code: string
  zh: string
  score: number
}
export interface ControlItem {
  code: string
  zh: string
  options: ControlOption[]
}

export interface EnvRiskTable {
  id: number
  version: number
  note: string
  control_scores: { air: ControlItem[]; water: ControlItem[] }
  processes: string[]
  process_cap: number
}

export interface EvaluateSubstance {
  substance_id?: number
  name?: string
  quantity_t: number
  share?: number
  air?: boolean
  water?: boolean
}

export interface EvaluateBody {
  substances?: EvaluateSubstance[]
  process_units?: { process: string; count: number }[]
  high_temperature_pressure_units?: number
  phase_out_units?: number
  air_controls?: Record<string, string>
  water_controls?: Record<string, string>
  air_receptors?: { people_5km?: number; people_500m?: number; pipeline_people_per_km?: number; special_zone_5km?: boolean }
  water_receptors?: Partial<Record<WaterReceptor, boolean>>
  penalised_last_3_years?: boolean
}

export const WATER_RECEPTORS = [
  'drinking_water_zone_10km',
  'national_border_24h',
  'sensitive_area_10km',
  'provincial_border_24h',
  'karst_or_flood_area',
] as const
export type WaterReceptor = (typeof WATER_RECEPTORS)[number]

export interface MediumResult {
  level: EnvLevel
  level_code: EnvLevelCode
  label: string
  q: number
  q_band: string
  m: number
  m_band: string
  e: string
  given: boolean
}

export interface EvaluationResult {
  level: EnvLevel
  level_code: EnvLevelCode
  label: string
  raised: boolean
  table: { id: number; version: number }
  air: MediumResult | null
  water: MediumResult | null
  explanation: { medium: 'air' | 'water' | null; step: string; text: string }[]
}

export const getEnvRiskTable = () => http.get<EnvRiskTable>('/env-risk/tables/current')
export const searchSubstances = (q: string) =>
  http.get<{ items: EnvSubstance[]; not_risk_substances: { name: string; basis: string }[] }>('/env-risk/substances', { q })
/** Silent: 速算 calls it on every change; a half-typed form shows its field errors, not a toast. */
export const evaluateEnvRisk = (body: EvaluateBody) => http.post<EvaluationResult>('/env-risk/evaluate', body, { silent: true })
export const createEnvRiskAssessment = (enterpriseId: number, body: EvaluateBody) =>
  http.post<{ id: number } & Partial<EvaluationResult>>(`/enterprises/${enterpriseId}/env-risk-assessments`, body)
