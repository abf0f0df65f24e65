import { ref, shallowRef } from 'vue'
import type { EnvSubstance } from '@/api/envRisk'
import { searchSubstances } from '@/api/envRisk'

/** Substances matching what is typed (name, alias or CAS), the newest question's answer only. */
export function useSubstanceSearch() {
  const hits = shallowRef<EnvSubstance[]>([])
  const searching = ref(false)
  let asked = 0
  async function search(text: string): Promise<void> {
    const question = ++asked
    const q = text.trim()
    if (!q) {
      hits.value = []
      return
    }
    searching.value = true
    try {
      const answer = await searchSubstances(q)
      if (question === asked) hits.value = answer.items.slice(0, 20)
    } finally {
      if (question === asked) searching.value = false
    }
  }
  return { hits, searching, search }
}
