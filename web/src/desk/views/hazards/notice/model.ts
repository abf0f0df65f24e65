import type { NoticeKind, NoticePatch, NoticeProblem, NoticeStatus } from '@/api/types'

/*
 * The pure parts of the notice pages: which fields each kind of notice prints (the seeds' forms), the patch a
 * draft's form sends, and the status colours.
 */

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const NOTICE_STATUSES: readonly NoticeStatus[] = ['draft', 'issued', 'received', 'cancelled']

export const NOTICE_STATUS_TAG: Record<NoticeStatus, TagType> = {
  draft: 'info',
  issued: 'warning',
  received: 'success',
  cancelled: 'info',
}

/** The editable fields of a notice beyond the hazards it lists. */
export type NoticeField = 'staff' | 'visited_on' | 'deadline_days' | 'period' | 'law' | 'plan_due_on' | 'submit_to' | 'email' | 'area' | 'contractor' | 'check_items' | 'contact' | 'phone'

/**
 * What each kind prints: the warning (yueqing att.2) names the staff, the day and a deadline in days; the
 * reminder (att.3) is fixed text; the rectification notice (guilin J.1) the inspection period, the law, the plan's
 * due date and where to send it; the inspection announcement (guilin B.1) the area, the contractor, what is
 * checked and whom to call. The warning and the rectification notice list hazards and problems.
 */
export const NOTICE_FIELDS: Record<NoticeKind, readonly NoticeField[]> = {
  warning: ['staff', 'visited_on', 'deadline_days'],
  reminder: [],
  rectification: ['period', 'law', 'deadline_days', 'plan_due_on', 'submit_to', 'email'],
  inspection: ['area', 'contractor', 'check_items', 'contact', 'phone'],
}

export const listsProblems = (kind: NoticeKind) => kind === 'warning' || kind === 'rectification'

/** A draft as its form holds it: texts, a nullable day and number, check items one a line. */
export interface NoticeDraft {
  staff: string
  visited_on: string
  deadline_days: number | undefined
  period: string
  law: string
  plan_due_on: string
  submit_to: string
  email: string
  area: string
  contractor: string
  check_items: string
  contact: string
  phone: string
  hazard_ids: number[]
  problems: NoticeProblem[]
}

export function noticeDraft(n: Partial<Record<NoticeField, unknown>> & { problems?: NoticeProblem[] }, hazardIds: number[]): NoticeDraft {
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return {
    staff: text(n.staff),
    visited_on: text(n.visited_on),
    deadline_days: typeof n.deadline_days === 'number' ? n.deadline_days : undefined,
    period: text(n.period),
    law: text(n.law),
    plan_due_on: text(n.plan_due_on),
    submit_to: text(n.submit_to),
    email: text(n.email),
    area: text(n.area),
    contractor: text(n.contractor),
    check_items: Array.isArray(n.check_items) ? (n.check_items as string[]).join('\n') : '',
    contact: text(n.contact),
    phone: text(n.phone),
    hazard_ids: [...hazardIds],
    problems: (n.problems ?? []).map((p) => ({ ...p })),
  }
}

/** The patch of a draft: the kind's fields (an empty day or deadline clears it), its hazards and hand-written problems. */
export function noticePatch(kind: NoticeKind, d: NoticeDraft): NoticePatch {
  const patch: NoticePatch = {}
  for (const field of NOTICE_FIELDS[kind]) {
    if (field === 'visited_on' || field === 'plan_due_on') patch[field] = d[field] || null
    else if (field === 'deadline_days') patch.deadline_days = d.deadline_days ?? null
    else if (field === 'check_items') patch.check_items = d.check_items.split('\n').map((s) => s.trim()).filter(Boolean)
    else patch[field] = d[field].trim()
  }
  if (listsProblems(kind)) {
    patch.hazard_ids = [...d.hazard_ids]
    patch.problems = d.problems
      .map((p) => ({ description: p.description.trim(), basis: p.basis?.trim() ?? '', suggestion: p.suggestion?.trim() ?? '' }))
      .filter((p) => p.description)
  }
  return patch
}

/** The kinds an organization of this type drafts (the server's notice_rules.may_issue), in the seeds' order. */
export function issuableKinds(orgType: string): NoticeKind[] {
  if (orgType === 'agency') return ['warning', 'reminder', 'rectification']
  if (orgType === 'regulator') return ['warning', 'reminder']
  if (orgType === 'park') return ['rectification', 'inspection']
  return []
}
