import { download } from './download'
import { http } from './http'
import type { NoticeDetail, NoticeInput, NoticePage, NoticePatch, NoticeReceiptBody, QueryOf, VisitNoticeInput } from './types'

/** Notices 文书 (yueqing att.2, att.3; guilin J.1, B.1): drafted, issued with a number, received with a signature or a scan. */
export type NoticeQuery = QueryOf<'listNotices'>
export type DocumentFormat = 'pdf' | 'docx'

export const listNotices = (query: NoticeQuery) => http.get<NoticePage>('/notices', query)
export const getNotice = (id: number) => http.get<NoticeDetail>(`/notices/${id}`)
export const createNotice = (body: NoticeInput) => http.post<NoticeDetail>('/notices', body)
/** A draft from a visit's hazards (by default those not yet told to the enterprise), to the visit's enterprise. */
export const createVisitNotice = (visitId: number, body: VisitNoticeInput) => http.post<NoticeDetail>(`/visits/${visitId}/notices`, body)
export const updateNotice = (id: number, patch: NoticePatch) => http.patch<NoticeDetail>(`/notices/${id}`, patch)
/** draft → issued: the number is taken, and the listed hazards are told with the notice's deadline. */
export const issueNotice = (id: number) => http.post<NoticeDetail>(`/notices/${id}/issue`, {})
export const receiveNotice = (id: number, body: NoticeReceiptBody) => http.post<NoticeDetail>(`/notices/${id}/receipt`, body)
export const cancelNotice = (id: number, reason: string) => http.post<NoticeDetail>(`/notices/${id}/cancel`, { reason })

/** The notice as PDF or Word, saved under the server's Chinese file name. */
export const downloadNotice = (id: number, format: DocumentFormat) => download(`/notices/${id}/document`, { format }, `notice-${id}.${format}`)
