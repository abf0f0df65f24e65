/** An el-table `sort-change` event. */
export interface SortChange {
  prop: string | null
  order: 'ascending' | 'descending' | null
}

/**
 * A table's sort as the API's sort key: the column's key, '-' in front for descending;
 * undefined (the server's default order) when sorting is off or the column does not sort.
 */
export function sortKey<K extends string>(keys: Partial<Record<string, K>>, { prop, order }: SortChange): K | `-${K}` | undefined {
  const key = prop ? keys[prop] : undefined
  if (!key || !order) return undefined
  return order === 'descending' ? `-${key}` : key
}
