import { createStore, del, delMany, get, keys, set, type UseStore } from 'idb-keyval';

/**
 * Drafts of street forms in IndexedDB, so a report typed on a weak connection (or a
 * closed tab) is never lost. The form fields live under the draft key; each photo is a
 * Blob under its own key, written once when taken, so saving the text often stays cheap.
 */
export interface DraftPhoto {
  key: string;
  name: string;
  type: string;
  size: number;
  /** Set once the photo reached the server; a retry then reuses it instead of sending it again. */
  uploaded: { id: number; thumbUrl: string | null } | null;
}

export interface StoredDraft<F> {
  version: 1;
  savedAt: number;
  fields: F;
  photos: DraftPhoto[];
}

let store: UseStore | null = null;

function draftStore(): UseStore {
  if (typeof indexedDB === 'undefined') throw new Error('此浏览器不支持本地存储（IndexedDB），草稿无法保存');
  store ??= createStore('citygov-street', 'drafts');
  return store;
}

const photoKey = (draftKey: string, key: string) => `${draftKey}#photo:${key}`;

export function loadDraft<F>(draftKey: string): Promise<StoredDraft<F> | undefined> {
  return get<StoredDraft<F>>(draftKey, draftStore());
}

export function saveDraft<F>(draftKey: string, fields: F, photos: DraftPhoto[]): Promise<void> {
  const value: StoredDraft<F> = { version: 1, savedAt: Date.now(), fields, photos };
  return set(draftKey, value, draftStore());
}

export function loadDraftPhoto(draftKey: string, key: string): Promise<Blob | undefined> {
  return get<Blob>(photoKey(draftKey, key), draftStore());
}

export function saveDraftPhoto(draftKey: string, key: string, blob: Blob): Promise<void> {
  return set(photoKey(draftKey, key), blob, draftStore());
}

export function deleteDraftPhoto(draftKey: string, key: string): Promise<void> {
  return del(photoKey(draftKey, key), draftStore());
}

/** Removes the draft and every photo stored with it. */
export async function deleteDraft(draftKey: string): Promise<void> {
  const all = await keys<IDBValidKey>(draftStore());
  const mine = all.filter((k) => typeof k === 'string' && (k === draftKey || k.startsWith(`${draftKey}#`)));
  await delMany(mine, draftStore());
}
