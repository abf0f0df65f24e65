import { computed, ref, shallowRef, watch } from 'vue'
import { getHazard, type HazardStep } from '@/api/hazards'
import { ApiError } from '@/api/http'
import type { HazardDetail } from '@/api/types'
import { stepButtons } from '../model'

/** One hazard with its progress, re-checks and history, and the steps the server offers the user on it. */
export function useHazardDetail(id: () => number) {
  const hazard = shallowRef<HazardDetail | null>(null)
  const loading = ref(false)
  const missing = ref(false)
  const stepping = ref(false)
  const step = ref<HazardStep | null>(null)
  const editing = ref(false)

  const steps = computed(() => stepButtons(hazard.value?.actions ?? []))
  const canEdit = computed(() => hazard.value?.actions.includes('edit') ?? false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      hazard.value = await getHazard(id())
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
      hazard.value = null
      void load()
    },
    { immediate: true },
  )

  function open(action: HazardStep): void {
    step.value = action
    stepping.value = true
  }

  /** The step answered with the hazard as it now is. */
  function stepped(next: HazardDetail): void {
    hazard.value = next
  }

  return { hazard, loading, missing, steps, canEdit, stepping, step, editing, load, open, stepped }
}
