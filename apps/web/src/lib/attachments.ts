import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { httpErrorMessage } from './http-error-body';

/** Which step of a case a photo documents (the BFF's ATTACHMENT_PURPOSES). */
export type AttachmentPurpose = 'report' | 'verify' | 'feedback' | 'check';

export interface UploadedAttachment {
  id: number;
  mime: string;
  url: string;
  thumbUrl: string | null;
}

function isUploaded(value: unknown): value is UploadedAttachment {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number';
}

/**
 * Uploads one photo or video before the action that uses it (POST /api/attachments,
 * multipart `file` + `purpose`, same session cookie); the action then passes the ids.
 * Throws an Error with the server's Chinese message when refused.
 */
export async function uploadAttachment(
  file: Blob,
  purpose: AttachmentPurpose,
  onProgress?: (percent: number) => void,
): Promise<UploadedAttachment> {
  const body = new FormData();
  body.append('purpose', purpose);
  body.append('file', file);
  // XMLHttpRequest rather than fetch: it reports upload progress.
  const request = new XMLHttpRequest();
  const done = new Promise<unknown>((resolve, reject) => {
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        parsed = null;
      }
      if (request.status >= 200 && request.status < 300 && isUploaded(parsed)) resolve(parsed);
      else reject(new Error(httpErrorMessage(request.responseText) ?? `上传失败（${request.status}）`));
    };
    request.onerror = () => reject(new Error('上传失败，请检查网络后重试'));
  });
  request.open('POST', '/api/attachments');
  request.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
  request.send(body);
  const uploaded = await done;
  return uploaded as UploadedAttachment;
}
