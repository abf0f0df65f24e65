import { ref, shallowRef, watch } from 'vue'
import { getEnterpriseArchive, verifyArchive } from '@/api/archive'
import type { ArchiveItem, ArchiveVerification, EnterpriseArchive } from '@/api/types'

/** The enterprise's archive as the tab shows it, reloaded after every filing; the chain's verification on demand. */
export function useArchive(enterpriseId: () => number) {
  const archive = shallowRef<EnterpriseArchive | null>(null)
  const loading = ref(false)
  const verification = shallowRef<ArchiveVerification | null>(null)
  const verifying = ref(false)
  /** The item a dialog or the history drawer works on. */
  const uploading = shallowRef<ArchiveItem | null>(null)
  const recording = shallowRef<ArchiveItem | null>(null)
  const inspecting = shallowRef<ArchiveItem | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      archive.value = await getEnterpriseArchive(enterpriseId())
    } finally {
      loading.value = false
    }
  }

  async function verify(): Promise<void> {
    verifying.value = true
    try {
      verification.value = await verifyArchive()
    } finally {
      verifying.value = false
    }
  }

  watch(enterpriseId, load, { immediate: true })
  return { archive, loading, verification, verifying, uploading, recording, inspecting, load, verify }
}
