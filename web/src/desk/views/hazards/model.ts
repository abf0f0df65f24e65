import type { HazardStepBodies, HazardStep } from '@/api/hazards'
import type { Hazard, HazardCategoryEntry, HazardDeadline, HazardStatus } from '@/api/types'
import { dueState, type DueState } from '@/utils/working-days'

/*
 * The pure parts of the hazard pages: which form each step of the life cycle opens, the body it sends,
 * how a hazard's deadline reads, and its category's label. The server decides which steps a user may take
 * (`actions`); the pages show exactly those.
 */

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const HAZARD_STATUS_TAG: Record<HazardStatus, TagType> = {
  found: 'danger',
  notified: 'warning',
  plan_submitted: 'primary',
  rectifying: 'warning',
  evidence_submitted: 'primary',
  verified_closed: 'success',
}

export const GRADE_TAG: Record<Hazard['grade'], TagType> = { major: 'danger', general: 'warning' }

/** The life cycle's path, for the steps bar (chengdu Table 9: found → … → verified and closed). */
export const HAZARD_PATH: readonly HazardStatus[] = ['found', 'notified', 'plan_submitted', 'rectifying', 'evidence_submitted', 'verified_closed']

/** The form a step opens: a deadline, a plan, a reason, a note or evidence with photos, the acceptance. */
export type StepForm = 'deadline' | 'plan' | 'reason' | 'optionalReason' | 'progress' | 'evidence' | 'acceptance'

export const STEP_FORM: Record<HazardStep, StepForm> = {
  notify: 'deadline',
  set_deadline: 'deadline',
  submit_plan: 'plan',
  accept_plan: 'optionalReason',
  return_plan: 'reason',
  add_progress: 'progress',
  submit_evidence: 'evidence',
  verify: 'acceptance',
  reject_evidence: 'reason',
  comment: 'reason',
}

/** Steps in the order their buttons stand: the one moving the hazard forward first, corrections after. */
const STEP_ORDER: readonly HazardStep[] = [
  'notify',
  'submit_plan',
  'accept_plan',
  'submit_evidence',
  'verify',
  'add_progress',
  'return_plan',
  'reject_evidence',
  'set_deadline',
  'comment',
]

export const STEP_BUTTON: Record<HazardStep, TagType | 'default'> = {
  notify: 'primary',
  submit_plan: 'primary',
  accept_plan: 'success',
  submit_evidence: 'primary',
  verify: 'success',
  add_progress: 'default',
  return_plan: 'warning',
  reject_evidence: 'warning',
  set_deadline: 'default',
  comment: 'default',
}

/** The steps among the server's `actions` that have a button, in button order (editing has its own; unknown ones are left out). */
export function stepButtons(actions: readonly string[]): HazardStep[] {
  return STEP_ORDER.filter((step) => actions.includes(step))
}

/** What a step's dialog holds; each form uses its part. */
export interface StepDraft {
  /** deadline: in working days from the day the enterprise is told, or a date */
  deadlineMode: 'days' | 'date'
  deadlineDays: number | undefined
  dueOn: string
  /** plan: Table 9 治理措施, 治理时限, 责任人, 经费 */
  measures: string
  responsible: string
  funds: number | undefined
  /** a reason, a comment, a progress note, the evidence's description or the acceptance's result */
  text: string
  acceptedBy: string
  acceptedOn: string
  photos: number[]
}

export function emptyDraft(): StepDraft {
  return {
    deadlineMode: 'days',
    deadlineDays: undefined,
    dueOn: '',
    measures: '',
    responsible: '',
    funds: undefined,
    text: '',
    acceptedBy: '',
    acceptedOn: '',
    photos: [],
  }
}

const trimmedOrUndefined = (text: string) => text.trim() || undefined

/** The body a step sends from its dialog: texts trimmed, empty optional fields left out. */
export function stepBody<S extends HazardStep>(step: S, draft: StepDraft): HazardStepBodies[S] {
  return bodyOf(step, draft) as HazardStepBodies[S]
}

