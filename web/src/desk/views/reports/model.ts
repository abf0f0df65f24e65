import type { ReportSubmission, VisitReport } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** The report's colours: not submitted grey, awaiting review blue, returned amber, approved green. */
export const REPORT_STATUS_TAG: Record<VisitReport['status'] | ReportSubmission['status'], TagType> = {
  none: 'info',
  submitted: 'primary',
  returned: 'warning',
  approved: 'success',
}
