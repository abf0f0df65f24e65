import { http } from './http'
import type { PageQuery, PageResult } from './page'
import type {
  QueryOf,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionCreated,
  WebhookSubscriptionInput,
  WebhookSubscriptionUpdate,
} from './types'

export type WebhookQuery = QueryOf<'listWebhooks'>

export const listWebhookEventTypes = () => http.get<{ items: WebhookEventType[] }>('/webhook-event-types')
export const listWebhooks = (query: WebhookQuery) => http.get<PageResult<WebhookSubscription>>('/webhooks', query)
export const createWebhook = (body: WebhookSubscriptionInput) =>
  http.post<WebhookSubscriptionCreated>('/webhooks', body)
export const updateWebhook = (id: number, patch: WebhookSubscriptionUpdate) =>
  http.patch<WebhookSubscription>(`/webhooks/${id}`, patch)
export const deleteWebhook = (id: number) => http.delete(`/webhooks/${id}`)
export const listWebhookDeliveries = (id: number, query: PageQuery) =>
  http.get<PageResult<WebhookDelivery>>(`/webhooks/${id}/deliveries`, query)
export const replayWebhookDelivery = (id: number, deliveryId: number) =>
  http.post<WebhookDelivery>(`/webhooks/${id}/deliveries/${deliveryId}/replay`)
