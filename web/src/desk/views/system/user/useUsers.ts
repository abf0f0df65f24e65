import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { endUserSessions, listUsers, updateUser } from '@/api/users'
import type { Role, User } from '@/api/types'
import { useConfirm } from '../../../composables/useConfirm'
import { activeParam, type ActiveFilter } from '../../../components/active-filter'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

type UserFilters = { org_id: number | undefined; role: Role | undefined; q: string; active: ActiveFilter }

/** Users page: filters, create/edit dialog, password reset dialog, ending all sessions, activate/deactivate. */
export function useUsers() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const list = usePagedList<User, UserFilters>(
    ({ active, ...query }) => listUsers({ ...query, active: activeParam(active) }),
    () => ({ org_id: undefined, role: undefined, q: '', active: '' }),
  )
  const dialog = useEditDialog<User>()
  const resetDialog = useEditDialog<User>()

  async function toggleActive(user: User): Promise<void> {
    const action = user.active ? t('user.deactivate') : t('user.activate')
    if (!(await confirm(t('user.toggleConfirm', { action, name: user.display_name })))) return
    await updateUser(user.id, { active: !user.active })
    ElMessage.success(t('common.saved'))
    await list.load()
  }

  /** A lost phone, a leaving employee: every session of the user ends now (audited by the server). */
  async function endSessions(user: User): Promise<void> {
    if (!(await confirm(t('user.endSessionsConfirm', { name: user.display_name })))) return
    const { ended } = await endUserSessions(user.id)
    ElMessage.success(t('user.sessionsEnded', { n: ended }))
  }

  return { list, dialog, resetDialog, toggleActive, endSessions }
}
