import { fetchFile, type Query } from './http'

/** Hands a file to the browser's downloads under `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // the download has started from the click; the URL is no longer needed after this turn
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * Downloads a binary answer of the API (an export, an import template) with the session cookie
 * and saves it under the server's file name, or `fallbackName` when it sent none.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const file = await fetchFile(path, query)
  saveFile(file.blob, file.filename || fallbackName)
}
