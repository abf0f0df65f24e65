import type { UserNotification } from '@/api/types'

/**
 * Where a notification leads: the page of the object it is about. An agency's lead (who decides
 * commissions but does not send them) works commissions in the inbox; an item opens through
 * /commission-items/:id, which forwards to its commission or the inbox. Null when there is no page.
 */
export function notificationTarget(
  notification: Pick<UserNotification, 'object_type' | 'object_id'>,
  decidesCommissions: boolean,
): string | null {
  const id = notification.object_id
  if (id === null || id === undefined) return null
  switch (notification.object_type) {
    case 'commission':
      return decidesCommissions ? `/commission-inbox?commission_id=${id}` : `/commissions/${id}`
    case 'commission_item':
      return `/commission-items/${id}`
    case 'visit':
      return `/visits/${id}`
    case 'service_plan':
      return `/service-plans/${id}`
    default:
      return null
  }
}

/** Whether the user works commissions as an agency: may decide them and may not send them. */
export function decidesCommissions(can: (perms: readonly string[]) => boolean): boolean {
  return can(['commission:decide']) && !can(['commission:write'])
}
