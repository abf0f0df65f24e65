import type { Visit, VisitCreate, VisitUpdate } from '@/api/types'

/** The visit form and the bodies it sends; pure. */
export interface VisitForm {
  /** Chosen only by a platform admin; others schedule for their own agency. */
  agency_org_id: number | undefined
  enterprise_id: number | undefined
  service_type_ids: number[]
  planned_on: string
  duration_days: number
  special_request: boolean
  staff_ids: number[]
  leader_staff_id: number | null
  plan_id: number | null
  notes: string
}

export function blankVisit(plannedOn = ''): VisitForm {
  return {
    agency_org_id: undefined,
    enterprise_id: undefined,
    service_type_ids: [],
    planned_on: plannedOn,
    duration_days: 1,
    special_request: false,
    staff_ids: [],
    leader_staff_id: null,
    plan_id: null,
    notes: '',
  }
}

export function visitForm(visit: Visit): VisitForm {
  return {
    agency_org_id: visit.agency.id,
    enterprise_id: visit.enterprise.id,
    service_type_ids: visit.service_types.map((s) => s.id),
    planned_on: visit.planned_on,
    duration_days: visit.duration_days,
    special_request: visit.special_request,
    staff_ids: visit.team.map((m) => m.staff_id),
    leader_staff_id: visit.team.find((m) => m.leader)?.staff_id ?? null,
    plan_id: visit.plan_id,
    notes: visit.notes,
  }
}

/** The leader stays the leader while on the team; otherwise the first member leads (as the server decides). */
export function leaderOf(staffIds: readonly number[], leader: number | null): number | null {
  return leader !== null && staffIds.includes(leader) ? leader : (staffIds[0] ?? null)
}

export function visitUpdate(form: VisitForm): Required<Pick<VisitUpdate, 'service_type_ids' | 'planned_on' | 'staff_ids'>> & VisitUpdate {
  return {
    service_type_ids: [...form.service_type_ids],
    planned_on: form.planned_on,
    duration_days: form.duration_days,
    special_request: form.special_request,
    staff_ids: [...form.staff_ids],
    leader_staff_id: leaderOf(form.staff_ids, form.leader_staff_id),
    plan_id: form.plan_id,
    notes: form.notes.trim(),
  }
}

export function visitCreate(form: VisitForm): VisitCreate {
  return { ...visitUpdate(form), enterprise_id: form.enterprise_id ?? 0, agency_org_id: form.agency_org_id }
}

/**
 * What the live team check sends: the whole visit, once it names the enterprise, the service types
 * and the day (the rules depend on all three); null before.
 */
export function teamCheckBody(form: VisitForm, needsAgency: boolean): VisitCreate | null {
  if (!form.enterprise_id || !form.service_type_ids.length || !form.planned_on) return null
  if (needsAgency && !form.agency_org_id) return null
  return visitCreate(form)
}
