import { http } from './http'
import type { DeadlinePage, QueryOf, SweepResult } from './types'

export type DeadlineQuery = QueryOf<'listDeadlines'>

/** Deadlines the user's organization must meet or follows, soonest first (open ones by default). */
export const listDeadlines = (query: DeadlineQuery) => http.get<DeadlinePage>('/deadlines', query)
/** Platform admins: flag overdue deadlines and send reminders now, as the daily job does. */
export const runDeadlineSweep = () => http.post<SweepResult>('/jobs/deadline-sweep')
