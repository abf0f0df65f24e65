import { shallowRef } from 'vue'
import { getCalendarYear } from '@/api/calendar'
import { type DayMark, dayMarks } from '../views/system/calendar/calendar-grid'

/** The days off and 调休 working days of a year, asked once per page load (a failed load is asked again). */
const years = new Map<number, Promise<Map<string, DayMark>>>()

function yearMarks(year: number): Promise<Map<string, DayMark>> {
  let marks = years.get(year)
  if (!marks) {
    marks = getCalendarYear(year)
      .then(dayMarks)
      .catch(() => {
        years.delete(year)
        return new Map<string, DayMark>()
      })
    years.set(year, marks)
  }
  return marks
}

/** The years a range of days "YYYY-MM-DD" touches. */
export function yearsOf(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4))
  const last = Number(to.slice(0, 4))
  return Array.from({ length: Math.max(0, last - first) + 1 }, (_, i) => first + i)
}

/**
 * Holidays (休) and 调休 working days (班) for the calendars and date pickers: `need(years)` loads the
 * years shown; `marks` holds every day loaded so far.
 */
export function useDayMarks() {
  const marks = shallowRef(new Map<string, DayMark>())

  async function need(wanted: number[]): Promise<void> {
    const loaded = await Promise.all(wanted.map(yearMarks))
    const merged = new Map(marks.value)
    for (const year of loaded) for (const [day, mark] of year) merged.set(day, mark)
    marks.value = merged
  }

  return { marks, need }
}
