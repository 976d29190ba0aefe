import { ConfigProvider, Result, Segmented, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { RequireSession } from '../../features/auth/components/require-session';
import { useVideoTree } from '../../features/video/api/video';
import { CameraSlot } from '../../features/video/components/camera-slot';
import { useCameraSlots } from '../../features/video/hooks/use-camera-slots';
import { buildVideoTree, camerasOf } from '../../features/video/video-tree';
import { useSession } from '../../lib/session/session-context';

const LAYOUTS = [4, 9, 16] as const;

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span>{now.toLocaleString('zh-CN', { hour12: false })}</span>;
}

/**
 * antd's controls at the wall's scale (the layout switch, a pane's 关闭 and 重新打开): their
 * type and height follow the screen's height like the wall's own text, so they read from
 * across the hall on 3840×2160 and stay the desk's size on smaller screens.
 */
function useWallControlSize(): { fontSize: number; controlHeight: number } {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const fontSize = Math.max(14, Math.round(height * 0.014));
  return { fontSize, controlHeight: Math.round((fontSize * 32) / 14) };
}

function Wall() {
  const controlSize = useWallControlSize();
  const { can } = useSession();
  const tree = useVideoTree();
  const [layout, setLayout] = useState<(typeof LAYOUTS)[number]>(16);
  const panes = useCameraSlots(layout);
  const online = useMemo(
    () => (tree.data ? camerasOf(buildVideoTree(tree.data)).filter((c) => c.online) : []),
    [tree.data],
  );
  const filled = panes.slots.filter(Boolean).length;
  const { put } = panes;

  // The wall fills itself with the first online cameras, once they are known.
  useEffect(() => {
    if (filled > 0) return;
    online.slice(0, layout).forEach((camera, i) => {
      put(i, { deviceId: camera.deviceId, channelId: camera.channelId, name: camera.name }, 'live');
    });
  }, [online, layout, filled, put]);

  if (!can('video.view')) return <Result status="403" title="没有查看视频监控的权限" />;
  const columns = Math.sqrt(layout);
  return (
    <ConfigProvider theme={{ token: controlSize }}>
      <div
        style={{ height: '100vh', background: '#050a14', color: '#d6e4ff', display: 'flex', flexDirection: 'column' }}
      >
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0.6vh 1.2vw',
            fontSize: '1.6vh',
          }}
        >
          <h1 style={{ margin: 0, fontSize: '2.4vh', color: '#fff' }}>视频上墙 · 城市运行监控</h1>
          <span>
            在线摄像机 {online.length} 路 · <Clock />
          </span>
          <Segmented
            aria-label="上墙布局"
            value={layout}
            onChange={(v) => setLayout(v as (typeof LAYOUTS)[number])}
            options={LAYOUTS.map((n) => ({ value: n, label: `${n}画面` }))}
          />
        </header>
        {tree.isPending ? (
          <div style={{ flex: 1, display: 'grid', placeItems: 'center' }}>
            <Spin size="large" />
          </div>
        ) : (
          <main
            style={{
              flex: 1,
              display: 'grid',
              gridTemplateColumns: `repeat(${columns}, 1fr)`,
              gridTemplateRows: `repeat(${columns}, 1fr)`,
              gap: 4,
              padding: 4,
              minHeight: 0,
            }}
          >
            {Array.from({ length: layout }, (_, i) => (
              <CameraSlot
                // biome-ignore lint/suspicious/noArrayIndexKey: a pane is its position on the wall.
                key={i}
                index={i}
                dark
                slot={panes.slots[i] ?? null}
                selected={false}
                onSelect={() => panes.setSelected(i)}
                onClose={() => panes.close(i)}
                onReopen={() => panes.reopen(i)}
              />
            ))}
          </main>
        )}
      </div>
    </ConfigProvider>
  );
}

/** 视频上墙: the big screen (3840×2160 at the command centre), outside the app shell. */
export function VideoWallPage() {
  return (
    <RequireSession>
      <Wall />
    </RequireSession>
  );
}
