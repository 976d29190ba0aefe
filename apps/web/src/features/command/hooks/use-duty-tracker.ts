import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { apiAppCode, apiErrorMessage } from '../../../lib/api-error';
import { useReportPositions } from '../api/command';

interface Point {
  lng: number;
  lat: number;
  accuracyM: number | null;
  at: Date;
}

/** Keep a fix at most this often, and send the batch this often (a phone's battery and data). */
const KEEP_EVERY_MS = 15_000;
const SEND_EVERY_MS = 30_000;
/** Fixes not yet sent survive a reload or a dead zone here, up to a shift's worth. */
const BACKLOG_KEY = 'citygov.duty.backlog';
const BACKLOG_MAX = 2000;

function loadBacklog(): Point[] {
  try {
    const raw = JSON.parse(localStorage.getItem(BACKLOG_KEY) ?? '[]') as (Omit<Point, 'at'> & { at: string })[];
    return raw.map((p) => ({ ...p, at: new Date(p.at) }));
  } catch {
    return [];
  }
}

function saveBacklog(points: Point[]) {
  localStorage.setItem(BACKLOG_KEY, JSON.stringify(points.slice(-BACKLOG_MAX)));
}

/**
 * While on duty, watches the phone's position and reports it: a fix at most every 15 s,
 * sent in batches every 30 s. What could not be sent (no signal) stays in a backlog and
 * goes with the next batch, so the day's track has no gap. A batch refused because the
 * person is off duty (自动下岗 after the phone was silent too long) is dropped — those
 * fixes will never count — and the person is told to 上岗 again; the duty card then reads
 * 离岗, which stops the tracking.
 */
export function useDutyTracker(onDuty: boolean) {
  const { message } = App.useApp();
  const report = useReportPositions();
  const send = useRef(report.mutateAsync);
  send.current = report.mutateAsync;
  const warn = useRef(message.warning);
  warn.current = message.warning;
  useEffect(() => {
    if (!onDuty || typeof navigator === 'undefined' || !navigator.geolocation) return;
    let lastKept = 0;
    let sending = false;
    const flush = async () => {
      const backlog = loadBacklog();
      if (sending || backlog.length === 0) return;
      sending = true;
      try {
        await send.current({ points: backlog });
        // Keep what arrived while this batch was in flight.
        saveBacklog(loadBacklog().filter((p) => p.at.getTime() > (backlog.at(-1)?.at.getTime() ?? 0)));
      } catch (error) {
        if (apiAppCode(error) === 'OFF_DUTY') {
          saveBacklog([]);
          warn.current({ content: apiErrorMessage(error), duration: 8, key: 'off-duty' });
        }
        // Otherwise offline or failed: the backlog stays for the next attempt.
      } finally {
        sending = false;
      }
    };
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        if (position.timestamp - lastKept < KEEP_EVERY_MS) return;
        lastKept = position.timestamp;
        const point: Point = {
          lng: position.coords.longitude,
          lat: position.coords.latitude,
          accuracyM: position.coords.accuracy,
          at: new Date(position.timestamp),
        };
        const backlog = [...loadBacklog(), point];
        saveBacklog(backlog);
        // The first fix goes at once, so the command scene sees the person right after 上岗.
        if (backlog.length === 1) void flush();
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    const timer = window.setInterval(() => void flush(), SEND_EVERY_MS);
    return () => {
      navigator.geolocation.clearWatch(watch);
      window.clearInterval(timer);
      void flush();
    };
  }, [onDuty]);
}
