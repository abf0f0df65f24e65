import { ApiError } from '@/api/http'

/**
 * The phone's one outbox: everything done on site is queued here in order and sent when the phone is
 * online, one operation at a time. A failed send is retried later with the same client ids, so each
 * thing lands on the server exactly once; an answer the server changed meanwhile (409 answer_conflict)
 * stops the queue until the inspector chooses which value stays.
 */

/** A photo or signature taken on the phone: its client id until the upload gives it a server id. */
export type FileRef = string | number

export interface AnswerBody {
  value: unknown
  detail?: string
  note?: string
  photos?: FileRef[]
}

export interface FindingDraft {
  item_id: string
  category: string
  grade: 'major' | 'general'
  description: string
  suggestion?: string
  photos?: FileRef[]
}

export type Op =
  | { kind: 'visit_step'; visitId: number; step: 'start' | 'finish' }
  | { kind: 'upload'; visitId: number; clientId: string }
  /** photoItem: the value is a list of file refs (a photo item). */
  | { kind: 'answer'; visitId: number; code: string; itemId: string; answer: AnswerBody; base: number; editedAt: string; photoItem?: boolean }
  | { kind: 'finding'; visitId: number; code: string; clientId: string; finding: FindingDraft }
  | { kind: 'consent'; visitId: number; person: string }
  | { kind: 'submit'; visitId: number; code: string }
  | { kind: 'sign'; visitId: number; code: string; signerName: string; signatureClientId: string }

export interface QueuedOp {
  /** Order of the queue (IndexedDB key). */
  seq: number
  op: Op
  /** Bumped when the op is changed in place (a newer edit of the same answer), so a send in flight is not taken as the last. */
  rev: number
  state: 'pending' | 'conflict' | 'failed'
  /** The server's answer for a conflict. */
  current?: ServerAnswer
  /** Why a failed op was refused (localized by the server). */
  error?: string
}

export interface ServerAnswer {
  item_id: string
  value?: unknown
  detail?: string
  note?: string
  photos?: number[]
  version: number
  edited_at?: string
}

/** Where the queue and what it learns are kept (IndexedDB in the app, a map in tests). */
export interface QueueStore {
  list(): Promise<QueuedOp[]>
  get(seq: number): Promise<QueuedOp | undefined>
  put(entry: QueuedOp): Promise<void>
  remove(seq: number): Promise<void>
  fileId(clientId: string): Promise<number | undefined>
  setFileId(clientId: string, id: number): Promise<void>
  blob(clientId: string): Promise<Blob | undefined>
  inspectionId(visitId: number, code: string): Promise<number | undefined>
  setInspectionIds(visitId: number, byCode: Record<string, number>): Promise<void>
  /** An answer landed: the item's local copy is now based on this server version. */
  answerSynced(visitId: number, code: string, itemId: string, version: number): Promise<void>
  /** The visit's local status after a step landed or was found done. */
  visitStatus(visitId: number, status: string): Promise<void>
}

/** The server calls the queue makes (silent: the queue reports failures itself). */
export interface QueueApi {
  visitStep(visitId: number, step: 'start' | 'finish'): Promise<unknown>
  visitStatus(visitId: number): Promise<string>
  upload(clientId: string, blob: Blob): Promise<{ id: number }>
  inspectionsOf(visitId: number): Promise<{ id: number; code: string }[]>
  inspectionStatus(id: number): Promise<string>
  putAnswer(inspectionId: number, itemId: string, body: Record<string, unknown>): Promise<{ version: number }>
  recordFinding(inspectionId: number, body: Record<string, unknown>): Promise<unknown>
  photoConsent(visitId: number, person: string): Promise<unknown>
  submit(inspectionId: number): Promise<unknown>
  sign(inspectionId: number, signerName: string, signatureFileId: number): Promise<unknown>
}

export type DrainResult =
  | { outcome: 'empty' }
  /** No answer, a server error or an expired session: try again later, same ops, same ids. */
  | { outcome: 'offline'; error: ApiError }
  | { outcome: 'blocked'; seq: number }

/** What a send came to, beyond success. */
type Settled = 'done' | { conflict: ServerAnswer } | { failed: string }

/** Answers that leave the op in the queue to be sent again later (nothing was decided by the server). */
export function isTransient(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500)
}

/** Sends the queue in order until it is empty, the phone is offline, or an op needs the inspector. */
export async function drain(store: QueueStore, api: QueueApi): Promise<DrainResult> {
  for (;;) {
    const [head] = await store.list()
    if (!head) return { outcome: 'empty' }
    if (head.state !== 'pending') return { outcome: 'blocked', seq: head.seq }
    let settled: Settled
    try {
      settled = await send(head, store, api)
    } catch (error) {
      if (isTransient(error)) return { outcome: 'offline', error }
      settled = { failed: error instanceof Error ? error.message : String(error) }
    }
    if (settled === 'done') await retire(head, store)
    else if ('conflict' in settled) await store.put({ ...head, state: 'conflict', current: settled.conflict })
    else await store.put({ ...head, state: 'failed', error: settled.failed })
  }
}

