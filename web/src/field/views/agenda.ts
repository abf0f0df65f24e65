import type { Visit } from '@/api/types'
import { addDays } from '@/utils/time'
import { groupByDay, visitDays } from '@/utils/visits'
import { weekdayIndex } from '@/utils/weeks'

/** How many days, today included, the field app lists ahead. */
export const AHEAD_DAYS = 7

/** Statuses of a visit nobody has started yet. */
const NOT_STARTED: readonly string[] = ['planned', 'confirmed']

type AgendaVisit = Pick<Visit, 'id' | 'status' | 'planned_on' | 'duration_days'>

export interface AgendaDay<V> {
  day: string
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  today: boolean
  visits: V[]
}

/**
 * 我的服务 on a phone: the visits whose days are over but that were never started (overdue, the
 * oldest first), and the next seven days from today, each day with the visits that cover it. Days
 * without visits and cancelled visits are left out.
 */
export function fieldAgenda<V extends AgendaVisit>(visits: readonly V[], today: string): { overdue: V[]; days: AgendaDay<V>[] } {
  const overdue = visits
    .filter((v) => NOT_STARTED.includes(v.status) && (visitDays(v).at(-1) ?? v.planned_on) < today)
    .sort((a, b) => a.planned_on.localeCompare(b.planned_on) || a.id - b.id)
  const byDay = groupByDay(visits.filter((v) => v.status !== 'cancelled'))
  const days = Array.from({ length: AHEAD_DAYS }, (_, i) => addDays(today, i))
    .map((day) => ({ day, weekday: weekdayIndex(day), today: day === today, visits: byDay.get(day) ?? [] }))
    .filter((d) => d.visits.length)
  return { overdue, days }
}
