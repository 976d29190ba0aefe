import { useCallback, useState } from 'react';

/** Starting phrases for a user who has saved none yet. */
const DEFAULT_PHRASES = [
  '情况属实，请尽快处置。',
  '经现场核实，问题属实。',
  '请按时限要求处置到位，并上传处置后照片。',
  '照片清晰，处置到位，同意结案。',
  '不属于本部门职责范围，申请回退。',
  '处置效果不到位，请返工。',
];

const MAX_PHRASES = 50;

function storageKey(userId: number) {
  return `citygov.phrases.${userId}`;
}

function load(userId: number): string[] {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (raw === null) return DEFAULT_PHRASES;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : DEFAULT_PHRASES;
  } catch {
    return DEFAULT_PHRASES;
  }
}

/**
 * 习惯语 (personal phrases). The API has no phrase endpoints yet, so they are kept in this
 * browser's localStorage per user; move them to the server when it has them.
 */
export function usePhrases(userId: number) {
  const [phrases, setPhrases] = useState<string[]>(() => load(userId));
  const save = useCallback(
    (next: string[]) => {
      setPhrases(next);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the phrases still work for this session.
      }
    },
    [userId],
  );
  const add = (text: string) => {
    const phrase = text.trim();
    if (!phrase || phrases.includes(phrase)) return false;
    save([phrase, ...phrases].slice(0, MAX_PHRASES));
    return true;
  };
  const remove = (text: string) => save(phrases.filter((p) => p !== text));
  return { phrases, add, remove };
}
