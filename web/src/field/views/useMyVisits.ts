import { computed, ref, shallowRef } from 'vue'
import type { Visit } from '@/api/types'
import { listAllVisits } from '@/api/visits'
import { chinaDate } from '@/utils/time'
import { groupByDay } from '@/utils/visits'
import { weekDays } from '@/utils/weeks'

/**
 * 我的服务: the visits of this week (Monday to Sunday, China time) whose team includes the user,
 * and of them those that cover today. Cancelled visits are left out.
 */
export function useMyVisits() {
  const today = chinaDate()
  const days = weekDays(today, today)
  const visits = shallowRef<Visit[]>([])
  const loading = ref(false)
  const loaded = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const all = await listAllVisits({ mine: true, from: days[0].day, to: days[6].day })
      visits.value = all.filter((v) => v.status !== 'cancelled')
      loaded.value = true
    } finally {
      loading.value = false
    }
  }

  const byDay = computed(() => groupByDay(visits.value))
  const todays = computed(() => byDay.value.get(today) ?? [])
  /** The week's days that have visits, each with them. */
  const week = computed(() => days.map((d) => ({ ...d, visits: byDay.value.get(d.day) ?? [] })).filter((d) => d.visits.length))
  const weekCount = computed(() => visits.value.length)

  return { today, visits, todays, week, weekCount, loading, loaded, load }
}
