import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { useFormSubmit } from '@/desk/composables/useFormSubmit'

/** Mounts a component whose el-form stand-in answers validate() as told. */
function mountForm(valid: () => Promise<boolean>, action: () => Promise<void>) {
  const FakeForm = defineComponent({
    setup(_props, { expose }) {
      expose({ validate: () => valid().then((ok) => (ok ? true : Promise.reject(new Error('invalid')))) })
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
  return state
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
})
