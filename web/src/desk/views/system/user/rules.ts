import type { FormRules } from 'element-plus'
import { email, password, phone, required } from '../../../utils/rules'

type Translate = (key: string) => string

export const userRules = (t: Translate, creating: boolean): FormRules => ({
  username: creating
    ? [required(t), { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('user.usernameRule'), trigger: 'blur' }]
    : [],
  display_name: [required(t), { max: 64, trigger: 'blur' }],
  org_id: creating ? [required(t)] : [],
  roles: [{ ...required(t), type: 'array', min: 1, trigger: 'change' }],
  password: creating ? [required(t), password(t)] : [],
  phone: [phone(t)],
  email: [email(t)],
})

export const resetPasswordRules = (t: Translate): FormRules => ({
  new_password: [required(t), password(t)],
})
