import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { drain, type Op, type QueueApi, type QueuedOp, type QueueStore } from '@/field/offline/queue'

/** The queue's storage as plain maps, with what it was told. */
function memoryStore(ops: Op[]) {
  const entries = new Map<number, QueuedOp>(ops.map((op, i) => [i + 1, { seq: i + 1, op, rev: 0, state: 'pending' }]))
  const files = new Map<string, number>()
  const inspections = new Map<string, number>()
  const synced: string[] = []
  const store: QueueStore = {
    list: async () => [...entries.values()].sort((a, b) => a.seq - b.seq),
    get: async (seq) => entries.get(seq),
    put: async (entry) => void entries.set(entry.seq, entry),
    remove: async (seq) => void entries.delete(seq),
    fileId: async (id) => files.get(id),
    setFileId: async (id, fileId) => void files.set(id, fileId),
    blob: async () => new Blob(['jpeg']),
    inspectionId: async (visit, code) => inspections.get(`${visit}:${code}`),
    setInspectionIds: async (visit, byCode) => Object.entries(byCode).forEach(([code, id]) => inspections.set(`${visit}:${code}`, id)),
    answerSynced: async (_visit, code, item, version) => void synced.push(`${code}/${item}@${version}`),
    visitStatus: async () => {},
  }
  return { store, entries, files, synced }
}

/** A server that records every call; `fail` decides per call whether it throws instead. */
function fakeApi(fail: (call: string, n: number) => ApiError | undefined = () => undefined) {
  const calls: string[] = []
  let n = 0
  const answers = new Map<string, number>()
  const record = (call: string) => {
    calls.push(call)
    const error = fail(call, n++)
    if (error) throw error
  }
  const api: QueueApi = {
    visitStep: async (visit, step) => record(`${step} ${visit}`),
    visitStatus: async () => 'in_progress',
    upload: async (clientId) => (record(`upload ${clientId}`), { id: 500 }),
    inspectionsOf: async (visit) => (record(`list ${visit}`), [{ id: 70, code: 'noise' }]),
    inspectionStatus: async () => 'submitted',
    putAnswer: async (id, item, body) => {
      record(`put ${id}/${item} v${String(body.version)} ${JSON.stringify(body.value)}`)
      const version = (answers.get(item) ?? 0) + 1
      answers.set(item, version)
      return { version }
    },
    recordFinding: async (id, body) => record(`finding ${id} ${String(body.client_id)} ${JSON.stringify(body.photos)}`),
    photoConsent: async (visit) => record(`consent ${visit}`),
    submit: async (id) => record(`submit ${id}`),
    sign: async (id, name, file) => record(`sign ${id} ${name} ${file}`),
  }
  return { api, calls }
}

const offline = () => new ApiError(0, 'network_error', 'offline')
const answer = (itemId: string, value: unknown, extra: Partial<Extract<Op, { kind: 'answer' }>> = {}): Op => ({
  kind: 'answer', visitId: 9, code: 'noise', itemId, answer: { value }, base: 0, editedAt: '2026-06-01T10:00:00+08:00', ...extra,
})

