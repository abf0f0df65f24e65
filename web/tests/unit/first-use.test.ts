import { describe, expect, it } from 'vitest'
import { madeOnFirstUse } from '@/utils/first-use'

describe('madeOnFirstUse', () => {
  it('makes nothing until asked, then once', () => {
    let made = 0
    const get = madeOnFirstUse(() => ({ n: ++made }))
    expect(made).toBe(0)
    const first = get()
    expect(get()).toBe(first)
    expect(made).toBe(1)
  })
})
