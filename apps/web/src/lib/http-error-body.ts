/**
 * The Chinese message of a plain-HTTP error answer from the BFF
 * (`{ error: { code, message } }`, e.g. the photo upload), or null when the body is
 * something else (a proxy's error page, an empty body).
 */
export function httpErrorMessage(responseText: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(responseText);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const { error } = body;
  if (!error || typeof error !== 'object' || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}
