import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { httpErrorMessage } from '../../../lib/http-error-body';
import { REQUEST_TIMEOUT_MS, timeoutMessage, UploadFailure } from '../lib/send-failure';

/** Which step of the case a photo documents (the BFF's attachment purposes). */
export type PhotoPurpose = 'report' | 'verify' | 'feedback' | 'check';

export interface UploadedPhoto {
  id: number;
  url: string;
  thumbUrl: string | null;
}

function parseUploaded(xhr: XMLHttpRequest): UploadedPhoto {
  const body: unknown = JSON.parse(xhr.responseText);
  if (!body || typeof body !== 'object' || !('id' in body) || typeof body.id !== 'number') {
    throw new UploadFailure(xhr.status, '服务器返回的上传结果无效');
  }
  const url = 'url' in body && typeof body.url === 'string' ? body.url : `/api/attachments/${body.id}`;
  const thumbUrl = 'thumbUrl' in body && typeof body.thumbUrl === 'string' ? body.thumbUrl : null;
  return { id: body.id, url, thumbUrl };
}

/**
 * POST /api/attachments with XMLHttpRequest, because fetch cannot report upload
 * progress. Gives up when nothing moves for REQUEST_TIMEOUT_MS (a stalled link),
 * not after a fixed total, so a big photo on a slow but live connection still goes.
 */
export function uploadPhoto(
  blob: Blob,
  fileName: string,
  purpose: PhotoPurpose,
  onProgress: (ratio: number) => void,
): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const armStallTimer = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        timedOut = true;
        xhr.abort();
      }, REQUEST_TIMEOUT_MS);
    };

    xhr.open('POST', '/api/attachments');
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      armStallTimer();
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    // Sent; the server still sniffs the type and makes a thumbnail before it answers.
    xhr.upload.onload = () => {
      onProgress(1);
      armStallTimer();
    };
    xhr.onload = () => {
      clearTimeout(stallTimer);
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          resolve(parseUploaded(xhr));
        } catch (error) {
          reject(error instanceof UploadFailure ? error : new UploadFailure(xhr.status, '服务器返回的上传结果无效'));
        }
        return;
      }
      const message = httpErrorMessage(xhr.responseText);
      if (xhr.status === 401) reject(new UploadFailure(401, message ?? '登录已失效，请重新登录后重试'));
      else if (xhr.status >= 500) reject(new UploadFailure(xhr.status, '服务器暂时无法保存照片，请稍后重试'));
      else reject(new UploadFailure(xhr.status, message ?? `照片上传失败（${xhr.status}）`));
    };
    xhr.onerror = () => {
      clearTimeout(stallTimer);
      reject(new UploadFailure(0, '网络不可用，照片未能上传'));
    };
    xhr.onabort = () => {
      clearTimeout(stallTimer);
      reject(new UploadFailure(0, timedOut ? timeoutMessage() : '照片上传已取消', timedOut));
    };

    const form = new FormData();
    // The purpose goes first so the server knows it before the file streams in.
    form.append('purpose', purpose);
    form.append('file', blob, fileName);
    armStallTimer();
    onProgress(0);
    xhr.send(form);
  });
}
