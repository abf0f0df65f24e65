import { watch, type Ref } from 'vue'

/**
 * Runs `fill` each time a dialog opens, and at once when the dialog is made already open: list and detail
 * pages load a dialog's code on its first opening (OpenedOnce), so its first `visible` is already true.
 */
export function useOnOpen(visible: Ref<boolean>, fill: () => unknown): void {
  watch(
    visible,
    (open) => {
      if (open) void fill()
    },
    { immediate: true },
  )
}
