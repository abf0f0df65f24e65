import type { SafetyRiskKind } from '@/api/safetyRisk'

/** The text fields of each kind's form, in the order of its table (chengdu App. C Tables 3–7), with their i18n column keys. */
export interface TextField {
  key: string
  label: string
  required?: boolean
  long?: boolean
}

export const FORM_FIELDS: Record<Exclude<SafetyRiskKind, 'zones'>, TextField[]> = {
  activities: [
    { key: 'place', label: 'place', required: true },
    { key: 'task', label: 'task' },
    { key: 'activity', label: 'activity', required: true },
    { key: 'steps', label: 'steps', long: true },
    { key: 'equipment', label: 'equipmentUsed' },
    { key: 'hazards', label: 'hazards', long: true },
  ],
  equipment: [
    { key: 'place', label: 'place', required: true },
    { key: 'name', label: 'name', required: true },
    { key: 'hazards', label: 'hazards', long: true },
    { key: 'state', label: 'state' },
  ],
  assessments: [
    { key: 'department', label: 'department' },
    { key: 'unit', label: 'unit' },
    { key: 'object', label: 'object' },
    { key: 'item', label: 'item', required: true },
    { key: 'standard', label: 'standard', long: true },
    { key: 'hazard', label: 'hazard', required: true, long: true },
    { key: 'consequence', label: 'consequence' },
    { key: 'controls', label: 'controls', long: true },
    { key: 'suggestion', label: 'suggestion', long: true },
    { key: 'remarks', label: 'remarks' },
    { key: 'risk_type', label: 'riskType' },
    { key: 'risk_description', label: 'riskDescription' },
    { key: 'place_address', label: 'placeAddress' },
    { key: 'risk_source', label: 'riskSource' },
    { key: 'source_address', label: 'sourceAddress' },
  ],
}

/** The factor scales: L and S of the risk matrix, and L, E, C of the job condition method. */
export const LS_VALUES = [1, 2, 3, 4, 5]
export const LEC_VALUES = {
  l: [10, 6, 3, 1, 0.5, 0.2, 0.1],
  e: [10, 6, 3, 2, 1, 0.5],
  c: [100, 40, 15, 7, 3, 1],
} as const

/** "x1,y1 x2,y2 …" for an SVG polygon. */
export const pointsText = (points: number[][]) => points.map(([x, y]) => `${x},${y}`).join(' ')
