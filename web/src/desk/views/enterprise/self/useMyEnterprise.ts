import { onMounted, ref, shallowRef } from 'vue'
import { listEnterprises } from '@/api/enterprises'
import { getOrganization } from '@/api/organizations'
import type { Organization } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import { regionOptions } from '../../../components/option-sources'

/**
 * The enterprise user's own enterprise record (the one whose organization the user belongs to).
 * Until the organization is registered as an enterprise, the page shows the organization itself,
 * with the names of its regions when the user may read regions (enterprise users may not).
 */
export function useMyEnterprise() {
  const session = useSessionStore()
  const showRegions = session.can(['region:read'])
  const enterpriseId = ref<number | null>(null)
  const organization = shallowRef<Organization | null>(null)
  const regionNames = ref<string[]>([])
  const loading = ref(false)

  onMounted(async () => {
    const me = session.me
    if (!me) return
    loading.value = true
    try {
      const page = await listEnterprises({ limit: 20 })
      enterpriseId.value = page.items.find((e) => e.org_id === me.org.id)?.id ?? null
      if (enterpriseId.value !== null) return
      organization.value = await getOrganization(me.org.id)
      if (showRegions) regionNames.value = (await regionOptions.resolve(organization.value.region_ids)).map((o) => o.label)
    } finally {
      loading.value = false
    }
  })

  return { enterpriseId, organization, regionNames, showRegions, loading }
}
