import { onScopeDispose, ref, type Ref } from 'vue'

/** Phones: the width below which the desk drops its side menu and lays pages out in one column. */
export const NARROW_QUERY = '(max-width: 768px)'

/** True while the window is phone-narrow; follows resizes and rotation. */
export function useNarrow(): Ref<boolean> {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  const update = (event: MediaQueryListEvent) => (narrow.value = event.matches)
  query?.addEventListener('change', update)
  onScopeDispose(() => query?.removeEventListener('change', update))
  return narrow
}
