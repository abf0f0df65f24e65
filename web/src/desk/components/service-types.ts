import { listServiceTypes } from '@/api/catalog'
import type { ServiceType } from '@/api/types'

/** The catalog is small reference data: one request per page load serves every select. */
let catalog: Promise<ServiceType[]> | null = null

/** The active service types of the catalog, in catalog order (a failed load is tried again next time). */
export function activeServiceTypes(): Promise<ServiceType[]> {
  catalog ??= listServiceTypes({ active: true, limit: 200 })
    .then((page) => page.items)
    .catch((error: unknown) => {
      catalog = null
      throw error
    })
  return catalog
}
