import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, attachmentName, buildUrl, configureHttp, csrfToken, fetchFile, http } from '@/api/http'
import { importSpreadsheet } from '@/api/imports'

type Call = { url: string; init: RequestInit }

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } })
}

const problem = (status: number, code: string, detail: string, detailEn: string, errors: unknown[] = []) => ({
  type: `/problems/${code}`,
  title: 'Error',
  status,
  code,
  detail,
  detail_en: detailEn,
  errors,
})

let calls: Call[]
let respond: (call: Call) => Response | Promise<Response>
const notify = vi.fn()
const onUnauthorized = vi.fn()
let locale = 'zh-CN'

beforeEach(() => {
  calls = []
  respond = () => jsonResponse(200, { ok: true })
  notify.mockReset()
  onUnauthorized.mockReset()
  locale = 'zh-CN'
  sessionStorage.clear()
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const call = { url, init }
      calls.push(call)
      return respond(call)
    }),
  )
  configureHttp({ locale: () => locale, notify, onUnauthorized, networkMessage: () => '网络连接失败' })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const header = (call: Call, name: string) => new Headers(call.init.headers).get(name)

describe('request client', () => {
  it('attaches the CSRF token on POST and sends cookies', async () => {
    csrfToken.set('tok-123')
    await http.post('/regions', { code: '320200' })
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('/api/v1/regions')
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].init.credentials).toBe('same-origin')
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok-123')
    expect(header(calls[0], 'Content-Type')).toBe('application/json')
    expect(calls[0].init.body).toBe('{"code":"320200"}')
  })

  it('does not send the CSRF token on GET', async () => {
    csrfToken.set('tok-123')
    await http.get('/regions', { parent_id: 3, q: '', level: undefined })
    expect(header(calls[0], 'X-CSRF-Token')).toBeNull()
    expect(calls[0].url).toBe('/api/v1/regions?parent_id=3')
  })

  it('sends the CSRF token on PATCH and DELETE too', async () => {
    csrfToken.set('tok-9')
    respond = () => new Response(null, { status: 204 })
    await http.patch('/users/5', { active: false })
    await http.delete('/regions/7')
    expect(calls.map((c) => header(c, 'X-CSRF-Token'))).toEqual(['tok-9', 'tok-9'])
  })

  it('unwraps JSON bodies and empty 204 answers', async () => {
    respond = () => jsonResponse(200, { items: [{ id: 1 }], total: 1, limit: 50, offset: 0 })
    await expect(http.get('/users')).resolves.toEqual({ items: [{ id: 1 }], total: 1, limit: 50, offset: 0 })
    respond = () => new Response(null, { status: 204 })
    await expect(http.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('turns problem+json into an ApiError with code, field errors and the Chinese message, shown once', async () => {
    respond = () =>
      jsonResponse(422, problem(422, 'validation_failed', '请求数据有误', 'The request has invalid fields', [
        { field: 'username', code: 'required', message: '必填', message_en: 'is required' },
      ]))
    const error = await http.post('/users', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(422)
    expect(apiError.code).toBe('validation_failed')
    expect(apiError.message).toBe('请求数据有误')
    expect(apiError.byField).toEqual({ username: '必填' })
    expect(notify).toHaveBeenCalledTimes(1)
    expect(notify).toHaveBeenCalledWith('请求数据有误')
  })

  it('uses detail_en when the interface is in English', async () => {
    locale = 'en'
    respond = () =>
      jsonResponse(409, problem(409, 'duplicate_username', '用户名已存在', 'The username is taken', [
        { field: 'username', code: 'duplicate_username', message: '已被使用', message_en: 'is taken' },
      ]))
    const error = (await http.post('/users', {}).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('duplicate_username')
    expect(error.byField).toEqual({ username: 'is taken' })
    expect(error.message).toBe('The username is taken')
    expect(notify).toHaveBeenCalledWith('The username is taken')
  })

  it('reads Retry-After of a lock-out', async () => {
    respond = () => jsonResponse(429, problem(429, 'too_many_attempts', '尝试次数过多', 'Too many attempts'), { 'Retry-After': '900' })
    const error = (await http.post('/auth/login', {}, { silent: true }).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(429)
    expect(error.retryAfter).toBe(900)
  })

  it('sends a GET again after the Retry-After of a busy server, quietly, until it answers', async () => {
    vi.useFakeTimers()
    try {
      const busy = () => jsonResponse(503, problem(503, 'server_busy', '服务器正在生成其他大文件，请稍后重试', 'Busy'), { 'Retry-After': '2' })
      respond = () => (calls.length < 3 ? busy() : new Response('PK', { status: 200 }))
      const file = fetchFile('/hazards/ledger', { region_id: 1 })
      await vi.advanceTimersByTimeAsync(1999)
      expect(calls).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(2001)
      await expect(file).resolves.toMatchObject({ filename: '' })
      expect(calls).toHaveLength(3)
      expect(notify).not.toHaveBeenCalled()

      // Still busy after five tries: reported like any failure.
      respond = busy
      const given = http.get('/hazards').catch((e: unknown) => e)
      await vi.advanceTimersByTimeAsync(8000)
      expect(await given).toMatchObject({ status: 503, code: 'server_busy', retryAfter: 2 })
      expect(calls).toHaveLength(3 + 5)
      expect(notify).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not send again a write the server refused as busy, nor a GET it asks to wait long for', async () => {
    respond = () => jsonResponse(503, problem(503, 'server_busy', '服务器繁忙，请稍后重试', 'Busy'), { 'Retry-After': '1' })
    await expect(http.post('/organizations', { name: '乙' })).rejects.toMatchObject({ status: 503 })
    expect(calls).toHaveLength(1)
    respond = () => jsonResponse(503, problem(503, 'not_ready', '未就绪', 'Not ready'), { 'Retry-After': '60' })
    await expect(http.get('/readyz')).rejects.toMatchObject({ status: 503, retryAfter: 60 })
    expect(calls).toHaveLength(2)
  })

  it('on 401 forgets the CSRF token and sends the user to the login page', async () => {
    csrfToken.set('old')
    respond = () => jsonResponse(401, problem(401, 'session_expired', '会话已过期', 'Session expired'))
    await expect(http.get('/users')).rejects.toMatchObject({ status: 401, code: 'session_expired' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(notify).toHaveBeenCalledWith('会话已过期')
    expect(csrfToken.get()).toBeNull()
  })

  it('does not redirect on a failed login (invalid_credentials)', async () => {
    respond = () => jsonResponse(401, problem(401, 'invalid_credentials', '用户名或密码错误', 'Wrong username or password'))
    await expect(http.post('/auth/login', {})).rejects.toMatchObject({ message: '用户名或密码错误' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('leaves silent failures to the caller: no message, no redirect', async () => {
    respond = () => jsonResponse(401, problem(401, 'unauthenticated', '请先登录', 'Please sign in'))
    await expect(http.get('/me', undefined, { silent: true })).rejects.toBeInstanceOf(ApiError)
    expect(notify).not.toHaveBeenCalled()
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('falls back to the status line when the error body is not JSON', async () => {
    respond = () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })
    await expect(http.get('/health')).rejects.toMatchObject({ status: 502, code: 'http_502', message: '502 Bad Gateway' })
  })

  it('reports a network failure with the configured message', async () => {
    respond = () => {
      throw new TypeError('Failed to fetch')
    }
    await expect(http.get('/me')).rejects.toMatchObject({ status: 0, code: 'network_error', message: '网络连接失败' })
    expect(notify).toHaveBeenCalledWith('网络连接失败')
  })

  it('sends a double-submitted POST once', async () => {
    let release!: () => void
    respond = () => new Promise<Response>((resolve) => (release = () => resolve(jsonResponse(201, { id: 9 }))))
    const first = http.post('/organizations', { name: '甲' })
    const second = http.post('/organizations', { name: '甲' })
    release()
    await expect(Promise.all([first, second])).resolves.toEqual([{ id: 9 }, { id: 9 }])
    expect(calls).toHaveLength(1)
    respond = () => jsonResponse(201, { id: 10 })
    await http.post('/organizations', { name: '甲' })
    expect(calls).toHaveLength(2)
  })
})

describe('buildUrl', () => {
  it('keeps false and 0, drops empty values', () => {
    expect(buildUrl('/users', { active: false, offset: 0, q: '', role: null })).toBe('/api/v1/users?active=false&offset=0')
  })
})

describe('files', () => {
  it('uploads a file as the raw body with its content type and the CSRF token', async () => {
    csrfToken.set('tok-1')
    const report = { kind: 'enterprises', mode: 'valid_rows', total_rows: 1, valid_rows: 1, invalid_rows: 0, created: 1, updated: 0, written: true, errors: [] }
    respond = () => jsonResponse(200, report)
    const file = new Blob(['企业名称\n'], { type: 'text/csv' })
    await expect(importSpreadsheet('enterprises', file, 'text/csv', 'valid_rows')).resolves.toEqual(report)
    expect(calls[0].url).toBe('/api/v1/imports/enterprises?mode=valid_rows')
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].init.body).toBe(file)
    expect(header(calls[0], 'Content-Type')).toBe('text/csv')
    expect(header(calls[0], 'X-CSRF-Token')).toBe('tok-1')
  })

  it('answers a refused all_or_nothing import with the report of its problem, without a message', async () => {
    const report = { kind: 'enterprises', mode: 'all_or_nothing', total_rows: 3, valid_rows: 1, invalid_rows: 2, created: 0, updated: 0, written: false,
      errors: [{ row: 3, field: '统一社会信用代码', code: 'invalid_uscc', message: '无效', message_en: 'invalid' }] }
    respond = () => jsonResponse(422, { ...problem(422, 'import_rows_invalid', '有错误', 'Rows are invalid'), report })
    await expect(importSpreadsheet('enterprises', new Blob(['x']), 'text/csv', 'all_or_nothing')).resolves.toEqual(report)
    expect(notify).not.toHaveBeenCalled()
  })

  it('leaves other import failures to the dialog', async () => {
    respond = () => jsonResponse(400, problem(400, 'bad_request', '不是表格文件', 'Not a spreadsheet'))
    await expect(importSpreadsheet('staff', new Blob(['x']), 'text/csv', 'all_or_nothing')).rejects.toMatchObject({ status: 400, message: '不是表格文件' })
    expect(notify).not.toHaveBeenCalled()
  })

  it('downloads a binary answer with its file name', async () => {
    respond = () =>
      new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        status: 200,
        headers: { 'Content-Disposition': `attachment; filename="enterprises.xlsx"; filename*=UTF-8''%E4%BC%81%E4%B8%9A.xlsx` },
      })
    const file = await fetchFile('/enterprises/export', { q: '化工', archived: false })
    expect(calls[0].url).toBe('/api/v1/enterprises/export?q=%E5%8C%96%E5%B7%A5&archived=false')
    expect(calls[0].init.credentials).toBe('same-origin')
    expect(file.filename).toBe('企业.xlsx')
    expect(new Uint8Array(await file.blob.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
  })

  it('reports a failed download like any request', async () => {
    respond = () => jsonResponse(403, problem(403, 'forbidden', '没有权限', 'Not allowed'))
    await expect(fetchFile('/staff/export')).rejects.toMatchObject({ status: 403 })
    expect(notify).toHaveBeenCalledWith('没有权限')
  })

  it('reads the file name of Content-Disposition', () => {
    expect(attachmentName(null)).toBe('')
    expect(attachmentName('attachment; filename="a b.xlsx"')).toBe('a b.xlsx')
    expect(attachmentName('attachment; filename=plain.xlsx')).toBe('plain.xlsx')
    expect(attachmentName(`attachment; filename*=UTF-8''%E4%BF%9D%E5%8D%95.xlsx; filename="p.xlsx"`)).toBe('保单.xlsx')
    expect(attachmentName('attachment; filename="../../etc/x.xlsx"')).toBe('.._.._etc_x.xlsx')
  })
})
