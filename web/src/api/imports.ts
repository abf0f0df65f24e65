import { download } from './download'
import { ApiError, request } from './http'
import type { ImportKind, ImportMode, ImportReport } from './types'

/** The spreadsheet formats an import takes, by file extension, with the Content-Type they are sent as. */
export const IMPORT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
}

/** The Content-Type to send a file as, from its extension; null for other files. */
export function importContentType(fileName: string): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  return IMPORT_TYPES[extension] ?? null
}

/**
 * Sends a spreadsheet as the raw request body. Resolves with the report both when rows were written
 * and when all_or_nothing refused a file with bad rows (422 import_rows_invalid, `written` false);
 * other failures (not a spreadsheet, too large, …) reject with an ApiError that has not been shown yet.
 */
export async function importSpreadsheet(kind: ImportKind, file: Blob, type: string, mode: ImportMode): Promise<ImportReport> {
  try {
    return await request<ImportReport>('POST', `/imports/${kind}`, { query: { mode }, file: { data: file, type }, silent: true })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'import_rows_invalid' && error.problem.report) return error.problem.report
    throw error
  }
}

/** The .xlsx template with the import's headers, notes and an example row. */
export const downloadImportTemplate = (kind: ImportKind) =>
  download(`/imports/${kind}/template`, undefined, `${kind}-template.xlsx`)
