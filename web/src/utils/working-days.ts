import { formatReference, type ReferenceLocale } from './references'

/**
 * How a deadline stands, from the server's count of working days left (positive ahead, 0 on the day,
 * negative once overdue) and its overdue flag (the due day has passed). A deadline due within `soonDays`
 * working days is "soon"; the server reminds two working days ahead.
 */
export type DueKind = 'left' | 'today' | 'overdue'
export type DueTone = 'success' | 'warning' | 'danger'

export interface DueState {
  kind: DueKind
  /** Working days left (kind left) or past (kind overdue; 0 when past only by days off). */
  days: number
  tone: DueTone
}

export const SOON_WORKING_DAYS = 2

export function dueState(left: number, overdue = false, soonDays = SOON_WORKING_DAYS): DueState {
  if (overdue || left < 0) return { kind: 'overdue', days: Math.max(-left, 0), tone: 'danger' }
  if (left === 0) return { kind: 'today', days: 0, tone: 'warning' }
  return { kind: 'left', days: left, tone: left <= soonDays ? 'warning' : 'success' }
}

type Translate = (key: string, values?: Record<string, unknown>) => string

/** "剩余 3 个工作日", "今天到期", "逾期 2 个工作日" (or "已逾期" when past only by days off). */
export function dueText(t: Translate, state: DueState): string {
  if (state.kind === 'left') return t('due.left', { days: state.days })
  if (state.kind === 'today') return t('due.today')
  return state.days > 0 ? t('due.overdueDays', { days: state.days }) : t('due.overdue')
}

/** A deadline rule as people read it: "5 个工作日 · 无锡指南 附件1 一（一）7", "60 天 · 无锡指南 第十五条（二）". */
export function ruleText(t: Translate, rule: { amount: number; unit: string; basis: string }, locale: ReferenceLocale = 'zh-CN'): string {
  const amount = rule.unit === 'calendar_days' ? t('due.calendarDays', { days: rule.amount }) : t('due.workingDays', { days: rule.amount })
  return rule.basis ? `${amount} · ${formatReference(rule.basis, locale)}` : amount
}
