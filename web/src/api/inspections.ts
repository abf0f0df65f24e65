import type { TemplateBody } from '@/field/checklist/template'
import { http, type RequestOptions } from './http'
import type { FileFlags, InspectionAnswer as InspectionAnswerRow, InspectionDetail, InspectionSummary as InspectionSummaryRow, TrainingRecord } from './types'

/*
 * Field inspection (checklists filled on site). The shapes follow api/openapi.json (ChecklistTemplateSummary,
 * Inspection, InspectionAnswer, InspectionFinding); they are written here until src/api/schema.d.ts is
 * regenerated with them.
 */

export interface ChecklistTemplateSummary {
  id: number
  code: string
  version: number
  name: string
  service_types: string[]
}

export interface ChecklistTemplate extends ChecklistTemplateSummary {
  body: TemplateBody
}

export interface InspectionAnswer {
  item_id: string
  value: unknown
  detail?: string
  note?: string
  photos?: number[]
  version: number
  edited_at: string
}

export interface InspectionFinding {
  id: number
  item_id: string
  raised_by_option: string
  category: string
  grade: 'major' | 'general'
  description: string
  suggestion: string
  photos: number[]
}

export interface InspectionSummary {
  id: number
  visit_id: number
  template: { id: number; code: string; version: number; name: string }
  status: 'open' | 'submitted' | 'signed'
}

export interface Inspection extends InspectionSummary {
  template: InspectionSummary['template'] & { body: TemplateBody }
  answers: InspectionAnswer[]
  findings: InspectionFinding[]
  photo_consent: { consenting_person: string } | null
  signer_name: string
  signature_file_id: number | null
}

const quiet: RequestOptions = { silent: true }

export const listChecklistTemplates = (options = quiet) => http.get<{ items: ChecklistTemplateSummary[] }>('/checklist-templates', undefined, options)
export const getChecklistTemplate = (id: number, options = quiet) => http.get<ChecklistTemplate>(`/checklist-templates/${id}`, undefined, options)
export const listVisitInspections = (visitId: number, options = quiet) =>
  http.get<{ items: InspectionSummary[] }>('/inspections', { visit_id: visitId, limit: 200 }, options)
export const getInspection = (id: number, options = quiet) => http.get<Inspection>(`/inspections/${id}`, undefined, options)
export const putAnswer = (id: number, itemId: string, body: Record<string, unknown>) =>
  http.put<InspectionAnswer>(`/inspections/${id}/answers/${encodeURIComponent(itemId)}`, body, quiet)
export const recordFinding = (id: number, body: Record<string, unknown>) => http.post<InspectionFinding>(`/inspections/${id}/findings`, body, quiet)
export const submitInspection = (id: number) => http.post<Inspection>(`/inspections/${id}/submit`, undefined, quiet)
export const signInspection = (id: number, signerName: string, signatureFileId: number) =>
  http.post<Inspection>(`/inspections/${id}/sign`, { signer_name: signerName, signature_file_id: signatureFileId }, quiet)
export const recordPhotoConsent = (visitId: number, person: string) => http.post<unknown>(`/visits/${visitId}/photo-consent`, { consenting_person: person }, quiet)

/* The desk's read-only view of an inspection (typed from the OpenAPI schema), and a reviewer's correction. */
export const listInspectionsOfVisit = (visitId: number) =>
  http.get<{ items: InspectionSummaryRow[] }>('/inspections', { visit_id: visitId, limit: 200 })
export const getInspectionDetail = (id: number) => http.get<InspectionDetail>(`/inspections/${id}`)
export const getInspectionPhotoFlags = (id: number) => http.get<{ items: FileFlags[] }>(`/inspections/${id}/photo-flags`)
export const listTrainingRecords = (visitId: number) => http.get<{ items: TrainingRecord[] }>(`/visits/${visitId}/training-records`)
/** A reviewer changes an answer of a signed checklist: based on the answer's version, with a reason. */
export const amendAnswer = (id: number, itemId: string, body: { value: unknown; version: number; edited_at: string; reason: string }) =>
  http.put<InspectionAnswerRow>(`/inspections/${id}/answers/${encodeURIComponent(itemId)}`, body)
