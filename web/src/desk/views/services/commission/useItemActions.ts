import { ElMessage } from 'element-plus'
import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { actOnItem, type ItemAction } from '@/api/commissions'
import type { CommissionItem, CommissionItemDetail } from '@/api/types'
import { useConfirm } from '../../../composables/useConfirm'

/** Steps that ask for a reason first (the server refuses them without one). */
function needsReason(action: ItemAction, item: CommissionItem): boolean {
  return action === 'decline' || action === 'request_cancel' || action === 'reject_cancel' || (action === 'withdraw' && item.status === 'accepted')
}

/**
 * The steps of a commission item as both sides take them, on the inbox and the commission page:
 * reasons through one ReasonDialog (the page renders it from `reason`), confirmations for the rest,
 * one step at a time. `done` gets the item after the step.
 */
export function useItemActions(done: (item: CommissionItemDetail) => unknown) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const busy = ref<number | null>(null)
  const reason = reactive({ visible: false, title: '', label: '', initial: '' })
  let pending: { item: CommissionItem; action: ItemAction } | null = null

  async function send(item: CommissionItem, action: ItemAction, text?: string): Promise<void> {
    if (busy.value !== null) return
    busy.value = item.id
    try {
      const after = await actOnItem(item.id, action, text)
      ElMessage.success(t(`commissionItem.done.${action}`))
      await done(after)
    } finally {
      busy.value = null
    }
  }

  async function run(item: CommissionItem, action: ItemAction): Promise<void> {
    const name = item.enterprise.name
    if (needsReason(action, item)) {
      pending = { item, action }
      Object.assign(reason, {
        visible: true,
        title: `${t(`commissionItem.action.${action}`)} · ${name}`,
        label: t(action === 'reject_cancel' ? 'commissionItem.rejectReason' : 'commissionItem.reason'),
        initial: action === 'request_cancel' ? t('commissionItem.wrongData') : '',
      })
      return
    }
    if (action === 'accept' || action === 'approve_cancel' || action === 'withdraw') {
      if (!(await confirm(t(`commissionItem.confirm.${action}`, { name })))) return
    }
    await send(item, action)
  }

  /** The ReasonDialog's answer: takes the step that asked for it. */
  async function confirmReason(text: string): Promise<void> {
    if (!pending) return
    const { item, action } = pending
    await send(item, action, text)
    closeReason()
  }

  /** Closes the ReasonDialog; closed without an answer, the step is not taken. */
  function closeReason(): void {
    reason.visible = false
    pending = null
  }

  return reactive({ busy, reason, run, confirmReason, closeReason })
}
