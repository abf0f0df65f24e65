import { computed, ref, shallowRef, watch } from 'vue'
import { getCommission } from '@/api/commissions'
import { ApiError, notifyError } from '@/api/http'
import type { Commission, CommissionItem } from '@/api/types'
import { useItemActions } from './useItemActions'

/**
 * One commission with its enterprises, and the steps the user may take on each (the server lists
 * them in the item's `actions`): the insurer withdraws, approves or rejects cancellations; the agency
 * accepts, declines or asks to cancel.
 */
export function useCommissionDetail(id: () => number) {
  const commission = shallowRef<Commission | null>(null)
  const loading = ref(false)
  /** Missing or outside the user's scope (the server answers 404 for both): the page shows not found. */
  const missing = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      commission.value = await getCommission(id(), { silent: true })
      missing.value = false
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        notifyError(error)
        throw error
      }
      commission.value = null
      missing.value = true
    } finally {
      loading.value = false
    }
  }

  const actions = useItemActions(() => load())
  const items = computed<CommissionItem[]>(() => commission.value?.items ?? [])

  /** The steps the user may take on an item now, as the server offers them. */
  const stepsOf = (item: CommissionItem) => item.actions

  watch(id, () => void load(), { immediate: true })

  return { commission, items, loading, missing, actions, stepsOf, load }
}
