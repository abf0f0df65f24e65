import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, h, nextTick, type Component } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import DictSelect from '@/desk/components/DictSelect.vue'
import RegionTreeSelect from '@/desk/components/RegionTreeSelect.vue'
import { useDictionaryStore } from '@/stores/dictionaries'
import type { Dictionaries } from '@/api/types'
import { i18n } from '@/i18n'

/** The regions API as the tree select calls it: one district and its first level, counted. */
const regionCalls: string[] = []
vi.mock('@/api/regions', () => ({
  getRegion: (id: number) => {
    regionCalls.push(`get ${id}`)
    return Promise.resolve({ id, name: '新吴区', level: 'district', parent_id: 2 })
  },
  listRegions: () => {
    regionCalls.push('list')
    return Promise.resolve({ items: [{ id: 1, name: '江苏省', level: 'province' }], total: 1 })
  },
}))

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await nextTick()
}

const mounted: { unmount(): void }[] = []
afterEach(() => {
  mounted.splice(0).forEach((app) => app.unmount())
  document.body.innerHTML = ''
  regionCalls.length = 0
})

function mount(component: Component, props: Record<string, unknown>) {
  const root = document.createElement('div')
  document.body.append(root)
  const pinia = createPinia()
  setActivePinia(pinia)
  const app = createApp({ render: () => h(component, props) })
  app.use(pinia).use(i18n).mount(root)
  mounted.push(app)
  return root
}

describe('a closed dropdown (web/README, "Dropdowns render when opened")', () => {
  it('DictSelect labels its value with no option in the document', async () => {
    const root = mount(DictSelect, { kind: 'risk_levels', modelValue: 'major' })
    useDictionaryStore().dicts = {
      risk_levels: [
        { value: 'general', zh: '一般', en: 'General' },
        { value: 'major', zh: '较大', en: 'Major' },
      ],
    } as unknown as Dictionaries
    await settle()
    expect(root.textContent).toContain('较大')
    expect(document.querySelectorAll('.el-select-dropdown__item')).toHaveLength(0)
    expect(document.querySelectorAll('.el-popper')).toHaveLength(0)
  })

  it('RegionTreeSelect with nothing chosen makes no tree and asks for no region until opened', async () => {
    mount(RegionTreeSelect, { modelValue: null })
    await settle()
    expect(document.querySelectorAll('.el-tree')).toHaveLength(0)
    expect(regionCalls).toEqual([])
  })

  it('RegionTreeSelect with a region chosen keeps its tree, so the name is shown before its branch loads', async () => {
    const root = mount(RegionTreeSelect, { modelValue: 7 })
    await settle()
    await settle()
    expect(regionCalls).toContain('get 7')
    expect(root.textContent).toContain('新吴区')
    expect(document.querySelectorAll('.el-tree')).toHaveLength(1)
  })
})
