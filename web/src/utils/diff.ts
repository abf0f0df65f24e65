/**
 * The fields of `after` that differ from `before` (compared by value, so arrays and objects too),
 * limited to `keys` when given: an update sends only what changed.
 */
export function changedFields<T extends object>(before: T, after: T, keys?: readonly (keyof T)[]): Partial<T> {
  const changed: Partial<T> = {}
  for (const key of keys ?? (Object.keys(after) as (keyof T)[])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key]
  }
  return changed
}
