/** Shared list paging: every list endpoint takes limit/offset and answers with a page. */
export type PageQuery = {
  limit?: number
  offset?: number
}

export type PageResult<T> = {
  items: T[]
  /** Exact up to the server's count cap (10,000); beyond it the cap, with total_exact false. */
  total: number
  total_exact: boolean
  limit: number
  offset: number
}
