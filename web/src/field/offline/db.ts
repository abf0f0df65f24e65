import { type DBSchema, type IDBPDatabase, openDB } from 'idb'
import type { Visit } from '@/api/types'
import type { TemplateBody } from '../checklist/template'
import type { AnswerBody, FindingDraft, QueuedOp } from './queue'

/** What the phone keeps of a visit to work on it without a network. */
export interface CachedVisit {
  id: number
  visit: Visit
  enterprise: {
    address: string
    contactName: string
    contactPhone: string
    longitude: number | null
    latitude: number | null
    /** The fields checklist conditions read (enterprise_facts on the server). */
    facts: Record<string, string[]>
  }
  /** The person who agreed to photos, once recorded on the phone or found on the server. */
  consentBy: string
  downloadedAt: string
}

export interface LocalAnswer extends AnswerBody {
  /** The server's version this local value is based on (0: none yet). */
  version: number
  edited_at: string
}

export interface LocalFinding extends FindingDraft {
  /** The phone's id (server-<id> for one downloaded from the server). */
  clientId: string
}

/** One checklist of a visit, keyed by (visit, template code) until and after the server's inspection exists. */
export interface Checklist {
  key: string
  visitId: number
  code: string
  name: string
  body: TemplateBody
  inspectionId: number | null
  status: 'open' | 'submitted' | 'signed'
  answers: Record<string, LocalAnswer>
  findings: LocalFinding[]
  signerName: string
}

/** A photo or signature taken on the phone, kept until (and after) it is uploaded. */
export interface LocalFile {
  clientId: string
  visitId: number
  blob: Blob
  fileId: number | null
}

interface FieldDb extends DBSchema {
  visits: { key: number; value: CachedVisit }
  checklists: { key: string; value: Checklist; indexes: { byVisit: number } }
  files: { key: string; value: LocalFile }
  queue: { key: number; value: QueuedOp }
  meta: { key: string; value: unknown }
}

export type FieldDatabase = IDBPDatabase<FieldDb>

export const checklistKey = (visitId: number, code: string) => `${visitId}:${code}`

let opened: Promise<FieldDatabase> | null = null

/** The field app's IndexedDB, one per browser profile (a phone is one inspector's). */
export function fieldDb(): Promise<FieldDatabase> {
  opened ??= openDB<FieldDb>('riskwatch-field', 1, {
    upgrade(db) {
      db.createObjectStore('visits', { keyPath: 'id' })
      db.createObjectStore('checklists', { keyPath: 'key' }).createIndex('byVisit', 'visitId')
      db.createObjectStore('files', { keyPath: 'clientId' })
      db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
      db.createObjectStore('meta')
    },
  })
  return opened
}
