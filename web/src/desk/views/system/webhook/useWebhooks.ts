import { computed, ref } from 'vue'
import { listWebhookEventTypes, listWebhooks } from '@/api/webhooks'
import type { WebhookEventType, WebhookSubscription } from '@/api/types'
import { currentLocale } from '@/i18n'
import { activeParam, type ActiveFilter } from '../../../components/active-filter'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

type WebhookFilters = { active: ActiveFilter }

/** The label of an event type in the current language; "*" is every event. */
export function eventLabel(types: readonly WebhookEventType[], type: string, all: string): string {
  if (type === '*') return all
  const known = types.find((t) => t.type === type)
  if (!known) return type
  return currentLocale() === 'en' ? known.en : known.zh
}

/** Webhook subscriptions page: the list, one dialog for create and edit, the deliveries drawer. */
export function useWebhooks() {
  const list = usePagedList<WebhookSubscription, WebhookFilters>(
    ({ active, ...query }) => listWebhooks({ ...query, active: activeParam(active) }),
    () => ({ active: '' }),
  )
  const dialog = useEditDialog<WebhookSubscription>()
  const deliveriesOf = ref<WebhookSubscription | null>(null)
  const eventTypes = ref<WebhookEventType[]>([])
  const loadEventTypes = async () => {
    eventTypes.value = (await listWebhookEventTypes()).items
  }
  const showDeliveries = computed({
    get: () => deliveriesOf.value !== null,
    set: (open: boolean) => {
      if (!open) deliveriesOf.value = null
    },
  })
  return { list, dialog, deliveriesOf, showDeliveries, eventTypes, loadEventTypes }
}
