import { ElMessage } from 'element-plus'
import { ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  createSafetyRiskRecord,
  deleteSafetyRiskRecord,
  getSafetyRisk,
  setSitePlan,
  updateSafetyRiskRecord,
  type SafetyRiskKind,
} from '@/api/safetyRisk'
import type { SafetyRisk, SafetyRiskRecordBody } from '@/api/types'
import { useConfirm } from '../../composables/useConfirm'

/** An enterprise's risk identification as the server shapes it; every change reloads it (levels and zone colours are the server's). */
export function useSafetyRisk(enterpriseId: () => number) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const risk = shallowRef<SafetyRisk | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      risk.value = await getSafetyRisk(enterpriseId())
    } finally {
      loading.value = false
    }
  }

  async function save(kind: SafetyRiskKind, id: number | null, body: SafetyRiskRecordBody): Promise<void> {
    if (id === null) await createSafetyRiskRecord(enterpriseId(), kind, body)
    else await updateSafetyRiskRecord(enterpriseId(), kind, id, body)
    ElMessage.success(t('safetyRisk.saved'))
    await load()
  }

  async function remove(kind: SafetyRiskKind, id: number): Promise<void> {
    if (!(await confirm(t('safetyRisk.removeConfirm')))) return
    await deleteSafetyRiskRecord(enterpriseId(), kind, id)
    ElMessage.success(t('safetyRisk.removed'))
    await load()
  }

  async function usePlan(fileId: number): Promise<void> {
    await setSitePlan(enterpriseId(), fileId)
    await load()
  }

  watch(enterpriseId, () => void load(), { immediate: true })
  return { risk, loading, load, save, remove, usePlan }
}
