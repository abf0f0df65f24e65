import { listNotices } from '@/api/notices'
import type { Notice, NoticeKind, NoticeStatus } from '@/api/types'
import { usePagedList } from '../../../composables/usePagedList'

export type NoticeFilters = { kind: NoticeKind | undefined; status: NoticeStatus | undefined; enterprise_id: number | null | undefined }

/** The notices the user sees (the issuer's, the enterprise's own, its insurers', the regulators'), paged. */
export function useNotices() {
  return usePagedList<Notice, NoticeFilters>(
    ({ limit, offset, kind, status, enterprise_id }) => listNotices({ kind, status, enterprise_id: enterprise_id ?? undefined, limit, offset }),
    () => ({ kind: undefined, status: undefined, enterprise_id: undefined }),
  )
}
