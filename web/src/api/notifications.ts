import { http } from './http'
import type { NotificationPage, QueryOf } from './types'

export type NotificationQuery = QueryOf<'listNotifications'>

/**
 * The signed-in user's notifications, newest first, with the unread count. Silent: the bell polls it,
 * and a failed poll is not worth a message.
 */
export const listNotifications = (query: NotificationQuery) =>
  http.get<NotificationPage>('/notifications', query, { silent: true })
export const markNotificationRead = (id: number) => http.post<void>(`/notifications/${id}/read`)
export const markAllNotificationsRead = () => http.post<{ marked: number }>('/notifications/read-all')
