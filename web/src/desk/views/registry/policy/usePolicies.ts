import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { deletePolicy, exportPolicies, listPolicies, type PolicyExportQuery, type PolicySort } from '@/api/policies'
import type { InsuranceType, Policy, PolicyStatus } from '@/api/types'
import { useConfirm } from '../../../composables/useConfirm'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'
import { sortKey, type SortChange } from '../../../utils/sort'

export type PolicyFilters = {
  q: string
  insurance_type: InsuranceType | undefined
  status: PolicyStatus | undefined
  insurer_id: number | null | undefined
  in_force_on: string | null | undefined
  sort: PolicySort | undefined
}

const SORT_KEYS: Partial<Record<string, 'policy_number' | 'starts_on' | 'ends_on' | 'premium'>> = {
  policy_number: 'policy_number',
  starts_on: 'starts_on',
  ends_on: 'ends_on',
  premium: 'premium',
}

export function policyQuery(filters: PolicyFilters): PolicyExportQuery {
  return {
    ...filters,
    q: filters.q.trim(),
    insurer_id: filters.insurer_id ?? undefined,
    in_force_on: filters.in_force_on ?? undefined,
  }
}

/** Policies page: filters, server-side sorting, create/edit dialog, delete, import and export. */
export function usePolicies() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const list = usePagedList<Policy, PolicyFilters>(
    ({ limit, offset, ...filters }) => listPolicies({ ...policyQuery(filters), limit, offset }),
    () => ({ q: '', insurance_type: undefined, status: undefined, insurer_id: undefined, in_force_on: undefined, sort: undefined }),
  )
  const dialog = useEditDialog<Policy>()
  const importing = ref(false)
  const exporting = ref(false)

  function onSortChange(change: SortChange): Promise<void> {
    list.filters.sort = sortKey(SORT_KEYS, change)
    return list.search()
  }

  async function remove(policy: Policy): Promise<void> {
    if (!(await confirm(t('policy.deleteConfirm', { number: policy.policy_number })))) return
    await deletePolicy(policy.id)
    ElMessage.success(t('common.deleted'))
    await list.load()
  }

  async function exportList(): Promise<void> {
    exporting.value = true
    try {
      await exportPolicies(policyQuery(list.filters))
    } finally {
      exporting.value = false
    }
  }

  return { list, dialog, importing, exporting, onSortChange, remove, exportList }
}
