import type { LocationQuery } from 'vue-router'
import type { ApiError } from '@/api/http'

type Translate = (key: string, named: Record<string, unknown>) => string

/** The server's message for a failed sign-in; a lock-out (429) also says when to try again. */
export function loginErrorMessage(error: ApiError, t: Translate): string {
  if (error.status === 429 && error.retryAfter) {
    return `${error.message} ${t('login.retryAfter', { minutes: Math.ceil(error.retryAfter / 60) })}`
  }
  return error.message
}

/** Where to go after signing in: the `redirect` query if it is a path of this app, else `fallback`. */
export function redirectTarget(query: LocationQuery, fallback: string): string {
  const redirect = query.redirect
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : fallback
}
