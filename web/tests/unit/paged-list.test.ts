import { describe, expect, it } from 'vitest'
import type { PageResult } from '@/api/page'
import { usePagedList } from '@/desk/composables/usePagedList'

interface Pending {
  q: string
  answer: (result: PageResult<string>) => void
}

/** A fetcher whose answers the test releases one by one, in any order. */
function heldFetcher() {
  const pending: Pending[] = []
  const fetchPage = (query: { q: string }) =>
    new Promise<PageResult<string>>((resolve) => pending.push({ q: query.q, answer: resolve }))
  return { pending, fetchPage }
}

const page = (items: string[]): PageResult<string> => ({ items, total: items.length, total_exact: true, limit: 20, offset: 0 })

describe('usePagedList', () => {
  it('keeps the newest query when an older answer comes last', async () => {
    const { pending, fetchPage } = heldFetcher()
    const list = usePagedList(fetchPage, () => ({ q: '' }))
    const all = list.load()
    list.filters.q = '导入测试'
    const searched = list.search()
    expect(pending.map((p) => p.q)).toEqual(['', '导入测试'])

    pending[1].answer(page([]))
    await searched
    expect(list.loading).toBe(false)
    pending[0].answer(page(['恒达化工', '无锡精细']))
    await all

    expect(list.items).toEqual([])
    expect(list.total).toBe(0)
    expect(list.loading).toBe(false)
  })

  it('stays loading while the newest query is out, whatever older answers arrive', async () => {
    const { pending, fetchPage } = heldFetcher()
    const list = usePagedList(fetchPage, () => ({ q: '' }))
    const first = list.load()
    const second = list.search()
    pending[0].answer(page(['恒达化工']))
    await first
    expect(list.loading).toBe(true)
    expect(list.items).toEqual([])

    pending[1].answer(page(['无锡精细']))
    await second
    expect(list.loading).toBe(false)
    expect(list.items).toEqual(['无锡精细'])
  })
})
