import { useCallback, useRef, useState } from 'react';
import { type PhotoPurpose, uploadPhoto } from '../api/upload-photo';
import type { Draft } from '../drafts/use-draft';
import { classifyFailure, type SendFailure } from '../lib/send-failure';

export type SendPhase = 'idle' | 'uploading' | 'submitting' | 'failed' | 'done';

/**
 * Sends a form with photos: each photo not yet on the server is uploaded in turn (with
 * progress), then the form is submitted with all attachment ids. Any failure leaves
 * the draft as it is; photos already uploaded are remembered, so 重试 continues.
 */
export function useSendWithPhotos<F>(draft: Draft<F>, purpose: PhotoPurpose) {
  const [phase, setPhase] = useState<SendPhase>('idle');
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const [failedPhotoKey, setFailedPhotoKey] = useState<string | null>(null);
  const busy = useRef(false);

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
          if (photo.uploaded) {
            ids.push(photo.uploaded.id);
            continue;
          }
          current = photo.key;
          const key = photo.key;
          const uploaded = await uploadPhoto(photo.blob, photo.name, purpose, (ratio) =>
            setProgress((prev) => ({ ...prev, [key]: ratio })),
          );
          draft.markUploaded(key, { id: uploaded.id, thumbUrl: uploaded.thumbUrl });
          ids.push(uploaded.id);
        }
        current = null;
        setPhase('submitting');
        const result = await submit(ids);
        setPhase('done');
        return result;
      } catch (error) {
        const classified = classifyFailure(error);
        if (classified.attachmentsRejected) draft.forgetUploads();
        setFailedPhotoKey(current);
        setFailure(classified);
        setPhase('failed');
        return null;
      } finally {
        setProgress({});
        busy.current = false;
      }
    },
    [draft, purpose],
  );

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
    reset,
  };
}
