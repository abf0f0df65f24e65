import { addDays } from '@/utils/time'

/**
 * Dates of the visit calendars, as the API's "YYYY-MM-DD" strings (calendar arithmetic in UTC, so
 * no time zone shifts a day). Weeks start on Monday, as in China.
 */

export type CalendarMode = 'month' | 'week'

export interface DateRange {
  from: string
  to: string
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7
}

/** The Monday of the week holding `day`. */
export function weekStart(day: string): string {
  return addDays(day, -weekdayIndex(day))
}

export interface WeekDay {
  day: string
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  today: boolean
  weekend: boolean
}

/** The seven days, Monday to Sunday, of the week holding `day`. */
export function weekDays(day: string, today: string): WeekDay[] {
  const monday = weekStart(day)
  return Array.from({ length: 7 }, (_, weekday) => {
    const d = addDays(monday, weekday)
    return { day: d, weekday, today: d === today, weekend: weekday >= 5 }
  })
}

/** The first and last day of the month holding `day`. */
export function monthBounds(day: string): DateRange {
  const [year, month] = day.split('-').map(Number)
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const mm = String(month).padStart(2, '0')
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` }
}

/**
 * The days a calendar shows around `day`: its week, or its month with the neighbouring days the
 * month grid fills its first and last rows with (at most six either side, whichever day starts the week).
 */
export function visibleRange(mode: CalendarMode, day: string): DateRange {
  if (mode === 'week') {
    const from = weekStart(day)
    return { from, to: addDays(from, 6) }
  }
  const month = monthBounds(day)
  return { from: addDays(month.from, -6), to: addDays(month.to, 6) }
}

/** The day one step (a week or a month) before or after `day`; a month step lands on the 1st. */
export function shiftDay(mode: CalendarMode, day: string, step: -1 | 1): string {
  if (mode === 'week') return addDays(day, 7 * step)
  const [year, month] = day.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + step, 1))
  return target.toISOString().slice(0, 10)
}

/** A Date of the local calendar (el-calendar's model) as "YYYY-MM-DD", and back. */
export function localDay(date: Date): string {
  const mm = String(date.getMonth() + 1).padStart(2, '0')
  const dd = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${mm}-${dd}`
}

export function localDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year, month - 1, date)
}
