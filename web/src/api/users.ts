import { http } from './http'
import type { PageResult } from './page'
import type { EndedSessions, PasswordPolicy, QueryOf, User, UserCreate, UserUpdate } from './types'

export type UserQuery = QueryOf<'listUsers'>

export const listUsers = (query: UserQuery) => http.get<PageResult<User>>('/users', query)
export const getUser = (id: number) => http.get<User>(`/users/${id}`)
export const createUser = (body: UserCreate) => http.post<User>('/users', body)
export const updateUser = (id: number, patch: UserUpdate) => http.patch<User>(`/users/${id}`, patch)
export const resetUserPassword = (id: number, newPassword: string) =>
  http.post<void>(`/users/${id}/password`, { new_password: newPassword })
/** Signs the user out on every device; answers how many sessions ended. */
export const endUserSessions = (id: number) => http.delete<EndedSessions>(`/users/${id}/sessions`)
export const getPasswordPolicy = () => http.get<PasswordPolicy>('/password-policy')
