import type { ServiceTypeRef } from '@/api/types'
import { currentLocale } from '@/i18n'

/** The names of the service types a commission was made with, in the current language. */
export function serviceTypeNames(types: readonly Pick<ServiceTypeRef, 'name_zh' | 'name_en'>[]): string {
  const english = currentLocale() === 'en'
  return types.map((type) => (english ? type.name_en : type.name_zh)).join(english ? ', ' : '、')
}
