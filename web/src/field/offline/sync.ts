import { reactive } from 'vue'
import { getMe } from '@/api/auth'
import { ApiError, csrfToken } from '@/api/http'
import { fieldDb } from './db'
import { serverQueueApi } from './api'
import { drain } from './queue'
import { idbQueueStore } from './store'

/** What the banner shows: how much waits, what needs the inspector, when the queue was last empty. */
export const syncState = reactive({
  pending: 0,
  conflicts: 0,
  failed: 0,
  running: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  lastSyncedAt: '',
  /** Why the last attempt stopped (no network, a server error), empty when it did not. */
  problem: '',
})

const LAST_SYNC = 'lastSyncedAt'
const RETRY_MS = 30_000

export async function refreshCounts(): Promise<void> {
  const db = await fieldDb()
  const entries = await db.getAll('queue')
  syncState.pending = entries.filter((e) => e.state === 'pending').length
  syncState.conflicts = entries.filter((e) => e.state === 'conflict').length
  syncState.failed = entries.filter((e) => e.state === 'failed').length
  syncState.lastSyncedAt = ((await db.get('meta', LAST_SYNC)) as string | undefined) ?? ''
}

let running: Promise<void> | null = null
let again = false
const listeners = new Set<() => void>()

/** Calls back after every sync attempt, so open pages reread what the queue changed. */
export function onSynced(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Sends the queue now; a call while a run is under way makes that run go round once more. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    syncState.running = true
    try {
      do {
        again = false
        // an app opened offline in a new tab has no CSRF token yet: GET /me gives it before anything is sent
        if (!csrfToken.get() && !(await tokenFetched())) return
        const result = await drain(idbQueueStore, serverQueueApi)
        syncState.problem = result.outcome === 'offline' ? result.error.message : ''
        if (result.outcome === 'empty') await (await fieldDb()).put('meta', new Date().toISOString(), LAST_SYNC)
      } while (again)
    } finally {
      await refreshCounts()
      syncState.running = false
      running = null
      listeners.forEach((l) => l())
    }
  })()
  return running
}

async function tokenFetched(): Promise<boolean> {
  try {
    await getMe({ silent: true })
    return true
  } catch (error) {
    syncState.problem = error instanceof ApiError ? error.message : String(error)
    return false
  }
}

let installed = false

/** Syncs when the phone comes online and every half minute while something waits. */
export function installSync(): void {
  if (installed) return
  installed = true
  window.addEventListener('online', () => {
    syncState.online = true
    void syncNow()
  })
  window.addEventListener('offline', () => {
    syncState.online = false
  })
  setInterval(() => {
    if (syncState.pending && syncState.online && !syncState.running) void syncNow()
  }, RETRY_MS)
  void refreshCounts().then(() => (syncState.pending ? syncNow() : undefined))
}
