import { isoWithZone } from '@/utils/time'
import { type Checklist, checklistKey, fieldDb, type LocalFinding } from './db'
import type { AnswerBody, FindingDraft, Op, ServerAnswer } from './queue'
import { enqueue } from './store'
import { refreshCounts, syncNow } from './sync'

/*
 * What the inspector does on site: each action changes the phone's copy at once and queues what the server
 * must hear, then tries to send it (it stays queued while offline).
 */

/** A client id no other phone makes (getRandomValues also works on a page served without TLS). */
const newClientId = (prefix: string) => prefix + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

async function queue(...ops: Op[]): Promise<void> {
  for (const op of ops) await enqueue(op)
  await refreshCounts()
  void syncNow()
}

async function setVisitStatus(visitId: number, status: 'in_progress' | 'done'): Promise<void> {
  const db = await fieldDb()
  const cached = await db.get('visits', visitId)
  if (cached) await db.put('visits', { ...cached, visit: { ...cached.visit, status } })
}

export async function startVisit(visitId: number): Promise<void> {
  await setVisitStatus(visitId, 'in_progress')
  await queue({ kind: 'visit_step', visitId, step: 'start' })
}

export async function finishVisit(visitId: number): Promise<void> {
  await setVisitStatus(visitId, 'done')
  await queue({ kind: 'visit_step', visitId, step: 'finish' })
}

export async function getChecklist(visitId: number, code: string): Promise<Checklist | undefined> {
  return (await fieldDb()).get('checklists', checklistKey(visitId, code))
}

async function updateChecklist(visitId: number, code: string, change: (c: Checklist) => Checklist): Promise<Checklist> {
  const db = await fieldDb()
  const current = await db.get('checklists', checklistKey(visitId, code))
  if (!current) throw new Error(`checklist ${code} of visit ${visitId} is not on this phone`)
  const next = change(current)
  await db.put('checklists', next)
  return next
}

/** Saves one item's answer, based on the server version the phone last had for it. */
export async function saveAnswer(visitId: number, code: string, itemId: string, answer: AnswerBody, photoItem = false): Promise<Checklist> {
  const editedAt = isoWithZone(new Date())
  let base = 0
  const saved = await updateChecklist(visitId, code, (c) => {
    base = c.answers[itemId]?.version ?? 0
    return { ...c, answers: { ...c.answers, [itemId]: { ...answer, version: base, edited_at: editedAt } } }
  })
  await queue({ kind: 'answer', visitId, code, itemId, answer, base, editedAt, photoItem })
  return saved
}

/** Keeps a photo (already compressed) on the phone and queues its upload; the ref goes into answers and findings. */
export async function addPhoto(visitId: number, blob: Blob): Promise<string> {
  const clientId = newClientId('photo-')
  await (await fieldDb()).put('files', { clientId, visitId, blob, fileId: null })
  await queue({ kind: 'upload', visitId, clientId })
  return clientId
}

export async function recordFinding(visitId: number, code: string, draft: FindingDraft): Promise<void> {
  const clientId = newClientId('finding-')
  const finding: LocalFinding = { ...draft, clientId }
  await updateChecklist(visitId, code, (c) => ({ ...c, findings: [...c.findings, finding] }))
  await queue({ kind: 'finding', visitId, code, clientId, finding: draft })
}

export async function recordConsent(visitId: number, person: string): Promise<void> {
  const db = await fieldDb()
  const cached = await db.get('visits', visitId)
  if (cached) await db.put('visits', { ...cached, consentBy: person })
  await queue({ kind: 'consent', visitId, person })
}

/** 提交并签字: the drawn signature is uploaded, then the checklist submitted and signed. */
export async function submitAndSign(visitId: number, code: string, signerName: string, signature: Blob): Promise<void> {
  const signatureClientId = newClientId('signature-')
  await (await fieldDb()).put('files', { clientId: signatureClientId, visitId, blob: signature, fileId: null })
  await updateChecklist(visitId, code, (c) => ({ ...c, status: 'signed', signerName }))
  await queue(
    { kind: 'upload', visitId, clientId: signatureClientId },
    { kind: 'submit', visitId, code },
    { kind: 'sign', visitId, code, signerName, signatureClientId },
  )
}

/**
 * The inspector's choice on a conflict: keep the phone's value (sent again on top of the server's version)
 * or take the server's (the phone's value is dropped, the queue goes on).
 */
export async function resolveConflict(seq: number, keep: 'mine' | 'theirs'): Promise<void> {
  const db = await fieldDb()
  const entry = await db.get('queue', seq)
  if (!entry || entry.op.kind !== 'answer' || !entry.current) return
  const { op, current } = entry
  if (keep === 'mine') {
    await db.put('queue', { ...entry, state: 'pending', current: undefined, op: { ...op, base: current.version } })
  } else {
    await db.delete('queue', seq)
    await updateChecklist(op.visitId, op.code, (c) => ({ ...c, answers: { ...c.answers, [op.itemId]: serverCopy(current) } }))
  }
  await refreshCounts()
  void syncNow()
}

function serverCopy(current: ServerAnswer) {
  return { value: current.value ?? null, detail: current.detail, note: current.note, photos: current.photos, version: current.version, edited_at: current.edited_at ?? '' }
}

/** Drops an op the server refused (after the inspector read why). */
export async function discardFailed(seq: number): Promise<void> {
  await (await fieldDb()).delete('queue', seq)
  await refreshCounts()
  void syncNow()
}
