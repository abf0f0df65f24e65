import type { FormRules } from 'element-plus'
import { phone, required } from '../../../utils/rules'

type Translate = (key: string) => string

export const organizationRules = (t: Translate): FormRules => ({
  name: [required(t), { max: 128, trigger: 'blur' }],
  type: [required(t)],
  credit_code: [{ max: 32, trigger: 'blur' }],
  contact_phone: [phone(t)],
})
