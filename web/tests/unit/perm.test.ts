import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp, defineComponent, h, withDirectives } from 'vue'
import type { Me } from '@/api/types'
import { vPerm } from '@/desk/directives/perm'
import { useSessionStore } from '@/stores/session'

function render(value: string | string[]): HTMLElement {
  const root = document.createElement('div')
  const Button = defineComponent(() => () => withDirectives(h('button', 'save'), [[vPerm, value]]))
  createApp(Button).mount(root)
  return root.querySelector('button')!
}

describe('v-perm', () => {
  beforeEach(() => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useSessionStore().me = { permissions: ['org:read', 'profile'] } as Me
  })

  it('shows elements whose permissions the user holds', () => {
    expect(render('org:read').style.display).toBe('')
    expect(render(['org:read', 'profile']).style.display).toBe('')
  })

  it('hides elements needing a permission the user lacks', () => {
    expect(render('org:write').style.display).toBe('none')
    expect(render(['org:read', 'user:write']).style.display).toBe('none')
  })
})