function bodyOf(step: HazardStep, d: StepDraft): HazardStepBodies[HazardStep] {
  switch (STEP_FORM[step]) {
    case 'deadline':
      return {
        ...(d.deadlineMode === 'days' ? { deadline_days: d.deadlineDays } : { due_on: trimmedOrUndefined(d.dueOn) }),
        reason: trimmedOrUndefined(d.text),
      }
    case 'plan':
      return { measures: d.measures.trim(), due_on: d.dueOn, responsible: d.responsible.trim(), funds: d.funds ?? undefined }
    case 'reason':
      return { reason: d.text.trim() }
    case 'optionalReason':
      return { reason: trimmedOrUndefined(d.text) }
    case 'progress':
      return { note: d.text.trim(), photos: [...d.photos] }
    case 'evidence':
      return { description: d.text.trim(), photos: [...d.photos] }
    case 'acceptance':
      return {
        result: d.text.trim(),
        accepted_by: trimmedOrUndefined(d.acceptedBy),
        accepted_on: trimmedOrUndefined(d.acceptedOn),
        photos: [...d.photos],
      }
  }
}

/** How the rectification deadline stands: none yet, closed, or working days left / overdue (a DueState). */
export type DeadlineView = { kind: 'none' } | { kind: 'closed' } | { kind: 'due'; dueOn: string; state: DueState }

export function deadlineView(status: HazardStatus, deadline: HazardDeadline | null): DeadlineView {
  if (status === 'verified_closed') return { kind: 'closed' }
  if (!deadline) return { kind: 'none' }
  const left = deadline.overdue ? -(deadline.working_days_overdue ?? 0) : (deadline.working_days_left ?? 0)
  return { kind: 'due', dueOn: deadline.due_on, state: dueState(left, deadline.overdue) }
}

/** "环境应急管理 / 环境应急预案": the class and sub-class by their labels; a sub-class not in the list is free text. */
export function categoryLabel(categories: readonly HazardCategoryEntry[], code: string, sub: string, english = false): string {
  const entry = categories.find((c) => c.value === code)
  if (!entry) return [code, sub].filter(Boolean).join(' / ')
  const subEntry = entry.subs.find((s) => s.value === sub)
  const label = (e: { zh: string; en: string }) => (english ? e.en : e.zh)
  const subText = subEntry ? label(subEntry) : sub
  return subText ? `${label(entry)} / ${subText}` : label(entry)
}

/** A finding as the inspector corrects it before it becomes a hazard. */
export interface FindingDraft {
  finding_id: number
  grade: Hazard['grade']
  description: string
  location: string
  suggestion: string
}

/** The edits to send: per finding only what changed (a location is new, so any given one is sent). */
export function findingEdits(
  findings: readonly { id: number; grade: string; description: string; suggestion: string }[],
  drafts: readonly FindingDraft[],
): { finding_id: number; grade?: Hazard['grade']; description?: string; location?: string; suggestion?: string }[] {
  const byId = new Map(findings.map((f) => [f.id, f]))
  const edits = []
  for (const d of drafts) {
    const f = byId.get(d.finding_id)
    if (!f) continue
    const edit: ReturnType<typeof findingEdits>[number] = { finding_id: d.finding_id }
    if (d.grade !== f.grade) edit.grade = d.grade
    if (d.description.trim() && d.description.trim() !== f.description) edit.description = d.description.trim()
    if (d.location.trim()) edit.location = d.location.trim()
    if (d.suggestion.trim() !== f.suggestion) edit.suggestion = d.suggestion.trim()
    if (Object.keys(edit).length > 1) edits.push(edit)
  }
  return edits
}

/** The one scope a hazard ledger (chengdu Table 9) is exported for: an enterprise, a region, or an agency. */
export type LedgerScope = { enterprise_id: number } | { region_id: number } | { agency_org_id: number }

/**
 * The ledger's scope from the list's filters: the enterprise chosen, else the region chosen, else the user's own
 * enterprise or agency; an insurer or regulator who chose neither gets none (the server wants exactly one).
 */
export function ledgerScope(
  filters: { enterprise_id?: number | null; region_id?: number | null },
  me: { orgType: string; orgId: number },
  ownEnterpriseId: number | null,
): LedgerScope | null {
  if (filters.enterprise_id) return { enterprise_id: filters.enterprise_id }
  if (filters.region_id) return { region_id: filters.region_id }
  if (me.orgType === 'enterprise') return ownEnterpriseId ? { enterprise_id: ownEnterpriseId } : null
  if (me.orgType === 'agency') return { agency_org_id: me.orgId }
  return null
}
