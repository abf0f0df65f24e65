import { computed, ref, shallowRef } from 'vue'
import type { Visit } from '@/api/types'
import { listAllVisits } from '@/api/visits'
import { addDays, chinaDate } from '@/utils/time'
import { fieldDb } from '../offline/db'
import { AHEAD_DAYS, fieldAgenda } from './agenda'

/** A visit that started this long before today may still cover today (the longest visits are shorter). */
const LONGEST_VISIT_DAYS = 31

/**
 * 我的服务: the visits whose team includes the user, from today to six days ahead, and the planned
 * ones whose days are over but that were never started (overdue). Cancelled visits are left out.
 * Offline, the visits downloaded to the phone.
 */
export function useMyVisits() {
  const today = chinaDate()
  const visits = shallowRef<Visit[]>([])
  const loading = ref(false)
  const loaded = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      if (!navigator.onLine) {
        // offline: the visits downloaded to the phone, with their status as the phone knows it
        visits.value = (await (await fieldDb()).getAll('visits')).map((c) => c.visit)
        loaded.value = true
        return
      }
      const yesterday = addDays(today, -1)
      const lists = await Promise.all([
        listAllVisits({ mine: true, from: addDays(today, -LONGEST_VISIT_DAYS), to: addDays(today, AHEAD_DAYS - 1) }),
        listAllVisits({ mine: true, status: 'planned', to: yesterday }),
        listAllVisits({ mine: true, status: 'confirmed', to: yesterday }),
      ])
      visits.value = [...new Map(lists.flat().map((v) => [v.id, v])).values()]
      loaded.value = true
    } finally {
      loading.value = false
    }
  }

  const agenda = computed(() => fieldAgenda(visits.value, today))
  const todays = computed(() => agenda.value.days.find((d) => d.today)?.visits ?? [])
  const overdue = computed(() => agenda.value.overdue)
  /** The next seven days that have visits, each with them. */
  const week = computed(() => agenda.value.days)
  const weekCount = computed(() => new Set(week.value.flatMap((d) => d.visits.map((v) => v.id))).size)

  return { today, visits, todays, overdue, week, weekCount, loading, loaded, load }
}
