import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, effectScope, h, nextTick, ref } from 'vue'
import RemoteSelect from '@/desk/components/RemoteSelect.vue'
import type { OptionSource, SelectOption } from '@/desk/components/option-sources'
import { PAGE_SIZE, SEARCH_DELAY_MS, useRemoteOptions } from '@/desk/composables/useRemoteOptions'
import { i18n } from '@/i18n'

/** A server table of `rows` enterprises, searched by name; records every request. */
function fakeSource(rows = 100) {
  const table: SelectOption[] = Array.from({ length: rows }, (_, i) => ({ value: i + 1, label: `企业${i + 1}` }))
  const searches: { query: string; limit: number; offset: number }[] = []
  const resolved: number[][] = []
  const source: OptionSource = {
    search: (query, { limit, offset }) => {
      searches.push({ query, limit, offset })
      const matches = table.filter((o) => o.label.includes(query))
      return Promise.resolve({ options: matches.slice(offset, offset + limit), total: matches.length })
    },
    resolve: (ids) => {
      resolved.push(ids)
      return Promise.resolve(table.filter((o) => ids.includes(o.value)))
    },
  }
  return { source, searches, resolved }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await nextTick()
}

describe('the options of a remote picker', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function picker(rows: number, chosen: number[] = []) {
    const fake = fakeSource(rows)
    const scope = effectScope()
    const value = ref(chosen)
    const options = scope.run(() => useRemoteOptions(() => fake.source, () => value.value))!
    return { ...fake, ...options, value, stop: () => scope.stop() }
  }

  it('searches once typing pauses, with the last text only', async () => {
    const p = picker(100)
    p.search('企')
    p.search('企业')
    p.search('企业4')
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 1)
    expect(p.searches).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(p.searches).toEqual([{ query: '企业4', limit: PAGE_SIZE, offset: 0 }])
    expect(p.options.value.map((o) => o.value)).toEqual([4, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49])
    p.stop()
  })

  it('does not ask again for the text whose matches are shown (the select re-sends it on opening)', async () => {
    const p = picker(100)
    p.listFirstPage()
    p.search('')
    p.search(' ')
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS)
    p.search('企业5')
    p.search('') // typed and erased within the pause: nothing new to ask
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS)
    expect(p.searches).toEqual([{ query: '', limit: PAGE_SIZE, offset: 0 }])
    p.stop()
  })

  it('drops an answer to an older text that comes back after a newer one', async () => {
    const { source } = fakeSource(100)
    let release = () => {}
    const late: OptionSource = {
      search: (query, page) =>
        query === '企业1' ? new Promise((done) => (release = () => done(source.search(query, page)))) : source.search(query, page),
      resolve: (ids) => source.resolve(ids),
    }
    const scope = effectScope()
    const p = scope.run(() => useRemoteOptions(() => late, () => []))!
    const older = p.searchNow('企业1')
    await p.searchNow('企业9')
    release()
    await older
    expect(p.options.value.map((o) => o.value)).toEqual([9, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99])
    scope.stop()
  })

  it('shows the label of a chosen value that is on no page of the matches, looked up once', async () => {
    const p = picker(100, [77])
    await settle()
    await p.searchNow('企业1')
    expect(p.resolved).toEqual([[77]])
    expect(p.options.value[0]).toEqual({ value: 77, label: '企业77' })
    expect(p.options.value.filter((o) => o.value === 77)).toHaveLength(1)
    p.value.value = [77, 12] // 12 came with the page: no second look-up
    await settle()
    expect(p.resolved).toEqual([[77]])
    expect(p.options.value.slice(0, 2).map((o) => o.label)).toEqual(['企业77', '企业12'])
  })

  it('pages through the matches, the next page after those shown, until all are there', async () => {
    const p = picker(70)
    await p.searchNow('')
    expect(p.options.value).toHaveLength(PAGE_SIZE)
    expect(p.total.value).toBe(70)
    expect(p.hasMore.value).toBe(true)
    await p.more()
    await p.more()
    expect(p.searches.map((s) => s.offset)).toEqual([0, 30, 60])
    expect(p.options.value.map((o) => o.value)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1))
    expect(p.hasMore.value).toBe(false)
    await p.more()
    expect(p.searches).toHaveLength(3)
    await p.searchNow('企业6') // a new text starts again at its first page
    expect(p.searches.at(-1)).toEqual({ query: '企业6', limit: PAGE_SIZE, offset: 0 })
    expect(p.options.value.map((o) => o.value)).toEqual([6, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69])
  })
})

describe('a picker whose source changes (another agency\'s staff)', () => {
  it('forgets the former matches and lists the new source\'s first page on the next opening', async () => {
    const agencyA = fakeSource(5)
    const agencyB = fakeSource(3)
    const current = ref(agencyA.source)
    const scope = effectScope()
    const p = scope.run(() => useRemoteOptions(() => current.value, () => []))!
    p.listFirstPage()
    await settle()
    expect(p.options.value).toHaveLength(5)
    p.listFirstPage() // once per source
    expect(agencyA.searches).toHaveLength(1)
    current.value = agencyB.source
    await nextTick()
    expect(p.options.value).toEqual([])
    p.listFirstPage()
    await settle()
    expect(agencyB.searches).toEqual([{ query: '', limit: PAGE_SIZE, offset: 0 }])
    expect(p.options.value.map((o) => o.value)).toEqual([1, 2, 3])
    scope.stop()
  })
})

describe('RemoteSelect', () => {
  it('shows the label of its value before the list is ever opened', async () => {
    const fake = fakeSource(100)
    const root = document.createElement('div')
    document.body.append(root)
    const app = createApp({ render: () => h(RemoteSelect, { source: fake.source, modelValue: 88 }) })
    app.use(i18n).mount(root)
    await settle()
    await settle()
    expect(fake.searches).toEqual([]) // nothing listed until opened
    expect(fake.resolved).toEqual([[88]])
    expect(root.textContent).toContain('企业88')
    app.unmount()
  })
})