/** Removes a sent op, unless it was edited while in flight: then it goes again on top of what just landed. */
async function retire(sent: QueuedOp, store: QueueStore): Promise<void> {
  const now = await store.get(sent.seq)
  if (now && now.rev !== sent.rev) return
  await store.remove(sent.seq)
}

async function send(entry: QueuedOp, store: QueueStore, api: QueueApi): Promise<Settled> {
  const { op } = entry
  switch (op.kind) {
    case 'visit_step':
      return visitStep(op.visitId, op.step, store, api)
    case 'upload': {
      if (await store.fileId(op.clientId)) return 'done'
      const blob = await store.blob(op.clientId)
      if (!blob) return { failed: `photo ${op.clientId} is missing on this phone` }
      // a retried upload with the same client id answers the file the first try stored
      const file = await api.upload(op.clientId, blob)
      await store.setFileId(op.clientId, file.id)
      return 'done'
    }
    case 'answer':
      return sendAnswer(entry, op, store, api)
    case 'finding': {
      const id = await inspection(op.visitId, op.code, store, api)
      const photos = await fileIds(op.finding.photos ?? [], store)
      // the client id makes a retried POST return the finding the first try recorded
      await api.recordFinding(id, { ...op.finding, photos, client_id: op.clientId })
      return 'done'
    }
    case 'consent':
      try {
        await api.photoConsent(op.visitId, op.person)
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'photo_consent_recorded')) throw error
      }
      return 'done'
    case 'submit':
      return inspectionStep(op.visitId, op.code, ['submitted', 'signed'], (id) => api.submit(id), store, api)
    case 'sign': {
      const fileId = await store.fileId(op.signatureClientId)
      if (!fileId) return { failed: 'the signature was not uploaded' }
      return inspectionStep(op.visitId, op.code, ['signed'], (id) => api.sign(id, op.signerName, fileId), store, api)
    }
  }
}

async function visitStep(visitId: number, step: 'start' | 'finish', store: QueueStore, api: QueueApi): Promise<Settled> {
  const reached = step === 'start' ? ['in_progress', 'done'] : ['done']
  try {
    await api.visitStep(visitId, step)
  } catch (error) {
    // a retry after an answer that never arrived: the step already happened
    if (!(error instanceof ApiError && error.status === 409)) throw error
    const status = await api.visitStatus(visitId)
    if (!reached.includes(status)) return { failed: error.message }
  }
  await store.visitStatus(visitId, step === 'start' ? 'in_progress' : 'done')
  return 'done'
}

async function inspectionStep(visitId: number, code: string, reached: string[], step: (id: number) => Promise<unknown>, store: QueueStore, api: QueueApi): Promise<Settled> {
  const id = await inspection(visitId, code, store, api)
  try {
    await step(id)
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error
    if (!reached.includes(await api.inspectionStatus(id))) return { failed: error.message }
  }
  return 'done'
}

async function sendAnswer(entry: QueuedOp, op: Extract<Op, { kind: 'answer' }>, store: QueueStore, api: QueueApi): Promise<Settled> {
  const id = await inspection(op.visitId, op.code, store, api)
  const body: Record<string, unknown> = { ...op.answer, value: op.photoItem && Array.isArray(op.answer.value) ? await fileIds(op.answer.value as FileRef[], store) : op.answer.value, version: op.base, edited_at: op.editedAt }
  if (op.answer.photos) body.photos = await fileIds(op.answer.photos, store)
  let version: number
  try {
    version = (await api.putAnswer(id, op.itemId, body)).version
  } catch (error) {
    if (error instanceof ApiError && error.code === 'answer_conflict') return { conflict: (error.problem as { current?: ServerAnswer }).current ?? { item_id: op.itemId, version: op.base } }
    throw error
  }
  await store.answerSynced(op.visitId, op.code, op.itemId, version)
  // edited again while this was in flight: the newer edit goes next, on top of what just landed
  const now = await store.get(entry.seq)
  if (now && now.rev !== entry.rev && now.op.kind === 'answer') await store.put({ ...now, op: { ...now.op, base: version } })
  return 'done'
}

async function fileIds(refs: FileRef[], store: QueueStore): Promise<number[]> {
  const ids: number[] = []
  for (const ref of refs) {
    const id = typeof ref === 'number' ? ref : await store.fileId(ref)
    if (id === undefined) throw new Error(`photo ${String(ref)} was not uploaded`)
    ids.push(id)
  }
  return ids
}

/** The server's inspection of a visit's template, learnt once the start synced (GET /inspections?visit_id=). */
async function inspection(visitId: number, code: string, store: QueueStore, api: QueueApi): Promise<number> {
  let id = await store.inspectionId(visitId, code)
  if (id) return id
  const list = await api.inspectionsOf(visitId)
  await store.setInspectionIds(visitId, Object.fromEntries(list.map((i) => [i.code, i.id])))
  id = await store.inspectionId(visitId, code)
  if (!id) throw new Error(`the server has no checklist ${code} for visit ${visitId}`)
  return id
}
