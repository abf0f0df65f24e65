import { ref, shallowRef, watch } from 'vue'
import type { Visit, VisitStatus } from '@/api/types'
import { listAllVisits, listVisits } from '@/api/visits'
import { chinaDate } from '@/utils/time'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'
import { type CalendarMode, visibleRange } from '@/utils/weeks'

export type VisitView = 'list' | CalendarMode

export type VisitFilters = {
  q: string
  status: VisitStatus | undefined
  enterprise_id: number | null | undefined
  /** [from, to] of the planned day, for the list. */
  period: [string, string] | null
  mine: boolean
}

export function visitQuery(filters: VisitFilters) {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status,
    enterprise_id: filters.enterprise_id ?? undefined,
    mine: filters.mine || undefined,
  }
}

/**
 * The visits page: the same filters drive a paged list and a month or week calendar; the calendar
 * loads every visit of the days it shows.
 */
export function useVisits() {
  const list = usePagedList<Visit, VisitFilters>(
    ({ limit, offset, ...filters }) =>
      listVisits({ ...visitQuery(filters), from: filters.period?.[0], to: filters.period?.[1], limit, offset }),
    () => ({ q: '', status: undefined, enterprise_id: undefined, period: null, mine: false }),
  )
  const view = ref<VisitView>('list')
  /** The day the calendar shows (its week or month). */
  const day = ref(chinaDate())
  const calendarVisits = shallowRef<Visit[]>([])
  const calendarLoading = ref(false)
  const dialog = useEditDialog<Visit>()

  let request = 0
  async function loadCalendar(): Promise<void> {
    if (view.value === 'list') return
    const mine = ++request
    calendarLoading.value = true
    try {
      const range = visibleRange(view.value, day.value)
      const visits = await listAllVisits({ ...visitQuery(list.filters), ...range })
      if (mine === request) calendarVisits.value = visits
    } finally {
      if (mine === request) calendarLoading.value = false
    }
  }

  /** Applies the filters to the current view. */
  function search(): Promise<void> {
    return view.value === 'list' ? list.search() : loadCalendar()
  }

  async function reset(): Promise<void> {
    await list.reset()
    await loadCalendar()
  }

  /** After a save: the list and the calendar show the change. */
  function reload(): Promise<void> {
    return view.value === 'list' ? list.load() : loadCalendar()
  }

  watch([view, day], () => void (view.value === 'list' ? list.load() : loadCalendar()))

  return { list, view, day, calendarVisits, calendarLoading, dialog, search, reset, reload, loadCalendar }
}
