/** The longest side of a photo as the phone sends it: enough to read a label on a drum, a fraction of the camera's bytes. */
const LONGEST_SIDE = 1600
const QUALITY = 0.82

/** Shrinks a camera photo to a JPEG of at most 1600 px on its longest side (a smaller one keeps its size). */
export async function compressPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return file // not an image the browser decodes: the server decides
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? file), 'image/jpeg', QUALITY))
}
