import { describe, expect, it } from 'vitest'
import { createApp, h, nextTick } from 'vue'
import ListPagination from '@/desk/components/ListPagination.vue'
import { i18n, setLocale } from '@/i18n'
import { formatTotal, pagerTotal } from '@/utils/list-total'

describe('formatTotal', () => {
  it('writes an exact total with its thousands grouped', () => {
    expect(formatTotal(9999, true)).toBe('9,999')
    expect(formatTotal(16, true)).toBe('16')
    expect(formatTotal(0, true)).toBe('0')
    expect(formatTotal(100000, true)).toBe('100,000')
    expect(formatTotal(1234567, true)).toBe('1,234,567')
  })

  it('adds a plus when the server stopped counting at its cap', () => {
    expect(formatTotal(10000, false)).toBe('10,000+')
    expect(formatTotal(10000, true)).toBe('10,000')
  })
})

describe('pagerTotal', () => {
  const capped = { total: 10000, exact: false, size: 20 }

  it('is the total when exact', () => {
    expect(pagerTotal({ total: 45, exact: true, page: 3, size: 20, rows: 5 })).toBe(45)
  })

  it('keeps a page after a full one past the cap', () => {
    expect(pagerTotal({ ...capped, page: 1, rows: 20 })).toBe(10000)
    expect(pagerTotal({ ...capped, page: 500, rows: 20 })).toBe(10001)
    expect(pagerTotal({ ...capped, page: 503, rows: 20 })).toBe(10061)
  })

  it('ends at a short page', () => {
    expect(pagerTotal({ ...capped, page: 504, rows: 7 })).toBe(10067)
  })
})

describe('ListPagination', () => {
  function render(list: { page: number; size: number; totalLabel: string; pagerTotal: number }): HTMLElement {
    const root = document.createElement('div')
    const state = { ...list, setPage: async () => {}, setSize: async () => {} }
    createApp({ render: () => h(ListPagination, { list: state }) })
      .use(i18n)
      .mount(root)
    return root
  }
  const label = (root: HTMLElement) => root.querySelector('[data-test="pagination-total"]')?.textContent
  const next = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('button.btn-next')!

  it('shows the capped total with a plus, in Chinese by default and in English', async () => {
    setLocale('zh-CN')
    const list = { page: 1, size: 20, totalLabel: formatTotal(10000, false), pagerTotal: 10000 }
    expect(label(render(list))).toBe('共 10,000+ 条')
    setLocale('en')
    await nextTick()
    expect(label(render(list))).toBe('10,000+ in total')
    setLocale('zh-CN')
  })

  it('keeps next usable on the last page under the cap while pages come back full', () => {
    const atCap = render({ page: 500, size: 20, totalLabel: '10,000+', pagerTotal: 10001 })
    expect(next(atCap).disabled).toBe(false)
    const exactEnd = render({ page: 500, size: 20, totalLabel: '10,000', pagerTotal: 10000 })
    expect(next(exactEnd).disabled).toBe(true)
  })
})
