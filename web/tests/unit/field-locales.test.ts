import { describe, expect, it } from 'vitest'
import { fieldOfflineMessages } from '@/field/locales'

function leaves(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? leaves(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value)]]))
}

describe('field app offline messages', () => {
  const zh = new Map(leaves(fieldOfflineMessages['zh-CN']))
  const en = new Map(leaves(fieldOfflineMessages.en))

  it('have the same keys in both languages, none empty', () => {
    expect([...en.keys()]).toEqual([...zh.keys()])
    expect([...zh.values(), ...en.values()].filter((text) => !text.trim())).toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of zh) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text))
  })

  it('name every queued operation the banner may show', () => {
    expect(Object.keys(fieldOfflineMessages['zh-CN'].fieldOffline.ops).sort()).toEqual(['answer', 'consent', 'finding', 'sign', 'submit', 'upload', 'visit_step'])
  })
})
