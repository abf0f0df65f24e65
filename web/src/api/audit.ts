import { http } from './http'
import type { PageResult } from './page'
import type { AuditEntry, QueryOf } from './types'

export type AuditQuery = QueryOf<'listAuditEntries'>

export const listAudit = (query: AuditQuery) => http.get<PageResult<AuditEntry>>('/audit', query)