describe('field queue', () => {
  it('sends in the order queued, resolving the inspection once the start has synced, and maps photo refs to file ids', async () => {
    const { store, entries } = memoryStore([
      { kind: 'visit_step', visitId: 9, step: 'start' },
      { kind: 'upload', visitId: 9, clientId: 'photo-a' },
      answer('noise.photo', ['photo-a'], { photoItem: true }),
      answer('noise.source', 'yes'),
      { kind: 'finding', visitId: 9, code: 'noise', clientId: 'f-1', finding: { item_id: 'noise.source', category: '噪声', grade: 'general', description: '无隔声', photos: ['photo-a'] } },
      { kind: 'consent', visitId: 9, person: '王经理' },
      { kind: 'submit', visitId: 9, code: 'noise' },
    ])
    const { api, calls } = fakeApi()
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(calls).toEqual([
      'start 9', 'upload photo-a', 'list 9', 'put 70/noise.photo v0 [500]', 'put 70/noise.source v0 "yes"',
      'finding 70 f-1 [500]', 'consent 9', 'submit 70',
    ])
    expect(entries.size).toBe(0)
  })

  it('stops at a network failure and sends the same op with the same client id when online again', async () => {
    const { store, entries } = memoryStore([
      { kind: 'finding', visitId: 9, code: 'noise', clientId: 'f-1', finding: { item_id: 'x', category: 'c', grade: 'major', description: 'd' } },
      { kind: 'consent', visitId: 9, person: '王经理' },
    ])
    let online = false
    const { api, calls } = fakeApi((call) => (call.startsWith('finding') && !online ? offline() : undefined))
    const first = await drain(store, api)
    expect(first.outcome).toBe('offline')
    expect(entries.size).toBe(2)
    expect(calls.filter((c) => c.startsWith('consent'))).toEqual([])
    online = true
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(calls.filter((c) => c.startsWith('finding'))).toEqual(['finding 70 f-1 []', 'finding 70 f-1 []'])
  })

  it('keeps a conflicted answer with the server value and sends nothing after it until resolved', async () => {
    const { store, entries } = memoryStore([answer('a', 'no'), answer('b', 'yes')])
    const conflict = new ApiError(409, 'answer_conflict', 'changed', [], null, {
      code: 'answer_conflict',
      current: { item_id: 'a', value: 'yes', version: 2 },
    } as never)
    let conflicted = true
    const { api, calls } = fakeApi((call) => (call.startsWith('put 70/a') && conflicted ? conflict : undefined))
    expect(await drain(store, api)).toEqual({ outcome: 'blocked', seq: 1 })
    expect(entries.get(1)).toMatchObject({ state: 'conflict', current: { value: 'yes', version: 2 } })
    expect(calls.some((c) => c.startsWith('put 70/b'))).toBe(false)
    // the inspector keeps the phone's value: sent again on top of the server's version
    const kept = entries.get(1)!
    await store.put({ ...kept, state: 'pending', op: { ...(kept.op as Extract<Op, { kind: 'answer' }>), base: 2 } })
    conflicted = false
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(calls.filter((c) => c.startsWith('put'))).toEqual(['put 70/a v0 "no"', 'put 70/a v2 "no"', 'put 70/b v0 "yes"'])
  })

  it('sends an answer edited while in flight again, based on the version that landed', async () => {
    const { store, entries, synced } = memoryStore([answer('a', 'no')])
    const { api, calls } = fakeApi()
    const put = api.putAnswer.bind(api)
    api.putAnswer = async (id, item, body) => {
      const saved = await put(id, item, body)
      if (body.value === 'no') {
        const entry = entries.get(1)!
        entries.set(1, { ...entry, rev: entry.rev + 1, op: { ...(entry.op as Extract<Op, { kind: 'answer' }>), answer: { value: 'yes' } } })
      }
      return saved
    }
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(calls).toEqual(['list 9', 'put 70/a v0 "no"', 'put 70/a v1 "yes"'])
    expect(synced).toEqual(['noise/a@1', 'noise/a@2'])
  })

  it('counts a retried step the server already took as done (start 409, consent 409 photo_consent_recorded)', async () => {
    const { store, entries } = memoryStore([
      { kind: 'visit_step', visitId: 9, step: 'start' },
      { kind: 'consent', visitId: 9, person: '王经理' },
      { kind: 'submit', visitId: 9, code: 'noise' },
    ])
    const { api } = fakeApi((call) => {
      if (call.startsWith('start')) return new ApiError(409, 'invalid_transition', 'already started')
      if (call.startsWith('consent')) return new ApiError(409, 'photo_consent_recorded', 'recorded')
      if (call.startsWith('submit')) return new ApiError(409, 'invalid_transition', 'already submitted')
      return undefined
    })
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(entries.size).toBe(0)
  })

  it('marks an op the server refuses as failed and stops there', async () => {
    const { store, entries } = memoryStore([{ kind: 'submit', visitId: 9, code: 'noise' }, { kind: 'consent', visitId: 9, person: 'x' }])
    const { api, calls } = fakeApi((call) => (call.startsWith('submit') ? new ApiError(422, 'validation_failed', '必答题未填写') : undefined))
    expect(await drain(store, api)).toEqual({ outcome: 'blocked', seq: 1 })
    expect(entries.get(1)).toMatchObject({ state: 'failed', error: '必答题未填写' })
    expect(calls.some((c) => c.startsWith('consent'))).toBe(false)
  })

  it('uploads again with the same client id when the answer to an upload was lost', async () => {
    const { store, files } = memoryStore([{ kind: 'upload', visitId: 9, clientId: 'photo-a' }])
    let online = false
    const { api, calls } = fakeApi((call) => (call.startsWith('upload') && !online ? offline() : undefined))
    expect((await drain(store, api)).outcome).toBe('offline')
    expect(files.has('photo-a')).toBe(false)
    online = true
    expect(await drain(store, api)).toEqual({ outcome: 'empty' })
    expect(calls).toEqual(['upload photo-a', 'upload photo-a'])
    expect(files.get('photo-a')).toBe(500)
  })

  it('does not upload a photo twice once its file id is known', async () => {
    const { store, files } = memoryStore([{ kind: 'upload', visitId: 9, clientId: 'photo-a' }])
    files.set('photo-a', 42)
    const { api, calls } = fakeApi()
    await drain(store, api)
    expect(calls).toEqual([])
  })
})
