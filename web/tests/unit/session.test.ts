import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureHttp, csrfToken } from '@/api/http'
import { useSessionStore } from '@/stores/session'

const me = {
  id: 3,
  username: 'demo-regulator',
  display_name: '监管员',
  phone: '',
  email: '',
  org: { id: 2, name: '无锡市生态环境局', type: 'regulator' },
  roles: ['manager'],
  permissions: ['region:read', 'org:read', 'profile'],
  csrf_token: 'from-me',
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('session store', () => {
  const notify = vi.fn()

  beforeEach(() => {
    setActivePinia(createPinia())
    sessionStorage.clear()
    notify.mockReset()
    configureHttp({ notify, onUnauthorized: vi.fn() })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('treats a 401 from GET /me as signed out, quietly', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { code: 'unauthenticated', detail: '请先登录', errors: [] })))
    const session = useSessionStore()
    await session.ensureLoaded()
    expect(session.signedIn).toBe(false)
    expect(notify).not.toHaveBeenCalled()
  })

  it('loads the user once and keeps the CSRF token from /me', async () => {
    const fetchMock = vi.fn(async () => json(200, me))
    vi.stubGlobal('fetch', fetchMock)
    const session = useSessionStore()
    await Promise.all([session.ensureLoaded(), session.ensureLoaded()])
    await session.ensureLoaded()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(session.me?.username).toBe('demo-regulator')
    expect(csrfToken.get()).toBe('from-me')
  })

  it('checks permissions: all listed must be held', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, me)))
    const session = useSessionStore()
    await session.ensureLoaded()
    expect(session.can()).toBe(true)
    expect(session.can(['org:read'])).toBe(true)
    expect(session.can(['org:read', 'user:read'])).toBe(false)
  })

  it('keeps the CSRF token of a login and forgets it on logout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/auth/login')
          ? json(200, { token: 't', csrf_token: 'from-login', expires_at: '2026-11-22T15:00:00Z', user: me })
          : new Response(null, { status: 204 }),
      ),
    )
    const session = useSessionStore()
    await session.login('demo-regulator', 'Demo@2026')
    expect(session.signedIn).toBe(true)
    expect(csrfToken.get()).toBe('from-login')
    await session.logout()
    expect(session.signedIn).toBe(false)
    expect(csrfToken.get()).toBeNull()
  })
})
