/** The status filter of a list: all, active only, inactive only. */
export type ActiveFilter = '' | 'true' | 'false'

export function activeParam(filter: ActiveFilter): boolean | undefined {
  return filter === '' ? undefined : filter === 'true'
}
