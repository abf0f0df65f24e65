import type { FormItemRule } from 'element-plus'
import { check, required } from '../../../utils/rules'

type Translate = (key: string) => string
export type DatesKind = 'holiday' | 'workday'

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())

/** What is wrong with an entry's dates (an i18n key), or null; the server checks the same and more. */
export function datesProblem(dates: readonly string[], year: number, kind: DatesKind): string | null {
  if (!dates.length) return 'calendar.rules.noDates'
  if (dates.some((date) => !date.startsWith(`${year}-`))) return 'calendar.rules.wrongYear'
  if (kind === 'workday' && !dates.every(isWeekend)) return 'calendar.rules.notWeekend'
  return null
}

export const noticeRules = (t: Translate): FormItemRule[] => [required(t), { max: 200, trigger: 'blur' }]
export const nameRules = (t: Translate): FormItemRule[] => [required(t), { max: 40, trigger: 'blur' }]
export const datesRules = (t: Translate, year: number, kind: DatesKind): FormItemRule[] => [
  check(t, (dates: string[] | null) => datesProblem(dates ?? [], year, kind), 'change'),
]
