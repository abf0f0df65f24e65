/**
 * What `make` gives, made the first time it is asked for and then kept. For Intl formatters: a page's first one
 * loads the browser's data for it (number data 30–170 ms, time zones 100–170 ms of a cold first page on the
 * 2-core VM), which pages that show no number or time need not wait for.
 */
export function madeOnFirstUse<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}
