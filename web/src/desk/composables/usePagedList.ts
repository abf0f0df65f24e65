import { computed, reactive, ref, shallowRef } from 'vue'
import type { PageQuery, PageResult } from '@/api/page'
import { formatTotal, pagerTotal } from '@/utils/list-total'

/**
 * State of a filtered, paged table: filters, current page, rows and total (`totalLabel` to show it, `pagerTotal`
 * for the pager, both right when the server's total stops at its count cap).
 * `initialFilters` builds the empty filter set, used again by reset(). Returned as one reactive
 * object so templates read `list.items`, `list.loading` directly.
 * Pages load the first page in `onBeforeMount`, so its request is under way while the page renders (on a cold
 * first page the render is the longest task) rather than sent after it.
 */
export function usePagedList<T, F extends object>(
  fetchPage: (query: F & PageQuery) => Promise<PageResult<T>>,
  initialFilters: () => F,
  pageSize = 20,
) {
  const filters = reactive(initialFilters()) as F
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const totalExact = ref(true)
  const page = ref(1)
  const size = ref(pageSize)
  const loading = ref(false)
  // Numbers each load: a slow answer to an older query must not replace the rows of a newer one.
  let latest = 0

  async function load(): Promise<void> {
    const mine = ++latest
    loading.value = true
    try {
      const result = await fetchPage({ ...filters, limit: size.value, offset: (page.value - 1) * size.value })
      if (mine !== latest) return
      items.value = result.items
      total.value = result.total
      totalExact.value = result.total_exact
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  function setPage(value: number): Promise<void> {
    page.value = value
    return load()
  }

  function setSize(value: number): Promise<void> {
    size.value = value
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(filters, initialFilters())
    return search()
  }

  const totalLabel = computed(() => formatTotal(total.value, totalExact.value))
  const pagedTotal = computed(() =>
    pagerTotal({ total: total.value, exact: totalExact.value, page: page.value, size: size.value, rows: items.value.length }),
  )

  return reactive({
    filters,
    items,
    total,
    totalExact,
    totalLabel,
    pagerTotal: pagedTotal,
    page,
    size,
    loading,
    load,
    search,
    setPage,
    setSize,
    reset,
  })
}
