import { onBeforeMount, watch, type Ref } from 'vue'

/**
 * Runs `fill` each time a dialog opens, and also when the dialog is made already open: list and detail pages
 * load a dialog's code on its first opening (OpenedOnce), so its first `visible` is already true. That first
 * fill waits until setup is done, so the dialog's own watchers (a chosen enterprise loads its details) see
 * it as a change, as they see every later opening.
 */
export function useOnOpen(visible: Ref<boolean>, fill: () => unknown): void {
  watch(visible, (open) => {
    if (open) void fill()
  })
  if (visible.value) onBeforeMount(() => void fill())
}
