import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Router } from 'vue-router'
import { listDeadlines, runDeadlineSweep } from '@/api/deadlines'
import type { Deadline, DeadlineKind } from '@/api/types'
import { usePagedList } from '../../../composables/usePagedList'

export type DeadlineFilters = {
  kind: DeadlineKind | undefined
  overdue: 'overdue' | 'on_time' | undefined
  due_before: string | null | undefined
}

/**
 * Where a deadline's object is shown: a visit's page, a commission item (forwarded to its commission), a
 * hazard (no desk page yet: `mayOpen` then shows the label without a link) or an archived document (its
 * enterprise's page, whose 一企一档 tab lists it).
 */
export function deadlineObjectPath(deadline: Pick<Deadline, 'object_type' | 'object_id'> & { enterprise?: { id: number } }): string {
  if (deadline.object_type === 'visit') return `/visits/${deadline.object_id}`
  if (deadline.object_type === 'hazard') return `/hazards/${deadline.object_id}`
  if (deadline.object_type === 'archive_document' && deadline.enterprise) return `/enterprises/${deadline.enterprise.id}`
  return `/commission-items/${deadline.object_id}`
}

/**
 * Whether a desk page opens for the user: it exists and every route on its path allows their
 * permissions (the router guard's test). A regulator, who reads no commissions, gets no link to one.
 */
export function mayOpen(router: Pick<Router, 'resolve'>, path: string, can: (perms?: string[]) => boolean): boolean {
  const to = router.resolve(path)
  return to.name !== 'not-found' && Boolean(to.matched.at(-1)?.components) && to.matched.every((record) => can(record.meta.perms))
}

/** 期限看板: open deadlines, soonest first, and the platform admin's "check now". */
export function useDeadlines() {
  const { t } = useI18n()
  const list = usePagedList<Deadline, DeadlineFilters>(
    ({ limit, offset, ...filters }) =>
      listDeadlines({
        kind: filters.kind,
        overdue: filters.overdue === undefined ? undefined : filters.overdue === 'overdue',
        due_before: filters.due_before ?? undefined,
        limit,
        offset,
      }),
    () => ({ kind: undefined, overdue: undefined, due_before: undefined }),
  )
  const sweeping = ref(false)

  async function sweep(): Promise<void> {
    if (sweeping.value) return
    sweeping.value = true
    try {
      const result = await runDeadlineSweep()
      ElMessage.success(t('deadline.sweepDone', { overdue: result.marked_overdue, reminders: result.reminders, notifications: result.notifications }))
      await list.load()
    } finally {
      sweeping.value = false
    }
  }

  return { list, sweeping, sweep }
}
