import { uploadFile } from '@/api/files'
import { getInspection, listVisitInspections, putAnswer, recordFinding, recordPhotoConsent, signInspection, submitInspection } from '@/api/inspections'
import { http } from '@/api/http'
import type { Visit } from '@/api/types'
import type { QueueApi } from './queue'

/** The queue's calls to the server: silent, since the queue shows what failed in its banner. */
export const serverQueueApi: QueueApi = {
  visitStep: (visitId, step) => http.post(`/visits/${visitId}/${step}`, undefined, { silent: true }),
  visitStatus: async (visitId) => (await http.get<Visit>(`/visits/${visitId}`, undefined, { silent: true })).status,
  upload: (clientId, blob) => uploadFile(clientId, blob),
  inspectionsOf: async (visitId) => (await listVisitInspections(visitId)).items.map((i) => ({ id: i.id, code: i.template.code })),
  inspectionStatus: async (id) => (await getInspection(id)).status,
  putAnswer,
  recordFinding,
  photoConsent: recordPhotoConsent,
  submit: submitInspection,
  sign: signInspection,
}
