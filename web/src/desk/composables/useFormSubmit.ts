import type { FormInstance } from 'element-plus'
import { ref, useTemplateRef } from 'vue'
import { ApiError, notifyError } from '@/api/http'
import type { FieldError } from '@/api/types'

/** The form-item prop of a server field name: `contacts[1].name` → `contacts.1.name`. */
export function fieldProp(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1')
}

/**
 * Marks the server's field errors (422, 409) at the form items with the same prop, as if the
 * item's own rule had failed, and scrolls to the first. Returns the props marked and the errors no item shows.
 */
export function showFieldErrors(form: FormInstance, errors: readonly FieldError[]) {
  const placed: string[] = []
  const unplaced: FieldError[] = []
  for (const error of errors) {
    const prop = fieldProp(error.field)
    const item = form.getField(prop)
    if (!item) {
      unplaced.push(error)
      continue
    }
    item.validateMessage = error.message
    item.validateState = 'error'
    placed.push(prop)
  }
  if (placed.length) form.scrollToField(placed[0])
  return { placed, unplaced }
}

/**
 * Validates an Element Plus form, then runs the action once at a time (no double submit).
 * Field errors in the server's answer appear at their form items (the request client has already
 * shown the answer's message); errors of fields the form does not show are listed in one message.
 * The calling component marks its el-form with ref="formRef".
 */
export function useFormSubmit(action: () => Promise<void>) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const submitting = ref(false)
  /** Items showing a server error; cleared on the next submit, as items without rules would keep it. */
  let marked: string[] = []

  async function submit(): Promise<void> {
    if (submitting.value) return
    submitting.value = true
    try {
      if (marked.length) formRef.value?.clearValidate(marked)
      marked = []
      const valid = await formRef.value?.validate().catch(() => false)
      if (valid) await action()
    } catch (error) {
      if (!(error instanceof ApiError) || !error.fieldErrors.length || !formRef.value) throw error
      const { placed, unplaced } = showFieldErrors(formRef.value, error.fieldErrors)
      marked = placed
      if (unplaced.length) notifyError(new Error(unplaced.map((e) => `${e.field}: ${e.message}`).join('；')))
    } finally {
      submitting.value = false
    }
  }

  return { formRef, submitting, submit }
}
