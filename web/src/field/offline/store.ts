import { checklistKey, fieldDb } from './db'
import type { Op, QueuedOp, QueueStore } from './queue'

/** The queue's storage in the field app's IndexedDB. */
export const idbQueueStore: QueueStore = {
  async list() {
    return (await fieldDb()).getAll('queue')
  },
  async get(seq) {
    return (await fieldDb()).get('queue', seq)
  },
  async put(entry) {
    await (await fieldDb()).put('queue', entry)
  },
  async remove(seq) {
    await (await fieldDb()).delete('queue', seq)
  },
  async fileId(clientId) {
    return (await (await fieldDb()).get('files', clientId))?.fileId ?? undefined
  },
  async setFileId(clientId, fileId) {
    const db = await fieldDb()
    const file = await db.get('files', clientId)
    if (file) await db.put('files', { ...file, fileId })
  },
  async blob(clientId) {
    return (await (await fieldDb()).get('files', clientId))?.blob
  },
  async inspectionId(visitId, code) {
    return (await (await fieldDb()).get('checklists', checklistKey(visitId, code)))?.inspectionId ?? undefined
  },
  async setInspectionIds(visitId, byCode) {
    const db = await fieldDb()
    for (const [code, id] of Object.entries(byCode)) {
      const checklist = await db.get('checklists', checklistKey(visitId, code))
      if (checklist) await db.put('checklists', { ...checklist, inspectionId: id })
    }
  },
  async answerSynced(visitId, code, itemId, version) {
    const db = await fieldDb()
    const checklist = await db.get('checklists', checklistKey(visitId, code))
    const answer = checklist?.answers[itemId]
    if (checklist && answer) await db.put('checklists', { ...checklist, answers: { ...checklist.answers, [itemId]: { ...answer, version } } })
  },
  async visitStatus(visitId, status) {
    const db = await fieldDb()
    const cached = await db.get('visits', visitId)
    if (cached) await db.put('visits', { ...cached, visit: { ...cached.visit, status: status as typeof cached.visit.status } })
  },
}

/**
 * Adds an op to the end of the queue. An answer to an item that still waits to be sent replaces that
 * waiting one (keeping its place and the version it was based on): the server gets the last value once.
 */
export async function enqueue(op: Op): Promise<void> {
  const db = await fieldDb()
  if (op.kind === 'answer') {
    const waiting = (await db.getAll('queue')).find((e) => e.state === 'pending' && e.op.kind === 'answer' && e.op.visitId === op.visitId && e.op.code === op.code && e.op.itemId === op.itemId)
    if (waiting && waiting.op.kind === 'answer') {
      await db.put('queue', { ...waiting, rev: waiting.rev + 1, op: { ...op, base: waiting.op.base } })
      return
    }
  }
  await db.add('queue', { op, rev: 0, state: 'pending' } as QueuedOp)
}
