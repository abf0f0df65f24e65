import { reactive, ref, shallowRef } from 'vue'

/** Which row a create/edit dialog works on: null while creating. */
export function useEditDialog<T>() {
  const visible = ref(false)
  const row = shallowRef<T | null>(null)

  function openCreate(): void {
    row.value = null
    visible.value = true
  }

  function openEdit(target: T): void {
    row.value = target
    visible.value = true
  }

  return reactive({ visible, row, openCreate, openEdit })
}
