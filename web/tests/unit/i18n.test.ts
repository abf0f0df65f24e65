import { describe, expect, it } from 'vitest'
import en from '@/i18n/locales/en'
import zhCN from '@/i18n/locales/zh-CN'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'object' && value !== null ? leaves(value) : [value]))
}

describe('message files', () => {
  it('every zh-CN key exists in en', () => {
    const english = new Set(keys(en))
    expect(keys(zhCN).filter((key) => !english.has(key))).toEqual([])
  })

  it('every en key exists in zh-CN', () => {
    const chinese = new Set(keys(zhCN))
    expect(keys(en).filter((key) => !chinese.has(key))).toEqual([])
  })

  it('has no empty messages', () => {
    expect([...leaves(zhCN), ...leaves(en)].filter((text) => typeof text !== 'string' || text.trim() === '')).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const english = Object.fromEntries(keys(en).map((key, i) => [key, leaves(en)[i]]))
    const zhLeaves = leaves(zhCN)
    keys(zhCN).forEach((key, i) => expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(zhLeaves[i])))
  })

  it('has the Chinese menu labels the desk shows by default', () => {
    expect(zhCN.menu).toMatchObject({ home: '工作台', regions: '行政区划', organizations: '组织机构', users: '用户管理', audit: '审计日志', enterprise: '我的企业' })
  })
})
