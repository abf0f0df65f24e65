import { currentLocale } from '@/i18n'
import type { ColumnTemplate, ItemTemplate, OptionTemplate } from './template'

/** A template text in the UI language: the English one where the template has it, else the seed's Chinese. */
export function localized(zh: string, en: string | undefined): string {
  return currentLocale() === 'en' && en ? en : zh
}

const optionLabel = (options: OptionTemplate[] | undefined, value: string) => {
  const option = options?.find((o) => o.value === value)
  return option ? localized(option.label, option.label_en) : value
}

/** A scalar as text; anything else as JSON (so nothing shows as [object Object]). */
const plain = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value))

/** An answer's value as a person reads it (option labels, not codes), for the conflict choice. */
export function valueText(item: Pick<ItemTemplate, 'kind' | 'options'> | ColumnTemplate, value: unknown, photos: (n: number) => string): string {
  if (value === null || value === undefined || value === '') return '—'
  const list = Array.isArray(value) ? (value as unknown[]) : null
  switch (item.kind) {
    case 'yes_no':
    case 'single':
      return optionLabel(item.options, plain(value))
    case 'multiple':
      return list ? list.map((v) => optionLabel(item.options, plain(v))).join('、') : plain(value)
    case 'photo':
      return list ? photos(list.length) : plain(value)
    case 'table':
      return list ? list.map((row) => Object.values((row as { cells?: Record<string, unknown> }).cells ?? {}).map(plain).join(' / ')).join('；') : plain(value)
    default:
      return plain(value)
  }
}
