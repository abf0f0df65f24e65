import type { ServicePlan, ServicePlanCreate, ServicePlanUpdate, TrainingRow } from '@/api/types'

/**
 * The plan editor's form, after chengdu App. C: the enterprise's situation, the service items with
 * their measures, frequency and expected results, the training plan (table 1), the staff, the
 * safeguards. Pure: building the form from a plan and the request bodies from the form.
 */

export interface ItemForm {
  service_type_id: number
  name_zh: string
  name_en: string
  measures: string
  frequency: string
  expected_results: string
}

export interface PlanForm {
  enterprise_id: number | undefined
  year: number
  agency_org_id: number | undefined
  insurer_org_id: number | undefined
  policy_id: number | undefined
  enterprise_overview: string
  facilities_and_processes: string
  accident_history: string
  items: ItemForm[]
  training_plan: TrainingRow[]
  staff_ids: number[]
  safeguards: string
  notes: string
}

export const TRAINING_COLUMNS = ['topic', 'audience', 'form', 'kind', 'materials', 'time'] as const
/** The server's limits (plan_service.cpp). */
export const MAX_ITEMS = 30
export const MAX_TRAINING_ROWS = 50

export function blankPlan(year: number): PlanForm {
  return {
    enterprise_id: undefined,
    year,
    agency_org_id: undefined,
    insurer_org_id: undefined,
    policy_id: undefined,
    enterprise_overview: '',
    facilities_and_processes: '',
    accident_history: '',
    items: [],
    training_plan: [],
    staff_ids: [],
    safeguards: '',
    notes: '',
  }
}

export function blankTrainingRow(): TrainingRow {
  return { topic: '', audience: '', form: '', kind: '', materials: '', time: '' }
}

export function planForm(plan: ServicePlan): PlanForm {
  return {
    enterprise_id: plan.enterprise.id,
    year: plan.year,
    agency_org_id: plan.agency.id,
    insurer_org_id: plan.insurer?.id ?? undefined,
    policy_id: plan.policy?.id ?? undefined,
    enterprise_overview: plan.enterprise_overview,
    facilities_and_processes: plan.facilities_and_processes,
    accident_history: plan.accident_history,
    items: plan.items.map((item) => ({
      service_type_id: item.service_type.id,
      name_zh: item.service_type.name_zh,
      name_en: item.service_type.name_en,
      measures: item.measures,
      frequency: item.frequency,
      expected_results: item.expected_results,
    })),
    training_plan: plan.training_plan.map((row) => ({ ...blankTrainingRow(), ...row })),
    staff_ids: plan.staff.map((s) => s.id),
    safeguards: plan.safeguards,
    notes: plan.notes,
  }
}

/**
 * The items after the user chose the service types `ids`: in that order, each keeping what was
 * written for it; a newly chosen type starts empty with the name `nameOf` gives.
 */
export function syncItems(items: readonly ItemForm[], ids: readonly number[], nameOf: (id: number) => { name_zh: string; name_en: string }): ItemForm[] {
  const byType = new Map(items.map((item) => [item.service_type_id, item]))
  return ids.map((id) => byType.get(id) ?? { service_type_id: id, ...nameOf(id), measures: '', frequency: '', expected_results: '' })
}

const trimRow = (row: TrainingRow): TrainingRow =>
  Object.fromEntries(TRAINING_COLUMNS.map((column) => [column, (row[column] ?? '').trim()])) as TrainingRow

/** What PATCH sends: every part of the plan the editor shows (items, rows and staff are replaced). */
export function planUpdate(form: PlanForm): ServicePlanUpdate & Pick<ServicePlanCreate, 'items'> {
  return {
    policy_id: form.policy_id ?? null,
    enterprise_overview: form.enterprise_overview.trim(),
    facilities_and_processes: form.facilities_and_processes.trim(),
    accident_history: form.accident_history.trim(),
    items: form.items.map((item) => ({
      service_type_id: item.service_type_id,
      measures: item.measures.trim(),
      frequency: item.frequency.trim(),
      expected_results: item.expected_results.trim(),
    })),
    training_plan: form.training_plan.map(trimRow),
    staff_ids: [...form.staff_ids],
    safeguards: form.safeguards.trim(),
    notes: form.notes.trim(),
  }
}

/** What POST sends: the parties too; an agency or insurer left empty is the user's own (the server's default). */
export function planCreate(form: PlanForm): ServicePlanCreate {
  return {
    ...planUpdate(form),
    enterprise_id: form.enterprise_id ?? 0,
    year: form.year,
    agency_org_id: form.agency_org_id,
    insurer_org_id: form.insurer_org_id,
  }
}
