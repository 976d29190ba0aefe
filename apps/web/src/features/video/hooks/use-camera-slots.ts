import { useCallback, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { usePlay, usePlayback } from '../api/video';
import type { SlotState } from '../components/camera-slot';

/** What a pane shows of its camera: the live picture or a recording. */
export type SlotMode = 'live' | { start: Date; end: Date };

export interface CameraRef {
  deviceId: string;
  channelId: string;
  name: string;
  ptzType?: number | null;
}

/**
 * The panes of a split view (分屏): which camera each shows and its stream. A camera
 * goes into the selected pane, or the first free one; playback replaces the pane's
 * live picture with the recording.
 */
export function useCameraSlots(capacity: number) {
  const [slots, setSlots] = useState<(SlotState & { camera: CameraRef; mode: SlotMode })[]>([]);
  const [selected, setSelected] = useState(0);
  const play = usePlay();
  const playback = usePlayback();

  const put = useCallback(
    (index: number, camera: CameraRef, mode: SlotMode) => {
      const key = `${camera.channelId}:${Date.now()}`;
      const name = mode === 'live' ? camera.name : `${camera.name}（回放）`;
      setSlots((all) => {
        const next = [...all];
        next[index] = { key, name, source: null, error: null, camera, mode };
        return next;
      });
      const update = (patch: Partial<SlotState>) =>
        setSlots((all) => all.map((s, i) => (i === index && s?.key === key ? { ...s, ...patch } : s)));
      const ids = { deviceId: camera.deviceId, channelId: camera.channelId };
      // mutateAsync, not mutate: several panes open at once, and mutate's callbacks fire for the last call only.
      const opening = mode === 'live' ? play.mutateAsync(ids) : playback.mutateAsync({ ...ids, ...mode });
      opening.then(
        (grant) => update({ source: grant }),
        (error: unknown) => update({ error: apiErrorMessage(error, '无法打开视频') }),
      );
    },
    [play, playback],
  );

  const open = useCallback(
    (camera: CameraRef) => {
      const free = Array.from({ length: capacity }, (_, i) => i).find((i) => !slots[i]);
      const index = slots[selected] ? (free ?? selected) : selected;
      put(index, camera, 'live');
      setSelected(index);
    },
    [capacity, put, selected, slots],
  );

  const close = useCallback((index: number) => {
    setSlots((all) => {
      const next = [...all];
      delete next[index];
      return next;
    });
  }, []);

  /** Opens a pane's picture again (the stream broke, or its camera's 取流方式 changed). */
  const reopen = useCallback(
    (index: number) => {
      const slot = slots[index];
      if (slot) put(index, slot.camera, slot.mode);
    },
    [put, slots],
  );

  /** Reopens every pane showing this device: after a change to its 取流方式 the server stopped its streams. */
  const reopenDevice = useCallback(
    (deviceId: string) => {
      slots.forEach((slot, index) => {
        if (slot?.camera.deviceId === deviceId) reopen(index);
      });
    },
    [reopen, slots],
  );

  return { slots, selected, setSelected, open, put, close, reopen, reopenDevice };
}
