import { exportAudit, listAudit } from '@/api/audit'
import type { AuditAction, AuditChange, AuditEntry } from '@/api/types'
import { toApiTime } from '@/utils/time'
import { usePagedList } from '../../../composables/usePagedList'

/** Every kind of record the server writes to the audit log (audit::record in src/). */
export const AUDIT_ENTITIES = [
  'user',
  'organization',
  'region',
  'session',
  'calendar_year',
  'enterprise',
  'policy',
  'staff',
  'service_type',
  'commission',
  'commission_item',
  'service_plan',
  'visit',
  'inspection',
  'inspection_finding',
  'training_record',
  'import',
  'notice_numbering',
] as const

type Translate = (key: string) => string

/** The Chinese (or English) name of an audited kind; a kind this version does not know is shown as 其他. */
export function auditEntityLabel(t: Translate, entity: string): string {
  return (AUDIT_ENTITIES as readonly string[]).includes(entity) ? t(`audit.entities.${entity}`) : t('audit.otherEntity')
}

/** The picked days, as the UTC instants from the start of the first to the end of the last (local time). */
export function dayRange(range: [Date, Date] | null): { from?: string; to?: string } {
  if (!range) return {}
  const end = new Date(range[1])
  end.setHours(23, 59, 59, 0)
  return { from: toApiTime(range[0]), to: toApiTime(end) }
}

export function changeRows(changes: Record<string, AuditChange>) {
  const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value))
  return Object.entries(changes).map(([field, change]) => ({ field, from: show(change.from), to: show(change.to) }))
}

type AuditFilters = {
  entity: string
  user_id: number | undefined
  action: AuditAction | undefined
  days: [Date, Date] | null
  /** The entries of one import's records (the import entry's id). */
  batch_id: number | undefined
}

/** No filter set; `batch_id` given: the record changes of that import only. */
export function auditFilters(batch_id?: number): AuditFilters {
  return { entity: '', user_id: undefined, action: undefined, days: null, batch_id }
}

/** Audit log page: filters by entity, user, action, days and import; rows expand to their field changes. */
export function useAudit() {
  return usePagedList<AuditEntry, AuditFilters>(
    ({ days, ...query }) => listAudit({ ...query, ...dayRange(days) }),
    () => auditFilters(),
  )
}

/** The .xlsx of what the filters select, as the list shows it. */
export function exportAuditEntries({ days, entity, ...query }: AuditFilters): Promise<void> {
  return exportAudit({ ...query, ...(entity ? { entity } : {}), ...dayRange(days) })
}
