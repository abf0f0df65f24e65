import { ElMessage } from 'element-plus'
import { ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { archiveEnterprise, getEnterprise, restoreEnterprise } from '@/api/enterprises'
import { ApiError } from '@/api/http'
import { listPolicies } from '@/api/policies'
import type { Enterprise, Policy } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { useConfirm } from '../../../composables/useConfirm'
import { usePagedList } from '../../../composables/usePagedList'

export type DetailTab = 'info' | 'policies' | 'env-risk' | 'safety-risk' | 'archive' | 'contacts'

/** One enterprise with its policies (loaded when their tab is first opened), edit, archive and restore. */
export function useEnterpriseDetail(id: () => number) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const session = useSessionStore()
  const enterprise = shallowRef<Enterprise | null>(null)
  const loading = ref(false)
  /** The enterprise does not exist or is outside the user's scope (the server answers 404 for both). */
  const missing = ref(false)
  const tab = ref<DetailTab>('info')
  const editing = ref(false)

  const canWrite = () => session.can(['enterprise:write'])
  /** Writers edit every field; an enterprise user edits a few fields of its own record. */
  const canEdit = () => canWrite() || session.can(['enterprise:self'])
  const canReadPolicies = () => session.can(['policy:read'])

  const policies = usePagedList<Policy, object>(
    (query) => listPolicies({ ...query, enterprise_id: id(), sort: '-starts_on' }),
    () => ({}),
    10,
  )
  let policiesLoaded = false

  async function load(): Promise<void> {
    loading.value = true
    try {
      enterprise.value = await getEnterprise(id())
      missing.value = false
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
      missing.value = true
    } finally {
      loading.value = false
    }
  }

  watch(tab, (current) => {
    if (current === 'policies' && !policiesLoaded) {
      policiesLoaded = true
      void policies.load()
    }
  })

  watch(
    id,
    () => {
      enterprise.value = null
      policiesLoaded = false
      tab.value = 'info'
      void load()
    },
    { immediate: true },
  )

  async function archive(): Promise<void> {
    const current = enterprise.value
    if (!current || !(await confirm(t('enterprise.archiveConfirm', { name: current.name })))) return
    await archiveEnterprise(current.id)
    ElMessage.success(t('enterprise.archived'))
    await load()
  }

  async function restore(): Promise<void> {
    if (!enterprise.value) return
    await restoreEnterprise(enterprise.value.id)
    ElMessage.success(t('enterprise.restored'))
    await load()
  }

  return { enterprise, loading, missing, tab, editing, policies, canWrite, canEdit, canReadPolicies, load, archive, restore }
}
