import { download } from './download'
import { http } from './http'
import type { PageResult } from './page'
import type { AuditEntry, QueryOf } from './types'

export type AuditQuery = QueryOf<'listAuditEntries'>

export const listAudit = (query: AuditQuery) => http.get<PageResult<AuditEntry>>('/audit', query)
export type AuditExportQuery = QueryOf<'exportAuditLog'>
/** The entries the list shows, filtered alike, as an .xlsx (at most 100,000, newest first). */
export const exportAudit = (query: AuditExportQuery) => download('/audit/export', query, 'audit-log.xlsx')
