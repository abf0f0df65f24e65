/**
 * The rows of a table with one row replaced by its new state, in place: after a step on a row the
 * list keeps its order and length, so the next row never slides under the cursor (issue 9 §5).
 * Rows without the id are returned unchanged.
 */
export function replaceRow<T extends { id: number }>(rows: readonly T[], row: T): T[] {
  return rows.map((existing) => (existing.id === row.id ? row : existing))
}
