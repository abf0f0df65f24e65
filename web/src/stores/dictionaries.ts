import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getDictionaries } from '@/api/dictionaries'
import type { DictItem, DictKind, Dictionaries } from '@/api/types'
import { currentLocale } from '@/i18n'

/** Label dictionaries (org types, roles, region levels) served by GET /api/v1/dictionaries. */
export const useDictionaryStore = defineStore('dictionaries', () => {
  const dicts = ref<Dictionaries | null>(null)
  let loading: Promise<void> | null = null

  function ensureLoaded(): Promise<void> {
    loading ??= getDictionaries()
      .then((d) => {
        dicts.value = d
      })
      .catch((error: unknown) => {
        loading = null
        throw error
      })
    return loading
  }

  function items(kind: DictKind): DictItem[] {
    return dicts.value?.[kind] ?? []
  }

  /** The label of a value in the current locale; the raw value while unknown. */
  function label(kind: DictKind, value: string): string {
    const item = items(kind).find((i) => i.value === value)
    if (!item) return value
    return currentLocale() === 'en' ? item.en : item.zh
  }

  return { dicts, ensureLoaded, items, label }
})
