import { API_BASE, http } from './http'
import type { ArchiveItem, ArchiveItemHistory, ArchiveVerification, EnterpriseArchive } from './types'

/** 一企一档: the enterprise's checklist with each item's electronic and paper status and completeness. */
export const getEnterpriseArchive = (enterpriseId: number) => http.get<EnterpriseArchive>(`/enterprises/${enterpriseId}/archive`)

export interface ArchiveVersionInput {
  file_id: number
  issued_on?: string | null
  valid_until?: string | null
  note?: string
}
/** Files an uploaded file (POST /files) as the item's new version; the old version stays. */
export const addArchiveVersion = (enterpriseId: number, code: string, body: ArchiveVersionInput) =>
  http.post<ArchiveItem>(`/enterprises/${enterpriseId}/archive/items/${encodeURIComponent(code)}/versions`, body)

export interface ArchiveStateInput {
  paper_on_file?: boolean | null
  paper_reason?: string
  electronic_reason?: string
  applicable?: boolean
}
export const setArchiveItemState = (enterpriseId: number, code: string, body: ArchiveStateInput) =>
  http.put<ArchiveItem>(`/enterprises/${enterpriseId}/archive/items/${encodeURIComponent(code)}/state`, body)

export const getArchiveItemHistory = (enterpriseId: number, code: string) =>
  http.get<ArchiveItemHistory>(`/enterprises/${enterpriseId}/archive/items/${encodeURIComponent(code)}/history`)

/** Every read is logged in the archive's hash chain by the server. */
export const archiveDocumentUrl = (documentId: number) => `${API_BASE}/archive/documents/${documentId}/content`
export const archiveExportUrl = (enterpriseId: number) => `${API_BASE}/enterprises/${enterpriseId}/archive/export`

/** Admins and regulators: the whole chain recomputed, with the first broken link. */
export const verifyArchive = () => http.get<ArchiveVerification>('/archive/verify')
