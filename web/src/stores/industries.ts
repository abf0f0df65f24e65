import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { listIndustries } from '@/api/industries'
import type { Industry } from '@/api/types'

/** A class of the classification with the classes below it, as cascaders take them. */
export type IndustryNode = {
  code: string
  label: string
  level: number
  children?: IndustryNode[]
}

/**
 * GB/T 4754-2017 (GET /api/v1/industries), loaded once: about 2,000 classes in four levels
 * (门类 section letter, 大类 division, 中类 group, 小类 class).
 */
export const useIndustryStore = defineStore('industries', () => {
  const items = shallowRef<Industry[]>([])
  let loading: Promise<void> | null = null

  function ensureLoaded(): Promise<void> {
    loading ??= listIndustries()
      .then((list) => {
        items.value = list.items
      })
      .catch((error: unknown) => {
        loading = null
        throw error
      })
    return loading
  }

  const tree = computed<IndustryNode[]>(() => {
    const nodes = new Map<string, IndustryNode>()
    const roots: IndustryNode[] = []
    for (const item of items.value) {
      nodes.set(item.code, { code: item.code, label: `${item.code} ${item.name}`, level: item.level })
    }
    for (const item of items.value) {
      const node = nodes.get(item.code)!
      const parent = item.parent ? nodes.get(item.parent) : undefined
      if (parent) (parent.children ??= []).push(node)
      else roots.push(node)
    }
    return roots
  })

  return { items, tree, ensureLoaded }
})
