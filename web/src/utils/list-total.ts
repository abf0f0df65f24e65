/**
 * A list's total as the server gives it: exact up to its count cap; beyond, the cap with `exact` false
 * (counting every matching row would cost more than the page itself).
 */

/**
 * The total with its thousands grouped, with a plus when more rows match: "10,000+". Both locales group by three
 * with commas. Not Intl.NumberFormat: its first use in a page loads the browser's number data, 30–170 ms of a
 * cold first list on the 2-core VM, for a page that shows no other formatted number.
 */
export function formatTotal(total: number, exact: boolean): string {
  const count = String(Math.trunc(total)).replace(/\B(?=(\d{3})+$)/g, ',')
  return exact ? count : `${count}+`
}

/**
 * The rows the pager pages through. Past the cap the real number is unknown, so while the current page comes
 * back full the pager counts one row beyond it: its "next" stays usable as long as rows come back.
 */
export function pagerTotal(list: { total: number; exact: boolean; page: number; size: number; rows: number }): number {
  if (list.exact) return list.total
  const seen = (list.page - 1) * list.size + list.rows
  // A short page is the last one; after a full one more may follow.
  return list.rows < list.size ? seen : Math.max(list.total, seen + 1)
}
