import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  archiveEnterprise,
  exportEnterprises,
  listEnterprises,
  restoreEnterprise,
  type EnterpriseExportQuery,
  type EnterpriseSort,
} from '@/api/enterprises'
import type { Enterprise, EnterpriseScale, PermitType, ProductionStatus, RiskLevel } from '@/api/types'
import { useConfirm } from '../../../composables/useConfirm'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'
import { sortKey, type SortChange } from '../../../utils/sort'

export type EnterpriseFilters = {
  q: string
  region_id: number | null | undefined
  industry: string | undefined
  scale: EnterpriseScale | undefined
  risk_level: RiskLevel | undefined
  permit_type: PermitType | undefined
  production_status: ProductionStatus | undefined
  park_id: number | null | undefined
  archived: boolean
  sort: EnterpriseSort | undefined
}

/** Table columns that sort on the server, by the column's prop. */
const SORT_KEYS: Partial<Record<string, 'name' | 'credit_code' | 'risk_level' | 'updated_at'>> = {
  name: 'name',
  credit_code: 'credit_code',
  risk_level: 'risk_level',
  updated_at: 'updated_at',
}

/** The filters as query parameters (the export takes the same ones as the list). */
export function enterpriseQuery(filters: EnterpriseFilters): EnterpriseExportQuery {
  return {
    ...filters,
    q: filters.q.trim(),
    region_id: filters.region_id ?? undefined,
    park_id: filters.park_id ?? undefined,
    industry: filters.industry || undefined,
  }
}

/** Enterprises page: filters, server-side sorting, create/edit dialog, archive and restore, import and export. */
export function useEnterprises() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const list = usePagedList<Enterprise, EnterpriseFilters>(
    ({ limit, offset, ...filters }) => listEnterprises({ ...enterpriseQuery(filters), limit, offset }),
    () => ({
      q: '',
      region_id: undefined,
      industry: undefined,
      scale: undefined,
      risk_level: undefined,
      permit_type: undefined,
      production_status: undefined,
      park_id: undefined,
      archived: false,
      sort: undefined,
    }),
  )
  const dialog = useEditDialog<Enterprise>()
  const importing = ref(false)
  const exporting = ref(false)

  function onSortChange(change: SortChange): Promise<void> {
    list.filters.sort = sortKey(SORT_KEYS, change)
    return list.search()
  }

  async function archive(enterprise: Enterprise): Promise<void> {
    if (!(await confirm(t('enterprise.archiveConfirm', { name: enterprise.name })))) return
    await archiveEnterprise(enterprise.id)
    ElMessage.success(t('enterprise.archived'))
    await list.load()
  }

  async function restore(enterprise: Enterprise): Promise<void> {
    await restoreEnterprise(enterprise.id)
    ElMessage.success(t('enterprise.restored'))
    await list.load()
  }

  async function exportList(): Promise<void> {
    exporting.value = true
    try {
      await exportEnterprises(enterpriseQuery(list.filters))
    } finally {
      exporting.value = false
    }
  }

  return { list, dialog, importing, exporting, onSortChange, archive, restore, exportList }
}
