import { csrfToken, http, type RequestOptions } from './http'
import type { LoginResult, Me, PasswordChange, ProfileUpdate } from './types'

function keepCsrf(me: Me): Me {
  if (me.csrf_token) csrfToken.set(me.csrf_token)
  return me
}

export async function login(username: string, password: string, options?: RequestOptions): Promise<LoginResult> {
  const result = await http.post<LoginResult>('/auth/login', { username, password }, options)
  csrfToken.set(result.csrf_token)
  return result
}

export async function logout(): Promise<void> {
  try {
    await http.post<void>('/auth/logout', undefined, { silent: true })
  } finally {
    csrfToken.clear()
  }
}

export async function getMe(options?: RequestOptions): Promise<Me> {
  return keepCsrf(await http.get<Me>('/me', undefined, options))
}

export async function updateMe(patch: ProfileUpdate): Promise<Me> {
  return keepCsrf(await http.patch<Me>('/me', patch))
}

export function changePassword(body: PasswordChange, options?: RequestOptions): Promise<void> {
  return http.post<void>('/me/password', body, options)
}
