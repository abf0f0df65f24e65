import type { FormItemRule, FormRules } from 'element-plus'
import type { PasswordPolicy } from '@/api/types'
import { email, password, phone, required, type Translate } from '../../utils/rules'

export const profileRules = (t: Translate): FormRules => ({
  display_name: [required(t), { max: 64, trigger: 'blur' }],
  phone: [phone(t)],
  email: [email(t)],
})

/** `personal`: the signed-in user's login, name and phone, which the new password must not contain. */
export const passwordRules = (t: Translate, newPassword: () => string, policy: () => PasswordPolicy, personal: () => string[]): FormRules => {
  const sameAsNew: FormItemRule = {
    trigger: ['blur', 'change'],
    validator: (_rule, value: string, callback) =>
      callback(value === newPassword() ? undefined : new Error(t('profile.passwordMismatch'))),
  }
  return {
    current_password: [required(t)],
    new_password: [required(t), password(t, policy, personal)],
    confirm: [required(t), sameAsNew],
  }
}
