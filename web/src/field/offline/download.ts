import { getEnterprise } from '@/api/enterprises'
import { type ChecklistTemplate, getChecklistTemplate, getInspection, type Inspection, listChecklistTemplates, listVisitInspections } from '@/api/inspections'
import { listAllVisits } from '@/api/visits'
import { addDays, chinaDate } from '@/utils/time'
import { enterpriseFacts } from '../checklist/conditions'
import { AHEAD_DAYS } from '../views/agenda'
import { type CachedVisit, type Checklist, checklistKey, fieldDb, type LocalAnswer, type LocalFinding } from './db'
import type { QueuedOp } from './queue'

/** Visits the team can still work on. */
const WORKABLE: readonly string[] = ['planned', 'confirmed', 'in_progress']

/**
 * 下载今日任务: my visits from today over the days the app lists ahead, each with its enterprise, the
 * checklists its service types use and what the server already has of them, into IndexedDB. What the
 * phone changed and has not sent yet is kept over the server's copy.
 */
export async function downloadTasks(today = chinaDate()): Promise<number> {
  const visits = (await listAllVisits({ mine: true, from: today, to: addDays(today, AHEAD_DAYS - 1) })).filter((v) => WORKABLE.includes(v.status))
  const summaries = (await listChecklistTemplates()).items
  const templates = new Map<number, Promise<ChecklistTemplate>>()
  const template = (id: number) => {
    if (!templates.has(id)) templates.set(id, getChecklistTemplate(id))
    return templates.get(id)!
  }
  const db = await fieldDb()
  const queued = await db.getAll('queue')
  for (const visit of visits) {
    const enterprise = await getEnterprise(visit.enterprise.id)
    const inspections = await Promise.all((await listVisitInspections(visit.id)).items.map((i) => getInspection(i.id)))
    const codes = new Set(visit.service_types.map((s) => s.code))
    const wanted = summaries.filter((t) => t.service_types.some((c) => codes.has(c)) && !inspections.some((i) => i.template.code === t.code))
    const fresh = [...inspections.map(fromInspection), ...(await Promise.all(wanted.map((t) => template(t.id)))).map((t) => fromTemplate(visit.id, t))]
    for (const checklist of fresh) {
      const local = await db.get('checklists', checklist.key)
      await db.put('checklists', local ? merge(local, checklist, queued) : checklist)
    }
    const contact = enterprise.contacts?.[0]
    const before = await db.get('visits', visit.id)
    const stepWaiting = queued.some((e) => e.op.kind === 'visit_step' && e.op.visitId === visit.id)
    const cached: CachedVisit = {
      id: visit.id,
      visit: stepWaiting && before ? { ...visit, status: before.visit.status } : visit,
      enterprise: {
        address: enterprise.business_address || enterprise.registered_address || '',
        contactName: contact?.name ?? '',
        contactPhone: contact?.phone ?? '',
        longitude: enterprise.longitude ?? null,
        latitude: enterprise.latitude ?? null,
        facts: enterpriseFacts(enterprise),
      },
      consentBy: inspections.find((i) => i.photo_consent)?.photo_consent?.consenting_person ?? before?.consentBy ?? '',
      downloadedAt: new Date().toISOString(),
    }
    await db.put('visits', cached)
  }
  return visits.length
}

function fromInspection(i: Inspection): Checklist {
  return {
    key: checklistKey(i.visit_id, i.template.code),
    visitId: i.visit_id,
    code: i.template.code,
    name: i.template.name,
    body: i.template.body,
    inspectionId: i.id,
    status: i.status,
    answers: Object.fromEntries(i.answers.map(({ item_id, ...a }): [string, LocalAnswer] => [item_id, a])),
    findings: i.findings.filter((f) => !f.raised_by_option).map((f): LocalFinding => ({ ...f, clientId: `server-${f.id}` })),
    signerName: i.signer_name,
  }
}

function fromTemplate(visitId: number, t: ChecklistTemplate): Checklist {
  return {
    key: checklistKey(visitId, t.code),
    visitId,
    code: t.code,
    name: t.name,
    body: t.body,
    inspectionId: null,
    status: 'open',
    answers: {},
    findings: [],
    signerName: '',
  }
}

/** The server's copy, with what still waits in the queue kept from the phone's. */
function merge(local: Checklist, server: Checklist, queued: QueuedOp[]): Checklist {
  const mine = queued.filter((e) => 'code' in e.op && e.op.visitId === local.visitId && e.op.code === local.code)
  if (!mine.length) return { ...server, inspectionId: server.inspectionId ?? local.inspectionId }
  const answers = { ...server.answers }
  for (const e of mine) if (e.op.kind === 'answer') answers[e.op.itemId] = local.answers[e.op.itemId]
  const unsent = local.findings.filter((f) => mine.some((e) => e.op.kind === 'finding' && e.op.clientId === f.clientId))
  const stepWaiting = mine.some((e) => e.op.kind === 'submit' || e.op.kind === 'sign')
  return {
    ...server,
    inspectionId: server.inspectionId ?? local.inspectionId,
    // a body the phone already answers against stays until the queue is through
    body: server.inspectionId ? server.body : local.body,
    answers,
    findings: [...server.findings, ...unsent],
    status: stepWaiting ? local.status : server.status,
    signerName: stepWaiting ? local.signerName : server.signerName,
  }
}
