import { afterEach, describe, expect, it } from 'vitest'
import type { WebhookEventType } from '@/api/types'
import { setLocale } from '@/i18n'
import { eventLabel } from '@/desk/views/system/webhook/useWebhooks'
import { webhookRules } from '@/desk/views/system/webhook/rules'

const types: WebhookEventType[] = [
  { type: 'hazard.notify', object_type: 'hazard', action: 'notify', zh: '隐患：已通知企业', en: 'Hazard: Notified' },
]

describe('webhook subscriptions page', () => {
  afterEach(() => setLocale('zh-CN'))

  it('labels event types in the current language, * as every event, unknown ones as they are', () => {
    expect(eventLabel(types, 'hazard.notify', '全部事件')).toBe('隐患：已通知企业')
    expect(eventLabel(types, '*', '全部事件')).toBe('全部事件')
    expect(eventLabel(types, 'visit.start', '全部事件')).toBe('visit.start')
    setLocale('en')
    expect(eventLabel(types, 'hazard.notify', 'All events')).toBe('Hazard: Notified')
  })

  it('asks for a URL and at least one event; the server judges the address', () => {
    const rules = webhookRules((key) => key)
    expect(Object.keys(rules)).toEqual(['url', 'event_types', 'description'])
    const events = (rules.event_types as Array<{ min?: number; required?: boolean }>)[0]
    expect(events).toMatchObject({ required: true, min: 1 })
  })
})
