import type { EnvSubstance, EvaluateBody, WaterReceptor } from '@/api/envRisk'
import { WATER_RECEPTORS } from '@/api/envRisk'

/** One substance line as the user fills it: picked from the table (search by name or CAS), its quantity and share. */
export interface SubstanceLine {
  key: number
  substance: EnvSubstance | null
  quantity_t: number | null
  /** Share of the pure substance in a mixture or solution, 0–1 (HJ 941: converted to the pure substance). */
  share: number
  /** Counts for air / water; defaulted from the table's marks when the substance is picked (risk-methods.md). */
  air: boolean
  water: boolean
}

/** The 在线速算 form: the raw inputs of an HJ 941 evaluation (issue 13). */
export interface QuickForm {
  substances: SubstanceLine[]
  /** process → number of units (the 18 listed processes, 10 points each). */
  process_units: Record<string, number>
  high_temperature_pressure_units: number
  phase_out_units: number
  air_controls: Record<string, string>
  water_controls: Record<string, string>
  people_5km: number | null
  people_500m: number | null
  pipeline_people_per_km: number | null
  special_zone_5km: boolean
  water_receptors: Record<WaterReceptor, boolean>
  penalised_last_3_years: boolean
}

let nextKey = 1

export function emptyForm(): QuickForm {
  return {
    substances: [],
    process_units: {},
    high_temperature_pressure_units: 0,
    phase_out_units: 0,
    air_controls: {},
    water_controls: {},
    people_5km: null,
    people_500m: null,
    pipeline_people_per_km: null,
    special_zone_5km: false,
    water_receptors: Object.fromEntries(WATER_RECEPTORS.map((r) => [r, false])) as Record<WaterReceptor, boolean>,
    penalised_last_3_years: false,
  }
}

export function newLine(): SubstanceLine {
  return { key: nextKey++, substance: null, quantity_t: null, share: 1, air: true, water: true }
}

/** Picking a substance sets its air/water marks to the table's defaults; the user may change them after. */
export function pickSubstance(line: SubstanceLine, substance: EnvSubstance | null): void {
  line.substance = substance
  if (substance) {
    line.air = substance.air
    line.water = substance.water
  }
}

const present = (n: number | null): n is number => n !== null && Number.isFinite(n)

/**
 * The request body of POST /env-risk/evaluate (and of a saved assessment). Lines still being filled (no substance
 * or no quantity) are left out, so the live result follows what is complete; zero counts are not sent.
 */
export function evaluateBody(form: QuickForm): EvaluateBody {
  const substances = form.substances
    .filter((line) => line.substance && present(line.quantity_t))
    .map((line) => ({
      substance_id: line.substance!.id,
      quantity_t: line.quantity_t!,
      share: line.share,
      air: line.air,
      water: line.water,
    }))
  const process_units = Object.entries(form.process_units)
    .filter(([, count]) => count > 0)
    .map(([process, count]) => ({ process, count }))
  const air_receptors: EvaluateBody['air_receptors'] = { special_zone_5km: form.special_zone_5km }
  if (present(form.people_5km)) air_receptors.people_5km = form.people_5km
  if (present(form.people_500m)) air_receptors.people_500m = form.people_500m
  if (present(form.pipeline_people_per_km)) air_receptors.pipeline_people_per_km = form.pipeline_people_per_km
  return {
    substances,
    process_units,
    high_temperature_pressure_units: form.high_temperature_pressure_units,
    phase_out_units: form.phase_out_units,
    air_controls: { ...form.air_controls },
    water_controls: { ...form.water_controls },
    air_receptors,
    water_receptors: { ...form.water_receptors },
    penalised_last_3_years: form.penalised_last_3_years,
  }
}

/** The colours of environmental levels (2014 guideline, risk-methods.md): 一般 blue, 较大 yellow, 重大 red. */
export const LEVEL_COLOUR: Record<string, string> = { general: '#1e6fd9', larger: '#d4a106', major: '#d03050' }
