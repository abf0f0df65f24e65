import type { ArchiveItem, ArchiveVerification } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** The electronic copy's colours: filed green, about to expire amber, expired red, missing grey. */
export const ELECTRONIC_TAG: Record<ArchiveItem['electronic'], TagType> = {
  present: 'success',
  expiring: 'warning',
  expired: 'danger',
  missing: 'info',
}

/** The paper copy (xuzhou 表E.1): √ green, 否 red, not yet recorded grey. */
export const PAPER_TAG: Record<Exclude<ArchiveItem['paper'], ''>, TagType> = {
  on_file: 'success',
  not_on_file: 'danger',
  unknown: 'info',
}

/** The completeness bar's colour: red below 60 %, amber below 90 %, else green. */
export function completenessColor(percent: number): string {
  if (percent < 60) return '#f56c6c'
  if (percent < 90) return '#e6a23c'
  return '#67c23a'
}

/** The verification's outcome as an alert: its type and the i18n key of its reason. */
export function verificationAlert(result: ArchiveVerification): { type: 'success' | 'error'; reasonKey: string | null } {
  if (result.ok || !result.broken) return { type: 'success', reasonKey: null }
  return { type: 'error', reasonKey: `archive.broken.${result.broken.reason}` }
}

/** A document needs its end date when the list says it states one (permits, licences). */
export const needsValidUntil = (item: ArchiveItem) => item.expiry === 'valid_until'
/** 否 needs a reason where the list says so (xuzhou 表E.1: 未归档填“否”，并说明原因). */
export const paperReasonRequired = (reasonForNo: boolean, onFile: boolean | null) => reasonForNo && onFile === false
