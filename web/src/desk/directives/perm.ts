import type { Directive } from 'vue'
import { useSessionStore } from '@/stores/session'

type PermValue = string | string[]

function apply(el: HTMLElement, value: PermValue): void {
  const perms = Array.isArray(value) ? value : [value]
  el.style.display = useSessionStore().can(perms) ? '' : 'none'
}

/**
 * `v-perm="'org:write'"` hides an element unless the user holds the permission(s).
 * The element is hidden rather than removed so Vue's patching stays intact; the server checks anyway.
 */
export const vPerm: Directive<HTMLElement, PermValue> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}

declare module 'vue' {
  interface GlobalDirectives {
    vPerm: typeof vPerm
  }
}
