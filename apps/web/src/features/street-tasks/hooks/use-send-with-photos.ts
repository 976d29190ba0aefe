import { useCallback, useRef, useState } from 'react';
import { type PhotoPurpose, uploadPhoto } from '../api/upload-photo';
import type { Draft, DraftPhotoItem } from '../drafts/use-draft';
import { classifyFailure, type SendFailure } from '../lib/send-failure';

export type SendPhase = 'idle' | 'uploading' | 'submitting' | 'failed' | 'done';

/**
 * Sends a form with photos: each photo not yet on the server is uploaded in turn (with
 * progress), then the form is submitted with all attachment ids. Any failure leaves
 * the draft as it is; photos already uploaded are remembered, so 重试 continues.
 *
 * `preupload` sends the photos ahead while the reporter is still typing (the report's
 * 智能判重 compares them before submit). A photo is uploaded once however both paths
 * race: the send waits for a photo already on its way instead of sending it again.
 */
export function useSendWithPhotos<F>(draft: Draft<F>, purpose: PhotoPurpose) {
  const [phase, setPhase] = useState<SendPhase>('idle');
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const [failedPhotoKey, setFailedPhotoKey] = useState<string | null>(null);
  const busy = useRef(false);
  // Uploads on their way, and ids of photos uploaded since the draft's state was last read.
  const inflight = useRef(new Map<string, Promise<number>>());
  const uploaded = useRef(new Map<string, number>());

  const uploadOnce = useCallback(
    (photo: DraftPhotoItem): Promise<number> => {
      const known = photo.uploaded?.id ?? uploaded.current.get(photo.key);
      if (known !== undefined) return Promise.resolve(known);
      const running = inflight.current.get(photo.key);
      if (running) return running;
      const key = photo.key;
      const upload = uploadPhoto(photo.blob, photo.name, purpose, (ratio) =>
        setProgress((prev) => ({ ...prev, [key]: ratio })),
      )
        .then((result) => {
          uploaded.current.set(key, result.id);
          draft.markUploaded(key, { id: result.id, thumbUrl: result.thumbUrl });
          return result.id;
        })
        .finally(() => {
          inflight.current.delete(key);
          setProgress(({ [key]: _done, ...rest }) => rest);
        });
      inflight.current.set(key, upload);
      return upload;
    },
    [draft, purpose],
  );

  const send = useCallback(
    async <R>(submit: (attachmentIds: number[]) => Promise<R>): Promise<R | null> => {
      if (busy.current) return null;
      busy.current = true;
      setFailure(null);
      setFailedPhotoKey(null);
      await draft.flush();
      const ids: number[] = [];
      let current: string | null = null;
      try {
        setPhase('uploading');
        for (const photo of draft.photos) {
          current = photo.key;
          ids.push(await uploadOnce(photo));
        }
        current = null;
        setPhase('submitting');
        const result = await submit(ids);
        setPhase('done');
        return result;
      } catch (error) {
        const classified = classifyFailure(error);
        if (classified.attachmentsRejected) {
          uploaded.current.clear();
          draft.forgetUploads();
        }
        setFailedPhotoKey(current);
        setFailure(classified);
        setPhase('failed');
        return null;
      } finally {
        busy.current = false;
      }
    },
    [draft, uploadOnce],
  );

  /**
   * Uploads the photos not yet on the server, quietly: a failure here is left for the
   * send, which retries and says what went wrong.
   */
  const preupload = useCallback(async () => {
    for (const photo of draft.photos) {
      try {
        await uploadOnce(photo);
      } catch {
        return;
      }
    }
  }, [draft, uploadOnce]);

  const reset = useCallback(() => {
    setPhase('idle');
    setFailure(null);
    setFailedPhotoKey(null);
  }, []);

  return {
    phase,
    sending: phase === 'uploading' || phase === 'submitting',
    progress,
    failure,
    failedPhotoKey,
    send,
    preupload,
    reset,
  };
}
