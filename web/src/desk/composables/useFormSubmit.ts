import type { FormInstance } from 'element-plus'
import { ref, useTemplateRef } from 'vue'

/**
 * Validates an Element Plus form, then runs the action once at a time (no double submit).
 * The calling component marks its el-form with ref="formRef".
 */
export function useFormSubmit(action: () => Promise<void>) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const submitting = ref(false)

  async function submit(): Promise<void> {
    if (submitting.value) return
    submitting.value = true
    try {
      const valid = await formRef.value?.validate().catch(() => false)
      if (valid) await action()
    } finally {
      submitting.value = false
    }
  }

  return { formRef, submitting, submit }
}
