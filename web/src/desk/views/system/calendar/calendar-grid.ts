import type { CalendarEntry, CalendarYearUpload } from '@/api/types'

/** holiday 放假, workday 调休上班, weekend an ordinary Saturday or Sunday, weekday an ordinary working day. */
export type DayKind = 'holiday' | 'workday' | 'weekend' | 'weekday'

export interface DayCell {
  date: string
  day: number
  kind: DayKind
  /** The holiday the day belongs to (春节, Spring Festival), for holidays and 调休 days. */
  name: string
  nameEn: string
}

export interface DayMark {
  kind: 'holiday' | 'workday'
  name: string
  nameEn: string
}

export type Arrangement = Pick<CalendarYearUpload, 'holidays' | 'working_days'>

/** Each listed day of the arrangement with what it is. */
export function dayMarks(arrangement: Arrangement): Map<string, DayMark> {
  const marks = new Map<string, DayMark>()
  const mark = (entries: CalendarEntry[], kind: DayMark['kind']) => {
    for (const entry of entries) for (const date of entry.dates) marks.set(date, { kind, name: entry.name, nameEn: entry.name_en ?? '' })
  }
  mark(arrangement.holidays, 'holiday')
  mark(arrangement.working_days, 'workday')
  return marks
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The weeks of a month (1–12), Monday first as Chinese calendars print them; the places before the 1st
 * and after the last day are null. Dates are computed in UTC so the browser's time zone cannot shift them.
 */
export function monthWeeks(year: number, month: number, marks: Map<string, DayMark>): (DayCell | null)[][] {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7
  const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null)
  for (let day = 1; day <= length; day += 1) {
    const date = `${year}-${pad(month)}-${pad(day)}`
    const mark = marks.get(date)
    const weekend = (lead + day - 1) % 7 >= 5
    cells.push({ date, day, kind: mark?.kind ?? (weekend ? 'weekend' : 'weekday'), name: mark?.name ?? '', nameEn: mark?.nameEn ?? '' })
  }
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}

/**
 * The arrangement in a JSON file (the format of data/calendar/<year>.json, or an earlier upload), or null
 * when the file is not that shape. The server checks every date when it is saved.
 */
export function readArrangementFile(text: string): CalendarYearUpload | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { notice, holidays, working_days } = value as Record<string, unknown>
  const entries = (list: unknown): CalendarEntry[] | null =>
    Array.isArray(list) && list.every((e) => typeof e === 'object' && e !== null && Array.isArray((e as CalendarEntry).dates))
      ? list.map((e: CalendarEntry) => ({ name: String(e.name ?? ''), name_en: String(e.name_en ?? ''), dates: e.dates.map(String) }))
      : null
  const holidayEntries = entries(holidays)
  const workingEntries = entries(working_days)
  if (!holidayEntries || !workingEntries) return null
  return { notice: typeof notice === 'string' ? notice : '', holidays: holidayEntries, working_days: workingEntries }
}
