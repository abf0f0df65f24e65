import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import type { OptionSource, SelectOption } from '../components/option-sources'

/** A pause in typing this long sends the search; each keystroke before it restarts the wait. */
export const SEARCH_DELAY_MS = 300
export const PAGE_SIZE = 30

/**
 * The options of a remote picker: the server's matches for the typed text, a page at a time (an answer to
 * an older text or page is dropped), with the chosen values always listed first by their labels — looked
 * up once when they are not among the matches, since a table of 100,000 rows is never loaded whole.
 */
export function useRemoteOptions(source: () => OptionSource, chosen: () => number[], pageSize = PAGE_SIZE) {
  const found = shallowRef<SelectOption[]>([])
  const labels = shallowRef(new Map<number, SelectOption>())
  const total = ref(0)
  const loading = ref(false)
  const loadingMore = ref(false)
  let query: string | null = null // the text of the matches shown (or asked for); null before any
  const offset = ref(0) // rows the server has sent for `query` (a source may fold rows into fewer options)
  let asked = 0 // the latest request; answers to earlier ones are stale
  let timer: ReturnType<typeof setTimeout> | undefined

  function remember(options: SelectOption[]): void {
    if (!options.length) return
    const next = new Map(labels.value)
    for (const option of options) next.set(option.value, option)
    labels.value = next
  }

  async function fetchPage(first: boolean): Promise<void> {
    const request = ++asked
    const busy = first ? loading : loadingMore
    busy.value = true
    try {
      const from = first ? 0 : offset.value
      const page = await source().search(query ?? '', { limit: pageSize, offset: from })
      if (request !== asked) return
      found.value = first ? page.options : [...found.value, ...page.options]
      offset.value = from + pageSize
      total.value = page.total
      remember(page.options)
    } finally {
      if (request === asked) busy.value = false
    }
  }

  /** Searches for `text` once typing pauses; the text of the matches shown is not asked for again. */
  function search(text: string): void {
    clearTimeout(timer)
    if (text.trim() === query) return
    timer = setTimeout(() => void searchNow(text), SEARCH_DELAY_MS)
  }

  /** Searches for `text` at once (the first opening lists the first page before anything is typed). */
  function searchNow(text: string): Promise<void> {
    clearTimeout(timer)
    query = text.trim()
    return fetchPage(true)
  }

  const hasMore = computed(() => offset.value < total.value)

  /** The first page before anything is typed, once per source (the first opening lists it). */
  function listFirstPage(): void {
    if (query === null) void searchNow('')
  }

  // Another source (say, another agency's staff) makes the matches of the former one meaningless.
  watch(source, () => {
    asked++
    found.value = []
    total.value = 0
    offset.value = 0
    query = null
  })

  /** The next page of the current text's matches, after those shown. */
  function more(): Promise<void> {
    return hasMore.value && !loading.value && !loadingMore.value ? fetchPage(false) : Promise.resolve()
  }

  const options = computed(() => {
    const ids = chosen()
    const first = ids.map((id) => labels.value.get(id)).filter((o) => o !== undefined)
    return [...first, ...found.value.filter((o) => !ids.includes(o.value))]
  })

  watch(
    chosen,
    async (ids) => {
      const missing = ids.filter((id) => !labels.value.has(id))
      if (missing.length) remember(await source().resolve(missing))
    },
    { immediate: true },
  )
  onScopeDispose(() => clearTimeout(timer))

  return { options, total, loading, loadingMore, hasMore, search, searchNow, listFirstPage, more }
}
