import { computed, ref, shallowRef, watch } from 'vue'
import { getCommission } from '@/api/commissions'
import { ApiError, notifyError } from '@/api/http'
import type { Commission, CommissionItem } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { agencyActions, insurerActions } from './status'
import { useItemActions } from './useItemActions'

/**
 * One commission with its enterprises, and the steps each side may take on them: the insurer
 * withdraws, approves or rejects cancellations; the agency accepts, declines or asks to cancel.
 */
export function useCommissionDetail(id: () => number) {
  const session = useSessionStore()
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

  /** The steps the user may take on an item, by which side of the commission the user is on. */
  function stepsOf(item: CommissionItem) {
    const steps: ReturnType<typeof insurerActions | typeof agencyActions>[number][] = []
    if (session.can(['commission:write'])) steps.push(...insurerActions(item))
    if (session.can(['commission:decide'])) steps.push(...agencyActions(item))
    return steps
  }

  watch(id, () => void load(), { immediate: true })

  return { commission, items, loading, missing, actions, stepsOf, load }
}
