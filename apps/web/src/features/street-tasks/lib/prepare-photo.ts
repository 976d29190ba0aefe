/** Photos above this are scaled down before they are stored and sent. */
const MAX_EDGE_PX = 2048;
const SMALL_ENOUGH_BYTES = 1_200_000;
const JPEG_QUALITY = 0.85;

/**
 * Phone cameras produce 3–8 MB photos; on a weak street connection that is the
 * difference between sending and failing. Large photos are re-encoded as JPEG with
 * the long edge at most 2048 px (orientation from EXIF is applied by the decoder).
 * Anything the browser cannot decode (HEIC on most browsers) is sent as it is.
 */
export async function preparePhoto(file: File): Promise<{ blob: Blob; name: string }> {
  if (file.size <= SMALL_ENOUGH_BYTES || !file.type.startsWith('image/') || typeof createImageBitmap !== 'function') {
    return { blob: file, name: file.name };
  }
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return { blob: file, name: file.name };
    return { blob, name: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg` };
  } catch {
    return { blob: file, name: file.name };
  }
}
