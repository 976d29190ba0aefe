import { CloseOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ReopenNotice } from './reopen-notice';
import { type PlayerSource, VideoPlayer } from './video-player';

export interface SlotState {
  key: string;
  name: string;
  source: PlayerSource | null;
  error: string | null;
}

/** One pane of the split view: empty, opening, playing or failed, with the camera's name. */
export function CameraSlot({
  slot,
  index,
  selected,
  onSelect,
  onClose,
  onReopen,
  dark,
}: {
  slot: SlotState | null;
  index: number;
  selected: boolean;
  onSelect: () => void;
  onClose: () => void;
  /** Opens the pane's picture again (after a broken stream or a failed opening). */
  onReopen: () => void;
  dark?: boolean;
}) {
  let body: ReactNode;
  if (!slot) {
    body = (
      <div style={{ color: '#888', display: 'grid', placeItems: 'center', height: '100%' }}>
        <span style={{ fontSize: dark ? '1.4vh' : undefined }}>
          <VideoCameraOutlined /> 窗口 {index + 1}
          {dark ? '（空闲）' : '：点击左侧摄像机名称播放'}
        </span>
      </div>
    );
  } else if (slot.error) {
    body = (
      <ReopenNotice
        text={`${slot.name}：${slot.error}`}
        color="#ff7875"
        onReopen={onReopen}
        distance={dark ? 'wall' : 'desk'}
      />
    );
  } else if (!slot.source) {
    body = (
      <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
        <Spin description={`正在打开 ${slot.name}…`} />
      </div>
    );
  } else {
    body = (
      <VideoPlayer
        source={slot.source}
        label={`${slot.name} 实时画面`}
        fit="contain"
        onReopen={onReopen}
        reopenAutomatically={dark}
        noticeDistance={dark ? 'wall' : 'desk'}
      />
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pane that holds a video and buttons cannot be a <button>.
    <div
      role="button"
      tabIndex={0}
      aria-label={`视频窗口 ${index + 1}${slot ? `：${slot.name}` : ''}`}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSelect();
      }}
      style={{
        position: 'relative',
        background: dark ? '#000' : '#111',
        outline: selected ? '2px solid #1677ff' : '1px solid #333',
        outlineOffset: -1,
        minHeight: 0,
        overflow: 'hidden',
      }}
    >
      {body}
      {slot ? (
        <div
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            top: 0,
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '2px 6px',
            background: 'rgba(0,0,0,0.45)',
            color: '#fff',
            // The wall is read from across the room.
            fontSize: dark ? '1.5vh' : 12,
          }}
        >
          <span>{slot.name}</span>
          <Button
            size="small"
            type="text"
            aria-label={`关闭 ${slot.name}`}
            icon={<CloseOutlined style={{ color: '#fff' }} />}
            onClick={(e) => {
              e.stopPropagation();
              onClose();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
