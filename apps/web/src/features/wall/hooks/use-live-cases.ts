import { useCallback, useEffect, useRef, useState } from 'react';
import type { WallCase } from '../api/wall-api';

/** Rows the live list keeps (older ones scroll away). */
export const LIVE_ROWS = 30;
/** Incoming rows are applied at most this often, so a burst is one repaint, not hundreds. */
const FLUSH_MS = 300;
/** How long a new row stays highlighted. */
const FRESH_MS = 8_000;

export interface LiveRow extends WallCase {
  freshUntil: number;
}

/**
 * The live list: the server's newest cases, with pushed reports put on top as they come.
 * Pushes are buffered and flushed in batches, capped at LIVE_ROWS, and de-duplicated by
 * case, so the list stays steady under a burst.
 */
export function useLiveCases(initial: readonly WallCase[] | undefined) {
  const [rows, setRows] = useState<LiveRow[]>([]);
  const buffer = useRef<WallCase[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Each full refresh is the truth for rows already known; pushed rows not in it yet stay.
  useEffect(() => {
    if (!initial) return;
    setRows((current) => merge(current, initial, 0));
  }, [initial]);

  const flush = useCallback(() => {
    timer.current = null;
    const incoming = buffer.current.splice(0).reverse();
    setRows((current) => merge(current, incoming, Date.now() + FRESH_MS));
  }, []);

  const push = useCallback(
    (row: WallCase) => {
      buffer.current.push(row);
      if (buffer.current.length > LIVE_ROWS) buffer.current.splice(0, buffer.current.length - LIVE_ROWS);
      timer.current ??= setTimeout(flush, FLUSH_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { rows, push };
}

function merge(current: readonly LiveRow[], incoming: readonly WallCase[], freshUntil: number): LiveRow[] {
  const known = new Map(current.map((row) => [row.id, row]));
  const top = incoming.map((row) => ({ ...row, freshUntil: Math.max(known.get(row.id)?.freshUntil ?? 0, freshUntil) }));
  const ids = new Set(top.map((row) => row.id));
  return [...top, ...current.filter((row) => !ids.has(row.id))]
    .sort((a, b) => new Date(b.reportedAt).getTime() - new Date(a.reportedAt).getTime())
    .slice(0, LIVE_ROWS);
}
