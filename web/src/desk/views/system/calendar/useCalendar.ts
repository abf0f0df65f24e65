import { ElMessage } from 'element-plus'
import { computed, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { deleteCalendarYear, getCalendarYear, listCalendarYears } from '@/api/calendar'
import type { CalendarYear, CalendarYearSummary } from '@/api/types'
import { chinaDate } from '@/utils/time'
import { useConfirm } from '../../../composables/useConfirm'
import { dayMarks } from './calendar-grid'

/** The calendar page: the year shown and its arrangement, the years with data, and the admin's reset. */
export function useCalendar() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const year = ref(Number(chinaDate().slice(0, 4)))
  const data = shallowRef<CalendarYear | null>(null)
  const years = shallowRef<CalendarYearSummary[]>([])
  const loading = ref(false)
  const marks = computed(() => dayMarks(data.value ?? { holidays: [], working_days: [] }))

  async function load(): Promise<void> {
    const wanted = year.value
    loading.value = true
    try {
      const [list, detail] = await Promise.all([listCalendarYears(), getCalendarYear(wanted)])
      // a later pick wins over an answer that arrives late
      if (wanted !== year.value) return
      years.value = list.items
      data.value = detail
    } finally {
      loading.value = false
    }
  }

  function show(value: number): Promise<void> {
    year.value = value
    return load()
  }

  async function reset(): Promise<void> {
    if (!(await confirm(t('calendar.resetConfirm', { year: year.value })))) return
    await deleteCalendarYear(year.value)
    ElMessage.success(t('calendar.resetDone'))
    await load()
  }

  return reactive({ year, data, years, loading, marks, load, show, reset })
}
