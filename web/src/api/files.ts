import { http } from './http'

/** A stored file (POST /files): photos and signatures taken on the phone. */
export interface StoredFile {
  id: number
  sha256: string
  /** jpeg, png… (media_type is the full MIME type). */
  type: string
  media_type: string
  size: number
}

/** Uploads a file as the raw body; the client id makes a retried upload answer the file the first try stored. */
export const uploadFile = (clientId: string, data: Blob) =>
  http.post<StoredFile>('/files', undefined, { query: { client_id: clientId }, file: { data, type: data.type || 'application/octet-stream' }, silent: true })

export const thumbnailUrl = (id: number, size: 320 | 1280 = 320) => `/api/v1/files/${id}/thumbnail?size=${size}`
/** The original bytes (opened in the browser's image viewer). */
export const contentUrl = (id: number) => `/api/v1/files/${id}/content`
