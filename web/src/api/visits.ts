import { http } from './http'
import type {
  NotEnteredReason,
  QueryOf,
  TeamCheckResult,
  TeamSuggestionList,
  Visit,
  VisitCreate,
  VisitDetail,
  VisitPage,
  VisitReport,
  VisitUpdate,
} from './types'

export type VisitQuery = QueryOf<'listVisits'>

/** The server's largest page. */
const MAX_PAGE = 200

export const listVisits = (query: VisitQuery) => http.get<VisitPage>('/visits', query)

/** Every visit matching the query, fetched page by page (for a calendar's date range). */
export async function listAllVisits(query: Omit<VisitQuery, 'limit' | 'offset'>): Promise<Visit[]> {
  const all: Visit[] = []
  for (;;) {
    const page = await listVisits({ ...query, limit: MAX_PAGE, offset: all.length })
    all.push(...page.items)
    // A short page is the last; the total ends the walk only when exact (the server stops counting at its cap).
    if (page.items.length < MAX_PAGE || (page.total_exact && all.length >= page.total)) return all
  }
}

/** One visit with its status history. */
export const getVisit = (id: number) => http.get<VisitDetail>(`/visits/${id}`)
export const createVisit = (body: VisitCreate) => http.post<Visit>('/visits', body)
/** A planned or confirmed visit changes; the staffing rules are checked again. */
export const updateVisit = (id: number, patch: VisitUpdate) => http.patch<VisitDetail>(`/visits/${id}`, patch)

/**
 * The staffing and duration rules a visit would break, without saving (for the team picker).
 * Silent: the picker shows the answer, and an incomplete form is not an error worth a message.
 */
export const checkTeam = (body: VisitCreate) => http.post<TeamCheckResult>('/visits/team-check', body, { silent: true })
/** The agency's staff who may go, best graded first, with whether each is busy that day. */
export const suggestTeam = (plannedOn: string | undefined, agencyOrgId?: number) =>
  http.get<TeamSuggestionList>('/visits/team-suggestions', { planned_on: plannedOn, agency_org_id: agencyOrgId })

/** The enterprise agreed the appointment (planned → confirmed). */
export const confirmVisit = (id: number) => http.post<Visit>(`/visits/${id}/confirm`)
/** The team arrived (planned or confirmed → in progress). */
export const startVisit = (id: number) => http.post<Visit>(`/visits/${id}/start`)
/** The team finished on site (in progress → done); upload deadlines open. */
export const finishVisit = (id: number) => http.post<Visit>(`/visits/${id}/finish`)
/** The team could not enter (wuxi att.1): the reason, and a note (required for "other"). */
export const reportNotEntered = (id: number, reason: NotEnteredReason, note: string) =>
  http.post<Visit>(`/visits/${id}/could-not-enter`, { reason, note })
/** The agency cancels a planned or confirmed visit, saying why. */
export const cancelVisit = (id: number, reason: string) => http.post<Visit>(`/visits/${id}/cancel`, { reason })
/** The visit's report: its status, submitted versions and the caller's report actions. */
export const getVisitReport = (id: number) => http.get<VisitReport>(`/visits/${id}/report`)
/** The report rendered from the visit as it is now. */
export const visitReportDocumentUrl = (id: number, format: 'pdf' | 'docx') =>
  `/api/v1/visits/${id}/report/document?format=${format}`
/** A submitted version's stored PDF (the approved one is final). */
export const submittedReportUrl = (id: number, version: number) =>
  `/api/v1/visits/${id}/report/submissions/${version}/document`
/** The team submits the report of a done visit: the server renders and stores it; the data counts as uploaded. */
export const submitReport = (id: number) => http.post<VisitReport>(`/visits/${id}/report/submissions`)
/** The commissioning insurer approves the submitted report; the visit is reviewed. */
export const approveReport = (id: number) => http.post<VisitReport>(`/visits/${id}/report/approve`)
/** The commissioning insurer returns the submitted report with comments. */
export const returnReport = (id: number, reason: string) =>
  http.post<VisitReport>(`/visits/${id}/report/return`, { reason })
