import { ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'

/** A yes/no question before a destructive action; resolves false when the user cancels. */
export function useConfirm() {
  const { t } = useI18n()
  return (message: string): Promise<boolean> =>
    ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
    }).then(
      () => true,
      () => false,
    )
}
