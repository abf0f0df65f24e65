import type { Visit, VisitStatus } from '@/api/types'

/**
 * What both apps show of a visit's status: its colour and where it stands on the usual path. The
 * actions a user may take come from the server (`visit.actions`).
 */

/** The colour of a status on calendars and cards, so a status looks the same everywhere. */
export const VISIT_STATUS_COLOR: Record<VisitStatus, string> = {
  planned: '#909399',
  confirmed: '#409eff',
  in_progress: '#e6a23c',
  done: '#67c23a',
  could_not_enter: '#f56c6c',
  cancelled: '#c0c4cc',
}

/** Element Plus tag types of the statuses (the desk). */
export const VISIT_STATUS_TAG: Record<VisitStatus, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  planned: 'info',
  confirmed: 'primary',
  in_progress: 'warning',
  done: 'success',
  could_not_enter: 'danger',
  cancelled: 'info',
}

/** Vant tag types of the statuses (the field app). */
export const VISIT_STATUS_VANT: Record<VisitStatus, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  planned: 'default',
  confirmed: 'primary',
  in_progress: 'warning',
  done: 'success',
  could_not_enter: 'danger',
  cancelled: 'default',
}

/** The happy path of a visit, as steps. */
export const VISIT_STEPS = ['planned', 'confirmed', 'in_progress', 'done'] as const satisfies readonly VisitStatus[]

/**
 * Where a visit stands on the steps: the index of the current step, and whether it left the path
 * there (could not enter, cancelled) — then the step after the last one reached shows the error.
 */
export function visitStep(status: VisitStatus, history: readonly { from: string }[] = []): { active: number; failed: boolean } {
  // done is the last step reached: every step shows as finished
  if (status === 'done') return { active: VISIT_STEPS.length, failed: false }
  const onPath = (VISIT_STEPS as readonly string[]).indexOf(status)
  if (onPath >= 0) return { active: onPath, failed: false }
  // the status it left the path from is the last event's `from`
  const left = history.length ? (VISIT_STEPS as readonly string[]).indexOf(history[history.length - 1].from) : 0
  return { active: Math.max(left, 0) + 1, failed: true }
}

/** The days a visit covers: its planned day and the following ones of a longer visit. */
export function visitDays(visit: Pick<Visit, 'planned_on' | 'duration_days'>): string[] {
  const days: string[] = []
  const start = new Date(`${visit.planned_on}T00:00:00Z`)
  for (let i = 0; i < Math.max(1, visit.duration_days); i += 1) {
    const day = new Date(start)
    day.setUTCDate(start.getUTCDate() + i)
    days.push(day.toISOString().slice(0, 10))
  }
  return days
}

/** Visits by the days they cover, each day's visits in the order given. */
export function groupByDay<V extends Pick<Visit, 'planned_on' | 'duration_days'>>(visits: readonly V[]): Map<string, V[]> {
  const byDay = new Map<string, V[]>()
  for (const visit of visits) {
    for (const day of visitDays(visit)) {
      const list = byDay.get(day)
      if (list) list.push(visit)
      else byDay.set(day, [visit])
    }
  }
  return byDay
}

/** How names are listed in a line: 陈专家、刘技术 or 陈专家, 刘技术. */
export function listSeparator(locale: string): string {
  return locale === 'en' ? ', ' : '、'
}

/** The team as one line, the leader first and marked: "陈专家（组长）、刘技术". */
export function teamText(team: Visit['team'], markLeader: (name: string) => string, separator = '、'): string {
  return [...team]
    .sort((a, b) => Number(b.leader) - Number(a.leader))
    .map((m) => (m.leader ? markLeader(m.name) : m.name))
    .join(separator)
}
