import { afterEach, describe, expect, it } from 'vitest'
import { createApp, defineComponent, h, nextTick, reactive, ref, watch, type Component } from 'vue'
import { createPinia } from 'pinia'
import OpenedOnce from '@/desk/components/OpenedOnce.vue'
import { useOnOpen } from '@/desk/composables/useOnOpen'
import RegionForm from '@/desk/views/system/region/form.vue'
import type { Region } from '@/api/types'
import { i18n } from '@/i18n'

const mounted: { unmount(): void }[] = []
afterEach(() => {
  mounted.splice(0).forEach((app) => app.unmount())
  document.body.innerHTML = ''
})

function mount(render: () => ReturnType<typeof h>): HTMLElement {
  const root = document.createElement('div')
  document.body.append(root)
  const app = createApp({ render })
  app.use(createPinia()).use(i18n).mount(root)
  mounted.push(app)
  return root
}

describe('a page dialog loaded on its first opening (OpenedOnce, useOnOpen)', () => {
  it('OpenedOnce renders nothing until first opened, then keeps its content when closed', async () => {
    const open = ref(false)
    const root = mount(() => h(OpenedOnce, { when: open.value }, () => h('p', { class: 'dialog' }, 'form')))
    expect(root.querySelector('.dialog')).toBeNull()
    open.value = true
    await nextTick()
    expect(root.querySelector('.dialog')?.textContent).toBe('form')
    open.value = false
    await nextTick()
    expect(root.querySelector('.dialog')?.textContent).toBe('form')
  })

  it('useOnOpen fills at once when made open, and on every later opening, never while closed', async () => {
    const fills: boolean[] = []
    const visible = ref(true)
    const Dialog: Component = defineComponent({
      setup() {
        useOnOpen(visible, () => fills.push(visible.value))
        return () => null
      },
    })
    mount(() => h(Dialog))
    expect(fills).toEqual([true])
    visible.value = false
    await nextTick()
    expect(fills).toEqual([true])
    visible.value = true
    await nextTick()
    expect(fills).toEqual([true, true])
  })

  it("a dialog's own watchers, set up after useOnOpen, see the first fill as a change", async () => {
    const loaded: number[] = []
    const Dialog: Component = defineComponent({
      setup() {
        const form = reactive({ enterpriseId: 0 })
        useOnOpen(ref(true), () => (form.enterpriseId = 42))
        watch(
          () => form.enterpriseId,
          (id) => loaded.push(id),
        )
        return () => h('span', { class: 'chosen' }, String(form.enterpriseId))
      },
    })
    const root = mount(() => h(Dialog))
    expect(root.querySelector('.chosen')?.textContent).toBe('42')
    await nextTick()
    expect(loaded).toEqual([42])
  })

  it('a form made already open shows the row it edits', async () => {
    const region = { id: 7, code: '320214', name: '新吴区', level: 'district', parent_id: 2 } as Region
    mount(() => h(RegionForm, { visible: true, region, parent: null, level: null }))
    await nextTick()
    await nextTick()
    const name = document.body.querySelector<HTMLInputElement>('[data-test="region-name"] input, input[data-test="region-name"]')
    expect(name).not.toBeNull()
    expect(name?.value).toBe('新吴区')
  })
})
