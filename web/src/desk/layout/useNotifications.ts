import { onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import { useRoute } from 'vue-router'
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '@/api/notifications'
import type { UserNotification } from '@/api/types'

export const POLL_MS = 60_000
export const SHOWN = 10

/**
 * The bell's state: the latest unread notifications and their count, fetched when the desk opens,
 * every minute and on every page change. Failed polls are ignored (the next one tries again).
 */
export function useNotifications() {
  const route = useRoute()
  const items = shallowRef<UserNotification[]>([])
  const unread = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined

  async function refresh(): Promise<void> {
    try {
      const page = await listNotifications({ unread: true, limit: SHOWN })
      items.value = page.items
      unread.value = page.unread
    } catch {
      // silent: shown again by the next poll
    }
  }

  async function markRead(notification: UserNotification): Promise<void> {
    if (!notification.read_at) await markNotificationRead(notification.id)
    items.value = items.value.filter((n) => n.id !== notification.id)
    unread.value = Math.max(0, unread.value - 1)
    void refresh()
  }

  async function markAllRead(): Promise<void> {
    await markAllNotificationsRead()
    items.value = []
    unread.value = 0
  }

  watch(() => route.fullPath, () => void refresh())
  onMounted(() => {
    void refresh()
    timer = setInterval(() => void refresh(), POLL_MS)
  })
  onBeforeUnmount(() => clearInterval(timer))

  return { items, unread, refresh, markRead, markAllRead }
}
