import { describe, expect, it } from 'vitest'
import type { ArchiveItem, ArchiveVerification } from '@/api/types'
import en from '@/i18n/locales/en'
import zhCN from '@/i18n/locales/zh-CN'
import { ELECTRONIC_TAG, completenessColor, needsValidUntil, paperReasonRequired, verificationAlert } from '@/desk/views/archive/model'

const item = (expiry: ArchiveItem['expiry']): ArchiveItem => ({
  code: '3-1',
  name_zh: '排污许可证正本（副本）',
  name_en: 'Discharge permit',
  category_zh: '排污许可执行情况',
  category_en: 'Discharge permit',
  expiry,
  revise_years: null,
  electronic: 'missing',
  paper: 'unknown',
  complete: false,
  applicable: true,
  paper_reason: '',
  electronic_reason: '',
  versions: 0,
  current: null,
})

const verification = (broken: ArchiveVerification['broken']): ArchiveVerification => ({
  ok: broken === null,
  entries: 12,
  documents: 4,
  states: 2,
  checked_at: '2026-06-01T02:00:00Z',
  broken,
})

describe('archive model', () => {
  it('colours the completeness bar by its thresholds', () => {
    expect(completenessColor(59)).toBe('#f56c6c')
    expect(completenessColor(60)).toBe('#e6a23c')
    expect(completenessColor(89)).toBe('#e6a23c')
    expect(completenessColor(90)).toBe('#67c23a')
  })

  it('asks for an end date only where the document states one', () => {
    expect(needsValidUntil(item('valid_until'))).toBe(true)
    expect(needsValidUntil(item('revise_years'))).toBe(false)
    expect(needsValidUntil(item(''))).toBe(false)
  })

  it('needs a reason for 否 where the list says so (xuzhou 表E.1)', () => {
    expect(paperReasonRequired(true, false)).toBe(true)
    expect(paperReasonRequired(true, true)).toBe(false)
    expect(paperReasonRequired(true, null)).toBe(false)
    expect(paperReasonRequired(false, false)).toBe(false)
  })

  it('names the first broken link with a translated reason', () => {
    expect(verificationAlert(verification(null))).toEqual({ type: 'success', reasonKey: null })
    const broken = verificationAlert(
      verification({ seq: 7, reason: 'file_changed', enterprise_id: 3, document_id: 9, item_code: '3-1' }),
    )
    expect(broken).toEqual({ type: 'error', reasonKey: 'archive.broken.file_changed' })
    expect(zhCN.archive.broken.file_changed).toBe('存储的文件字节被改动')
    expect(en.archive.broken.file_changed).toBe("a stored file's bytes were changed")
  })

  it('has a colour and both labels for every electronic status', () => {
    const statuses = Object.keys(ELECTRONIC_TAG)
    expect(statuses).toHaveLength(4)
    for (const status of statuses) {
      expect(zhCN.archive.electronicStatus[status as keyof typeof zhCN.archive.electronicStatus]).toBeTruthy()
      expect(en.archive.electronicStatus[status as keyof typeof en.archive.electronicStatus]).toBeTruthy()
    }
  })
})
