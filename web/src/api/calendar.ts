import { http } from './http'
import type { CalendarYear, CalendarYearList, CalendarYearUpload, QueryOf, WorkingDayCount, WorkingDayDate } from './types'

export type AddWorkingDaysQuery = QueryOf<'addWorkingDays'>
export type WorkingDaysBetweenQuery = QueryOf<'workingDaysBetween'>

/** The years with data, shipped or uploaded. */
export const listCalendarYears = () => http.get<CalendarYearList>('/calendar')
export const getCalendarYear = (year: number) => http.get<CalendarYear>(`/calendar/${year}`)
/** Platform admins: a corrected year, overriding the shipped file. */
export const putCalendarYear = (year: number, body: CalendarYearUpload) => http.put<CalendarYear>(`/calendar/${year}`, body)
/** Platform admins: removes the upload, back to the shipped file (or Monday–Friday). */
export const deleteCalendarYear = (year: number) => http.delete(`/calendar/${year}`)
/** The day after `from` is day 1. */
export const addWorkingDays = (query: AddWorkingDaysQuery) => http.get<WorkingDayDate>('/calendar/add-working-days', query)
/** Working days in (from, to]. */
export const workingDaysBetween = (query: WorkingDaysBetweenQuery) =>
  http.get<WorkingDayCount>('/calendar/working-days-between', query)
