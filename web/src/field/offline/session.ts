import { ApiError } from '@/api/http'
import type { Dictionaries, Me } from '@/api/types'
import type { useDictionaryStore } from '@/stores/dictionaries'
import type { useSessionStore } from '@/stores/session'

const ME_KEY = 'rw_field_me'

/**
 * The signed-in user for the field app's routes. Without a network GET /me has no answer: the user last
 * seen on this phone stays signed in (the queue sends with the session cookie once online; a 401 then
 * asks for a login again). A user who signs out is forgotten.
 */
export async function ensureSession(session: ReturnType<typeof useSessionStore>): Promise<void> {
  try {
    await session.ensureLoaded()
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 0)) throw error
    const saved = localStorage.getItem(ME_KEY)
    if (saved) session.me = JSON.parse(saved) as Me
  }
  if (session.me) localStorage.setItem(ME_KEY, JSON.stringify(session.me))
  else localStorage.removeItem(ME_KEY)
}

const DICTIONARIES_KEY = 'rw_field_dictionaries'

/** The server's labels (statuses, roles…), kept on the phone so a page opened offline shows words, not codes. */
export async function ensureDictionaries(dict: ReturnType<typeof useDictionaryStore>): Promise<void> {
  try {
    await dict.ensureLoaded()
    localStorage.setItem(DICTIONARIES_KEY, JSON.stringify(dict.dicts))
  } catch (error) {
    // another failure was shown by the request client; the pages show codes until a reload
    if (!(error instanceof ApiError && error.status === 0)) return
    const saved = localStorage.getItem(DICTIONARIES_KEY)
    if (saved) dict.dicts = JSON.parse(saved) as Dictionaries
  }
}
