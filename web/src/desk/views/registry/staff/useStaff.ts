import { ref } from 'vue'
import { exportStaff, listStaff, type StaffExportQuery } from '@/api/staff'
import type { Certificate, EvaluationGrade, Specialty, Staff, StaffKind, TitleLevel } from '@/api/types'
import { addDays, chinaDate } from '@/utils/time'
import { activeParam, type ActiveFilter } from '../../../components/active-filter'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

export type StaffFilters = {
  q: string
  org_id: number | null | undefined
  kind: StaffKind | undefined
  title_level: TitleLevel | undefined
  specialty: Specialty | undefined
  evaluation_grade: EvaluationGrade | undefined
  excluded: ActiveFilter
  active: ActiveFilter
  certificate_expires_before: string | null | undefined
}

export function staffQuery(filters: StaffFilters): StaffExportQuery {
  return {
    ...filters,
    q: filters.q.trim(),
    org_id: filters.org_id ?? undefined,
    excluded: activeParam(filters.excluded),
    active: activeParam(filters.active),
    certificate_expires_before: filters.certificate_expires_before ?? undefined,
  }
}

/** Certificates expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 90

export type CertificateState = 'expired' | 'expiring' | 'valid'

/** Whether a certificate has expired (before `today`), expires soon, or is valid (or never expires). */
export function certificateState(certificate: Certificate, today: string = chinaDate()): CertificateState {
  const expires = certificate.expires_on
  if (!expires) return 'valid'
  if (expires < today) return 'expired'
  return expires <= addDays(today, EXPIRY_WARNING_DAYS) ? 'expiring' : 'valid'
}

/** The certificate that expires first, which decides the row's warning. */
export function firstExpiring(certificates: readonly Certificate[]): Certificate | null {
  return certificates.filter((c) => c.expires_on).sort((a, b) => (a.expires_on ?? '').localeCompare(b.expires_on ?? ''))[0] ?? null
}

/** Staff page: filters by organization, qualification and certificate expiry; create/edit dialog; import and export. */
export function useStaff() {
  const list = usePagedList<Staff, StaffFilters>(
    ({ limit, offset, ...filters }) => listStaff({ ...staffQuery(filters), limit, offset }),
    () => ({
      q: '',
      org_id: undefined,
      kind: undefined,
      title_level: undefined,
      specialty: undefined,
      evaluation_grade: undefined,
      excluded: '',
      active: '',
      certificate_expires_before: undefined,
    }),
  )
  const dialog = useEditDialog<Staff>()
  const importing = ref(false)
  const exporting = ref(false)

  async function exportList(): Promise<void> {
    exporting.value = true
    try {
      await exportStaff(staffQuery(list.filters))
    } finally {
      exporting.value = false
    }
  }

  return { list, dialog, importing, exporting, exportList }
}
