import type { Enterprise } from '@/api/types'

/** "新吴区 / 硕放街道"; just the district when the enterprise sits in the district itself. */
export function regionText(enterprise: Pick<Enterprise, 'district_name' | 'region_name'>): string {
  const { district_name: district, region_name: region } = enterprise
  if (!district || district === region) return region || '—'
  return `${district} / ${region}`
}

/** "120.490000, 31.645000" (longitude, latitude), or '—' when not located. */
export function coordinatesText(enterprise: Pick<Enterprise, 'longitude' | 'latitude'>): string {
  const { longitude, latitude } = enterprise
  if (longitude === null || longitude === undefined || latitude === null || latitude === undefined) return '—'
  return `${longitude.toFixed(6)}, ${latitude.toFixed(6)}`
}

/** "2023-06-01 ~ 2028-05-31", with '—' for an open end. */
export function periodText(from: string | null | undefined, until: string | null | undefined): string {
  if (!from && !until) return '—'
  return `${from || '—'} ~ ${until || '—'}`
}
