import { ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'

/**
 * Asks for a reason or comments before a status change (return a plan, cancel a visit): resolves the
 * trimmed text, or null when the user cancels. An empty text is refused while `required`.
 */
export function useReasonPrompt() {
  const { t } = useI18n()
  return (title: string, label: string, required = true): Promise<string | null> =>
    ElMessageBox.prompt(label, title, {
      inputType: 'textarea',
      inputValidator: (value: string) => !required || value.trim() !== '' || t('rules.required'),
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
      customClass: 'reason-prompt',
    }).then(
      ({ value }) => value.trim(),
      () => null,
    )
}
