import type { FormRules } from 'element-plus'
import type { PasswordPolicy } from '@/api/types'
import { email, password, phone, required, type Translate } from '../../../utils/rules'

/** `personal`: the login, name and phone the password must not contain. */
export const userRules = (t: Translate, creating: boolean, policy: () => PasswordPolicy, personal: () => string[]): FormRules => ({
  username: creating
    ? [required(t), { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('user.usernameRule'), trigger: 'blur' }]
    : [],
  display_name: [required(t), { max: 64, trigger: 'blur' }],
  org_id: creating ? [required(t)] : [],
  roles: [{ ...required(t), type: 'array', min: 1, trigger: 'change' }],
  password: creating ? [required(t), password(t, policy, personal)] : [],
  phone: [phone(t)],
  email: [email(t)],
})

export const resetPasswordRules = (t: Translate, policy: () => PasswordPolicy, personal: () => string[]): FormRules => ({
  new_password: [required(t), password(t, policy, personal)],
})
