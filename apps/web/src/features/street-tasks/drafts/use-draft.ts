import { del } from 'idb-keyval';
import { useCallback, useEffect, useRef, useState } from 'react';
import { preparePhoto } from '../lib/prepare-photo';
import {
  type DraftPhoto,
  deleteDraft,
  deleteDraftPhoto,
  loadDraft,
  loadDraftPhoto,
  saveDraft,
  saveDraftPhoto,
} from './draft-store';

export interface DraftPhotoItem extends DraftPhoto {
  blob: Blob;
  /** An object URL for the preview; revoked when the photo goes. */
  previewUrl: string;
}

const SAVE_DELAY_MS = 300;

function newKey(): string {
  // Not crypto.randomUUID: that needs a secure context, and a test phone may reach the app over plain http.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function storageMessage(error: unknown): string {
  return error instanceof Error && error.message.includes('IndexedDB')
    ? error.message
    : '草稿无法保存到本机（存储空间不足或已被禁用），请尽快提交';
}

/**
 * A form's fields and photos, saved to IndexedDB as they change and restored when the
 * page opens again. `restoredAt` is when the restored draft was saved (null if none).
 */
export function useDraft<F>(draftKey: string, empty: F, isEmpty: (fields: F) => boolean) {
  const [loading, setLoading] = useState(true);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [fields, setFields] = useState<F>(empty);
  const [photos, setPhotos] = useState<DraftPhotoItem[]>([]);
  const [storageError, setStorageError] = useState<string | null>(null);
  const latest = useRef({ fields, photos });
  latest.current = { fields, photos };
  const fixed = useRef({ empty, isEmpty });

  useEffect(() => {
    let cancelled = false;
    const created: string[] = [];
    (async () => {
      try {
        const stored = await loadDraft<F>(draftKey);
        if (!stored || cancelled) return;
        const items: DraftPhotoItem[] = [];
        for (const meta of stored.photos) {
          const blob = await loadDraftPhoto(draftKey, meta.key);
          if (!blob) continue;
          const previewUrl = URL.createObjectURL(blob);
          created.push(previewUrl);
          items.push({ ...meta, blob, previewUrl });
        }
        if (cancelled) return;
        const restored = { ...fixed.current.empty, ...stored.fields };
        if (fixed.current.isEmpty(restored) && items.length === 0) return;
        setFields(restored);
        setPhotos(items);
        setRestoredAt(stored.savedAt);
      } catch (error) {
        if (!cancelled) setStorageError(storageMessage(error));
      } finally {
        if (!cancelled) setLoading(false);
      }
    })();
    return () => {
      cancelled = true;
      for (const url of created) URL.revokeObjectURL(url);
    };
  }, [draftKey]);

  // Object URLs of photos still shown go when the page goes.
  useEffect(
    () => () => {
      for (const photo of latest.current.photos) URL.revokeObjectURL(photo.previewUrl);
    },
    [],
  );

  const persist = useCallback(async () => {
    const { fields: f, photos: p } = latest.current;
    try {
      if (fixed.current.isEmpty(f) && p.length === 0) await del(draftKey).catch(() => undefined);
      else
        await saveDraft(
          draftKey,
          f,
          p.map(({ blob: _blob, previewUrl: _url, ...meta }) => meta),
        );
      setStorageError(null);
    } catch (error) {
      setStorageError(storageMessage(error));
    }
  }, [draftKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fields and photos are what triggers a save; persist reads them from the ref
  useEffect(() => {
    if (loading) return;
    const timer = setTimeout(() => void persist(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loading, fields, photos, persist]);

  const addPhotos = useCallback(
    async (files: readonly File[]) => {
      const items: DraftPhotoItem[] = [];
      for (const file of files) {
        const { blob, name } = await preparePhoto(file);
        const key = newKey();
        try {
          await saveDraftPhoto(draftKey, key, blob);
        } catch (error) {
          // Still usable for this send; it just would not survive a reload.
          setStorageError(storageMessage(error));
        }
        items.push({
          key,
          name,
          type: blob.type || file.type,
          size: blob.size,
          uploaded: null,
          blob,
          previewUrl: URL.createObjectURL(blob),
        });
      }
      setPhotos((prev) => [...prev, ...items]);
    },
    [draftKey],
  );

  const removePhoto = useCallback(
    (key: string) => {
      setPhotos((prev) => {
        const gone = prev.find((p) => p.key === key);
        if (gone) URL.revokeObjectURL(gone.previewUrl);
        return prev.filter((p) => p.key !== key);
      });
      void deleteDraftPhoto(draftKey, key).catch(() => undefined);
    },
    [draftKey],
  );

  const markUploaded = useCallback((key: string, uploaded: DraftPhoto['uploaded']) => {
    setPhotos((prev) => prev.map((p) => (p.key === key ? { ...p, uploaded } : p)));
  }, []);

  /** After the server refused the uploads (e.g. already used), send the photos again next time. */
  const forgetUploads = useCallback(() => {
    setPhotos((prev) => prev.map((p) => ({ ...p, uploaded: null })));
  }, []);

  const clear = useCallback(async () => {
    for (const photo of latest.current.photos) URL.revokeObjectURL(photo.previewUrl);
    latest.current = { fields: fixed.current.empty, photos: [] };
    setFields(fixed.current.empty);
    setPhotos([]);
    setRestoredAt(null);
    await deleteDraft(draftKey).catch(() => undefined);
  }, [draftKey]);

  return {
    loading,
    restoredAt,
    dismissRestored: () => setRestoredAt(null),
    storageError,
    fields,
    setFields,
    photos,
    addPhotos,
    removePhoto,
    markUploaded,
    forgetUploads,
    clear,
    flush: persist,
  };
}

export type Draft<F> = ReturnType<typeof useDraft<F>>;
