import { computed, ref, shallowRef, watch } from 'vue'
import { ApiError } from '@/api/http'
import { getInspectionDetail, getInspectionPhotoFlags, listTrainingRecords } from '@/api/inspections'
import type { InspectionDetail, TrainingRecord } from '@/api/types'
import { flagsByFile, itemsById, shownSections, type PhotoFlag } from './model'

/** One inspection read-only: its sections with answers, its photos' flags, and its visit's training records. */
export function useInspectionDetail(id: () => number) {
  const detail = shallowRef<InspectionDetail | null>(null)
  const flags = shallowRef<Map<number, PhotoFlag[]>>(new Map())
  const trainings = shallowRef<TrainingRecord[]>([])
  const loading = ref(false)
  const missing = ref(false)

  const sections = computed(() => (detail.value ? shownSections(detail.value) : []))
  const items = computed(() => (detail.value ? itemsById(detail.value) : new Map()))
  const canAmend = computed(() => detail.value?.actions.includes('amend') ?? false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const inspection = await getInspectionDetail(id())
      const [photoFlags, records] = await Promise.all([getInspectionPhotoFlags(inspection.id), listTrainingRecords(inspection.visit_id)])
      detail.value = inspection
      flags.value = flagsByFile(photoFlags.items)
      trainings.value = records.items
      missing.value = false
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
      missing.value = true
    } finally {
      loading.value = false
    }
  }

  watch(
    id,
    () => {
      detail.value = null
      void load()
    },
    { immediate: true },
  )

  return { detail, flags, trainings, sections, items, canAmend, loading, missing, load }
}
