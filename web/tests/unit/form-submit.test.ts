import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { ApiError } from '@/api/http'
import { fieldProp, useFormSubmit } from '@/desk/composables/useFormSubmit'

type FakeItem = { validateState: string; validateMessage: string }

/** Mounts a component whose el-form stand-in answers validate() as told and has items for `props`. */
function mountForm(valid: () => Promise<boolean>, action: () => Promise<void>, props: string[] = []) {
  const items: Record<string, FakeItem> = Object.fromEntries(props.map((p) => [p, { validateState: '', validateMessage: '' }]))
  const FakeForm = defineComponent({
    setup(_props, { expose }) {
      expose({
        validate: () => valid().then((ok) => (ok ? true : Promise.reject(new Error('invalid')))),
        getField: (prop: string) => items[prop],
        scrollToField: () => {},
        clearValidate: (cleared: string[]) => cleared.forEach((p) => Object.assign(items[p], { validateState: '', validateMessage: '' })),
      })
      return () => h('form')
    },
  })
  let state!: ReturnType<typeof useFormSubmit>
  const Host = defineComponent({
    setup() {
      state = useFormSubmit(action)
      return () => h(FakeForm, { ref: 'formRef' })
    },
  })
  createApp(Host).mount(document.createElement('div'))
  return Object.assign(state, { items })
}

describe('useFormSubmit', () => {
  it('runs the action once when submitted twice quickly', async () => {
    let finish!: () => void
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const form = mountForm(async () => true, action)
    const first = form.submit()
    const second = form.submit()
    expect(form.submitting.value).toBe(true)
    await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(1))
    finish()
    await Promise.all([first, second])
    expect(action).toHaveBeenCalledTimes(1)
    expect(form.submitting.value).toBe(false)
  })

  it('does not run the action when the form is invalid', async () => {
    const action = vi.fn(async () => {})
    const form = mountForm(async () => false, action)
    await form.submit()
    expect(action).not.toHaveBeenCalled()
    expect(form.submitting.value).toBe(false)
  })

  it('is ready again after a failed action', async () => {
    const action = vi.fn(async () => {
      throw new Error('409')
    })
    const form = mountForm(async () => true, action)
    await expect(form.submit()).rejects.toThrow('409')
    expect(form.submitting.value).toBe(false)
    await expect(form.submit()).rejects.toThrow('409')
    expect(action).toHaveBeenCalledTimes(2)
  })

  it('shows the server\'s field errors at the form items, nested ones too, and clears them on the next submit', async () => {
    const fieldErrors = [
      { field: 'credit_code', code: 'duplicate_uscc', message: '已登记', message_en: 'is registered' },
      { field: 'contacts[1].name', code: 'required', message: '不能为空', message_en: 'must not be empty' },
    ]
    let fail = true
    const action = vi.fn(async () => {
      if (fail) throw new ApiError(409, 'duplicate_uscc', '已登记', fieldErrors)
    })
    const form = mountForm(async () => true, action, ['credit_code', 'contacts.1.name'])
    await form.submit()
    expect(form.items.credit_code).toEqual({ validateState: 'error', validateMessage: '已登记' })
    expect(form.items['contacts.1.name']).toEqual({ validateState: 'error', validateMessage: '不能为空' })
    fail = false
    await form.submit()
    expect(form.items.credit_code.validateState).toBe('')
  })

  it('reads server field names as form-item props', () => {
    expect(fieldProp('contacts[10].phone')).toBe('contacts.10.phone')
    expect(fieldProp('name')).toBe('name')
  })
})
