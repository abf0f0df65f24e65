/** Shared list paging: every list endpoint takes limit/offset and answers with a page. */
export type PageQuery = {
  limit?: number
  offset?: number
}

export type PageResult<T> = {
  items: T[]
  total: number
  limit: number
  offset: number
}
