import { ElMessage } from 'element-plus'
import { computed, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { listDeadlines } from '@/api/deadlines'
import { ApiError } from '@/api/http'
import type { Deadline, VisitAction, VisitDetail } from '@/api/types'
import {
  approveReport,
  cancelVisit,
  confirmVisit,
  finishVisit,
  getVisit,
  returnReport,
  startVisit,
  submitReport,
} from '@/api/visits'
import { useSessionStore } from '@/stores/session'
import { useConfirm } from '../../../composables/useConfirm'
import { useReasonPrompt } from '../../../composables/useReasonPrompt'

/** The steps shown as buttons: every action but editing and the records the field app makes on site. */
export type StepAction = Exclude<VisitAction, 'edit' | 'record_training' | 'record_photo_consent'>
const NOT_BUTTONS: readonly VisitAction[] = ['edit', 'record_training', 'record_photo_consent']

/** Actions taken after a yes/no question, and what each sends. */
const SIMPLE: Partial<Record<StepAction, (id: number) => Promise<unknown>>> = {
  confirm: confirmVisit,
  start: startVisit,
  finish: finishVisit,
  submit_report: submitReport,
  approve_report: approveReport,
}

/**
 * One visit with its history and deadlines, and the actions the user may take on it: the status
 * machine's steps (confirm, start, finish, could not enter, cancel) and the report after it
 * (submitted — which uploads the data —, approved or returned with comments).
 */
export function useVisitDetail(id: () => number) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const prompt = useReasonPrompt()
  const session = useSessionStore()
  const visit = shallowRef<VisitDetail | null>(null)
  const deadlines = shallowRef<Deadline[]>([])
  const loading = ref(false)
  const missing = ref(false)
  const busy = ref(false)
  const editing = ref(false)
  const notEntering = ref(false)

  /** The steps the server offers the user now; editing the arrangement has its own button. */
  const actions = computed(() =>
    (visit.value?.actions ?? []).filter((a): a is StepAction => !NOT_BUTTONS.includes(a)),
  )
  const canEdit = computed(() => visit.value?.actions.includes('edit') ?? false)

  async function loadDeadlines(): Promise<void> {
    if (!session.can(['deadline:read'])) return
    deadlines.value = (await listDeadlines({ object_type: 'visit', object_id: id(), status: 'all', limit: 50 })).items
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      visit.value = await getVisit(id())
      missing.value = false
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
      missing.value = true
      return
    } finally {
      loading.value = false
    }
    await loadDeadlines()
  }

  watch(
    id,
    () => {
      visit.value = null
      deadlines.value = []
      void load()
    },
    { immediate: true },
  )

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true
    try {
      await action()
      ElMessage.success(t(done))
      await load()
    } finally {
      busy.value = false
    }
  }

  async function act(action: StepAction): Promise<void> {
    const current = visit.value
    if (!current || busy.value) return
    if (action === 'could_not_enter') {
      notEntering.value = true
      return
    }
    if (action === 'cancel') {
      const reason = await prompt(t('visit.actions.cancel'), t('visit.cancelReason'))
      if (reason !== null) await run(() => cancelVisit(current.id, reason), 'visit.done.cancel')
      return
    }
    if (action === 'return_report') {
      const reason = await prompt(t('visit.actions.return_report'), t('visit.returnComments'))
      if (reason !== null) await run(() => returnReport(current.id, reason), 'visit.done.return_report')
      return
    }
    const send = SIMPLE[action]
    if (!send || !(await confirm(t(`visit.confirmAction.${action}`, { name: current.enterprise.name })))) return
    await run(() => send(current.id), `visit.done.${action}`)
  }

  return { visit, deadlines, loading, missing, busy, editing, notEntering, actions, canEdit, load, act }
}
