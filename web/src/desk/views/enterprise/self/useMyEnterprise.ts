import { onMounted, ref, shallowRef } from 'vue'
import { getOrganization } from '@/api/organizations'
import type { Organization } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { regionOptions } from '../../../components/option-sources'

/**
 * The enterprise user's own organization, with the names of its regions when the user may read
 * regions (enterprise users may not, so they see no region row).
 */
export function useMyEnterprise() {
  const session = useSessionStore()
  const showRegions = session.can(['region:read'])
  const organization = shallowRef<Organization | null>(null)
  const regionNames = ref<string[]>([])
  const loading = ref(false)

  onMounted(async () => {
    if (!session.me) return
    loading.value = true
    try {
      organization.value = await getOrganization(session.me.org.id)
      if (showRegions) regionNames.value = (await regionOptions.resolve(organization.value.region_ids)).map((o) => o.label)
    } finally {
      loading.value = false
    }
  })

  return { organization, regionNames, showRegions, loading }
}
