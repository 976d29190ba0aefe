import { useEffect, useRef, useState } from 'react';
import { useRelease } from '../api/video';
import { type NoticeDistance, ReopenNotice } from './reopen-notice';

const REOPEN_AFTER_MS = 3_000;

export interface PlayerSource {
  token: string;
  hls: string;
  flv: string | null;
}

/**
 * One camera's picture: HTTP-FLV through mpegts.js where the media server offers it
 * (lower latency), else HLS through hls.js (or the browser's own HLS). Muted so it may
 * autoplay; the viewer token is handed back when the player closes, so the stream can
 * stop once nobody watches. A stream that breaks (the camera hung up, its 取流方式 was
 * changed, the server restarted) offers 重新打开, or reopens by itself on the wall.
 */
export function VideoPlayer({
  source,
  label,
  fit = 'contain',
  onReopen,
  reopenAutomatically = false,
  noticeDistance = 'desk',
}: {
  source: PlayerSource;
  label: string;
  fit?: 'contain' | 'cover';
  onReopen?: () => void;
  /** Unattended screens: reopen a broken stream after a few seconds instead of waiting for a click. */
  reopenAutomatically?: boolean;
  noticeDistance?: NoticeDistance;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const release = useRelease();
  const releaseRef = useRef(release.mutate);
  releaseRef.current = release.mutate;
  const [problem, setProblem] = useState<string | null>(null);
  const reopenRef = useRef(onReopen);
  reopenRef.current = onReopen;

  useEffect(() => {
    if (!problem || !reopenAutomatically) return;
    const timer = setTimeout(() => reopenRef.current?.(), REOPEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [problem, reopenAutomatically]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let disposed = false;
    let destroy: () => void = () => {};
    const broken = () => setProblem('视频流中断');
    // hls.js (~550 KB) loads with the first player, not with every page that may show one.
    const playHls = () =>
      void import('hls.js').then(({ default: Hls }) => {
        if (disposed) return;
        if (!Hls.isSupported()) {
          element.src = source.hls;
          return;
        }
        const hls = new Hls({ lowLatencyMode: true, liveSyncDurationCount: 2, manifestLoadingMaxRetry: 6 });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) broken();
        });
        hls.loadSource(source.hls);
        hls.attachMedia(element);
        destroy = () => hls.destroy();
      });
    const flv = source.flv;
    if (!flv) playHls();
    else
      void import('mpegts.js').then(({ default: mpegts }) => {
        if (disposed) return;
        // A browser without MSE for FLV still gets the server's HLS rather than a black pane.
        if (!mpegts.isSupported()) return playHls();
        const player = mpegts.createPlayer({ type: 'flv', isLive: true, url: flv });
        // A live FLV that errors or ends (the server closed the stream) is as broken as a fatal HLS error.
        player.on(mpegts.Events.ERROR, broken);
        player.on(mpegts.Events.LOADING_COMPLETE, broken);
        player.attachMediaElement(element);
        player.load();
        void Promise.resolve(player.play()).catch(() => {});
        destroy = () => player.destroy();
      });
    return () => {
      disposed = true;
      destroy();
      releaseRef.current({ token: source.token });
    };
  }, [source]);

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%', background: '#000' }}>
      <video
        ref={video}
        aria-label={label}
        muted
        autoPlay
        playsInline
        style={{ width: '100%', height: '100%', objectFit: fit, display: 'block' }}
      />
      {problem ? (
        <ReopenNotice
          text={reopenAutomatically ? `${problem}，正在重新打开…` : onReopen ? problem : `${problem}，请关闭后重新打开`}
          color="#fff"
          distance={noticeDistance}
          {...(onReopen && !reopenAutomatically ? { onReopen } : {})}
        />
      ) : null}
    </div>
  );
}
