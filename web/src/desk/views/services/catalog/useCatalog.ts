import { computed, shallowRef } from 'vue'
import { listServiceClasses, listServiceTypes, type ServiceTypeQuery } from '@/api/catalog'
import type { CatalogSource, ServiceClass, ServiceInsuranceType, ServiceType } from '@/api/types'
import { activeParam, type ActiveFilter } from '../../../components/active-filter'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

export type CatalogFilters = {
  q: string
  source: CatalogSource | undefined
  class_code: string | undefined
  insurance_type: ServiceInsuranceType | undefined
  active: ActiveFilter
}

export function catalogQuery(filters: CatalogFilters): ServiceTypeQuery {
  return { ...filters, q: filters.q.trim(), active: activeParam(filters.active) }
}

/** 服务目录 page: filters by source and class, the types table, the detail drawer and the admin's dialog. */
export function useCatalog() {
  const list = usePagedList<ServiceType, CatalogFilters>(
    ({ limit, offset, ...filters }) => listServiceTypes({ ...catalogQuery(filters), limit, offset }),
    () => ({ q: '', source: undefined, class_code: undefined, insurance_type: undefined, active: '' }),
  )
  const classes = shallowRef<ServiceClass[]>([])
  /** The classes of the chosen source (all when none is chosen). */
  const classOptions = computed(() => classes.value.filter((c) => !list.filters.source || c.source === list.filters.source))
  const dialog = useEditDialog<ServiceType>()
  /** The type shown in the detail drawer. */
  const shown = shallowRef<number | null>(null)

  async function loadClasses(): Promise<void> {
    classes.value = (await listServiceClasses()).items
  }

  /** A new source keeps the class filter only when the class belongs to it. */
  function onSourceChange(): Promise<void> {
    if (!classOptions.value.some((c) => c.code === list.filters.class_code)) list.filters.class_code = undefined
    return list.search()
  }

  return { list, classes, classOptions, dialog, shown, loadClasses, onSourceChange }
}
