/** 2026-05-01T10:30:00+08:00 → 2026-05-01 10:30 (the API already answers in China time). */
export function shownTime(w3: string | null): string {
  return w3 ? w3.slice(0, 16).replace('T', ' ') : '—';
}
