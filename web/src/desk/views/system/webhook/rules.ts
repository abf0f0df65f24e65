import type { FormRules } from 'element-plus'
import { required } from '../../../utils/rules'

type Translate = (key: string) => string

// The server decides what an acceptable URL is (https, a public host); the form only catches the obvious.
export const webhookRules = (t: Translate): FormRules => ({
  url: [required(t), { max: 2000, trigger: 'blur' }, { pattern: /^https?:\/\//i, message: t('webhook.urlRule'), trigger: 'blur' }],
  event_types: [{ type: 'array', required: true, min: 1, message: t('webhook.eventsRule'), trigger: 'change' }],
  description: [{ max: 200, trigger: 'blur' }],
})
