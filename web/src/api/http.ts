import type { FieldError, Problem } from './types'

/**
 * The one request client of both apps. It sends cookies, attaches the CSRF header on unsafe
 * methods, unwraps JSON, turns problem+json into ApiError and reports each failure once through
 * the notifier its app configured (ElMessage on the desk, showToast on the phone).
 */

export const API_BASE = '/api/v1'
const CSRF_HEADER = 'X-CSRF-Token'
const CSRF_KEY = 'rw_csrf'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds from the Retry-After header (429, 503), when present. */
    readonly retryAfter: number | null = null,
    /** The whole problem body, for members some answers add (an import's `report`). */
    readonly problem: Partial<Problem> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field errors by field name, for inline display under form items. */
  get byField(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.map((e) => [e.field, e.message]))
  }
}

export interface HttpConfig {
  /** Current UI locale: 'en' picks detail_en, anything else detail. */
  locale(): string
  /** Shows one error message to the user. */
  notify(message: string): void
  /** Called on 401 (other than a failed login) for requests that are not silent. */
  onUnauthorized(): void
  /** Message for a request that got no HTTP answer at all. */
  networkMessage(): string
}

const config: HttpConfig = {
  locale: () => 'zh-CN',
  notify: () => {},
  onUnauthorized: () => {},
  networkMessage: () => 'Network error',
}

export function configureHttp(overrides: Partial<HttpConfig>): void {
  Object.assign(config, overrides)
}

export const csrfToken = {
  get: (): string | null => sessionStorage.getItem(CSRF_KEY),
  set: (token: string): void => sessionStorage.setItem(CSRF_KEY, token),
  clear: (): void => sessionStorage.removeItem(CSRF_KEY),
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** A file sent as the raw request body (an upload) with its content type, instead of a JSON body. */
  file?: { data: Blob; type: string }
  /** The caller handles failures itself: no message, no redirect on 401. */
  silent?: boolean
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

/** Shows an error the way the client does; for callers that handled a silent request partly. */
export function notifyError(error: unknown): void {
  config.notify(error instanceof Error ? error.message : String(error))
}

/** Identical unsafe requests in flight share one promise: a double click sends one request. */
const inFlight = new Map<string, Promise<unknown>>()

export function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query)
  // an upload is not deduplicated by its body: the dialog that sends it allows one at a time
  if (!UNSAFE.has(method) || options.file) return send<T>(method, url, options)
  const key = `${method} ${url} ${JSON.stringify(options.body ?? null)}`
  const pending = inFlight.get(key)
  if (pending) return pending as Promise<T>
  const promise = send<T>(method, url, options).finally(() => inFlight.delete(key))
  inFlight.set(key, promise)
  return promise
}

async function send<T>(method: HttpMethod, url: string, options: RequestOptions): Promise<T> {
  return (await readJson(await exchange(method, url, options, 'application/json'))) as T
}

/** Sends one request; an answer other than 2xx (or none) becomes an ApiError, reported unless silent. */
async function exchange(method: HttpMethod, url: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept }
  let body: BodyInit | undefined
  if (options.file) {
    headers['Content-Type'] = options.file.type
    body = options.file.data
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const token = csrfToken.get()
  if (UNSAFE.has(method) && token) headers[CSRF_HEADER] = token

  for (let tries = 1; ; tries++) {
    let response: Response
    try {
      response = await fetch(url, { method, headers, credentials: 'same-origin', body })
    } catch {
      throw fail(new ApiError(0, 'network_error', config.networkMessage()), options)
    }
    if (response.ok) return response
    const wait = busyWait(method, response)
    if (wait === null || tries >= BUSY_TRIES) throw fail(await toApiError(response), options)
    await new Promise((resolve) => setTimeout(resolve, wait * 1000))
  }
}

/** How often in all a GET is sent while the server answers that it is busy. */
const BUSY_TRIES = 5
const LONGEST_BUSY_WAIT_SECONDS = 10

/**
 * Seconds to wait before sending a GET again that the server refused as busy (503 with Retry-After: it is
 * making other large files, or too many requests wait for it); null: report the answer.
 */
function busyWait(method: HttpMethod, response: Response): number | null {
  if (method !== 'GET' || response.status !== 503) return null
  const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10)
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= LONGEST_BUSY_WAIT_SECONDS ? seconds : null
}

export interface DownloadedFile {
  blob: Blob
  /** From Content-Disposition; empty when the server named none. */
  filename: string
}

/** GETs a binary answer (an export, a template) with the session cookie; failures are reported like any request. */
export async function fetchFile(path: string, query?: Query, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await exchange('GET', buildUrl(path, query), options, '*/*')
  return { blob: await response.blob(), filename: attachmentName(response.headers.get('Content-Disposition')) }
}

/** The file name of a Content-Disposition header: RFC 6266 `filename*=UTF-8''…` first, then `filename="…"`. */
export function attachmentName(header: string | null): string {
  return declaredName(header ?? '').replace(/[\\/]/g, '_')
}

function declaredName(header: string): string {
  const extended = /filename\*\s*=\s*[\w-]+'[^']*'([^;\s]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1])
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  if (!plain) return ''
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2].trim()
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  return text ? JSON.parse(text) : undefined
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {}
  try {
    problem = ((await readJson(response)) as Partial<Problem> | undefined) ?? {}
  } catch {
    // not JSON (e.g. a proxy's HTML page): fall back to the status line below
  }
  const english = config.locale() === 'en'
  const localized = english ? problem.detail_en || problem.detail : problem.detail || problem.detail_en
  const fieldErrors = (problem.errors ?? []).map((e) => ({
    ...e,
    message: english ? e.message_en || e.message : e.message || e.message_en,
  }))
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10)
  return new ApiError(
    response.status,
    problem.code ?? `http_${response.status}`,
    localized || problem.title || `${response.status} ${response.statusText}`.trim(),
    fieldErrors,
    Number.isFinite(retryAfter) ? retryAfter : null,
    problem,
  )
}

function fail(error: ApiError, options: RequestOptions): ApiError {
  if (error.status === 401) csrfToken.clear()
  if (options.silent) return error
  config.notify(error.message)
  if (error.status === 401 && error.code !== 'invalid_credentials') config.onUnauthorized()
  return error
}

export const http = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}
